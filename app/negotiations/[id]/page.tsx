import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getNegotiation, listIssuesOf, listRoundsOf, listSeatedParties } from '@/db/queries/negotiations';
import { homeworkCounts } from '@/db/queries/homework';
import { requireReader, currentReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { affiliationsOfNegotiation } from '@/db/queries/parties';
import { hasRole } from '@/lib/roles';
import { formatDate, todayIso } from '@/lib/dates';
import { label } from '@/lib/domain';
import { parseId } from '@/lib/ids';
import { StatusBadge } from '@/components/Badges';
import { RoundDates } from '@/components/rounds/RoundDates';
import { affiliationText } from '@/components/parties/affiliation-text';
import { NOT_FOUND_TITLE } from '@/app/not-found-title';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  const reader = await currentReader();
  return { title: (id !== null && reader && getNegotiation(getDb(), reader.scope, id)?.name) || NOT_FOUND_TITLE };
}

export default async function NegotiationPage({ params }: Params) {
  const { user, scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const negotiation = getNegotiation(db, scope, id);
  if (!negotiation) notFound();
  const parties = listSeatedParties(db, scope, id);
  const people = affiliationsOfNegotiation(db, scope, id);
  const issues = listIssuesOf(db, scope, id);
  const rounds = listRoundsOf(db, scope, id);
  const today = todayIso();
  const counts = homeworkCounts(db, scope, id, today);
  const canWrite = hasRole(roleIn(scope, id)!, 'analyst');
  const seesMembers = canWrite || user.role === 'admin';

  return (
    <>
      <MarkingBanner marking={negotiation.marking} />
      <div className="spread">
        <h1>{negotiation.name}</h1>
        {canWrite && (
          <ul className="link-list" aria-label="Analyst actions">
            <li>
              <Link className="button" href={`/negotiations/${id}/rounds/new`}>
                New round
              </Link>
            </li>
            <li>
              <Link className="button secondary" href={`/homework/new?negotiation=${id}`}>
                New homework
              </Link>
            </li>
            <li>
              <Link className="button secondary" href={`/negotiations/${id}/issues/new`}>
                New issue
              </Link>
            </li>
            <li>
              <Link className="button secondary" href={`/negotiations/${id}/edit`}>
                Edit negotiation
              </Link>
            </li>
            <li>
              <Link className="button secondary" href={`/negotiations/${id}/import-updates`}>
                Import updates (CSV)
              </Link>
            </li>
            <li>
              <Link className="button secondary" href={`/updates/capture?negotiation=${id}`} aria-keyshortcuts="c" title="Keyboard shortcut: c">
                Capture from an article
              </Link>
            </li>
          </ul>
        )}
      </div>
      {negotiation.description && <p>{negotiation.description}</p>}
      <p className="access-note">
        {negotiation.access === 'open' ? 'Open: every signed-in user can read it.' : 'Restricted: only its members and admins can read it.'}
        {seesMembers && (
          <>
            {' '}
            <Link href={`/negotiations/${id}/members`}>Members</Link>
          </>
        )}
      </p>
      <nav aria-label="Views of this negotiation">
        <ul className="link-list">
          <li>
            <Link href={`/negotiations/${id}/timeline`}>Timeline</Link>
          </li>
          <li>
            <Link href={`/negotiations/${id}/since-last-round`}>Since the last round</Link>
          </li>
          <li>
            <Link href={`/homework?negotiation=${id}`}>Homework board</Link>
          </li>
        </ul>
      </nav>

      <div className="grid-2">
        <section className="panel" aria-labelledby="parties-heading">
          <h2 id="parties-heading">Parties</h2>
          {parties.length === 0 ? (
            <p className="muted">No parties at the table yet.</p>
          ) : (
            <ul>
              {parties.map((p) => {
                const own = people.filter((f) => f.partyId === p.id);
                return (
                  <li key={p.id}>
                    <strong>{p.name}</strong> <span className="muted">({label(p.role)})</span>
                    {p.description && <div className="small muted">{p.description}</div>}
                    {p.note && <div className="small">{p.note}</div>}
                    {own.length > 0 && (
                      <ul className="small" aria-label={`Actors of ${p.name}`}>
                        {own.map((f) => (
                          <li key={f.id}>
                            {f.actorName}
                            {affiliationText(f) && <span className="muted"> — {affiliationText(f)}</span>}
                          </li>
                        ))}
                      </ul>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section className="panel" aria-labelledby="homework-heading">
          <h2 id="homework-heading">Homework</h2>
          <p>
            <Link href={`/homework?negotiation=${id}&status=open`}>
              {counts.open} open item{counts.open === 1 ? '' : 's'}
            </Link>
            {', '}
            {counts.overdue > 0 ? (
              <Link href={`/homework?negotiation=${id}&status=overdue`}>
                <span className="badge overdue">{counts.overdue} overdue</span>
              </Link>
            ) : (
              <span>none overdue</span>
            )}
            {counts.dueRoundCancelled > 0 && (
              <>
                {', '}
                <Link href={`/homework?negotiation=${id}&status=due_round_cancelled`}>
                  <span className="badge overdue">
                    {counts.dueRoundCancelled} due at a cancelled round
                  </span>
                </Link>
              </>
            )}
          </p>
        </section>
      </div>

      <section className="panel" aria-labelledby="issues-heading">
        <h2 id="issues-heading">Issues</h2>
        {issues.length === 0 ? (
          <p className="muted">No issues yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  <th scope="col">Status</th>
                  <th scope="col">Priority</th>
                  <th scope="col">Key date</th>
                </tr>
              </thead>
              <tbody>
                {issues.map((i) => (
                  <tr key={i.id}>
                    <th scope="row">
                      <Link href={`/issues/${i.id}`}>{i.title}</Link>
                    </th>
                    <td>
                      <StatusBadge status={i.status} />
                    </td>
                    <td>{label(i.priority)}</td>
                    <td>{i.keyDate ? `${formatDate(i.keyDate)}${i.keyDateLabel ? ` — ${i.keyDateLabel}` : ''}` : <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="panel" aria-labelledby="rounds-heading">
        <h2 id="rounds-heading">Rounds</h2>
        {rounds.length === 0 ? (
          <p className="muted">No rounds yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">#</th>
                  <th scope="col">Round</th>
                  <th scope="col">Status</th>
                  <th scope="col">Dates</th>
                  <th scope="col">Format</th>
                  <th scope="col">Venue</th>
                </tr>
              </thead>
              <tbody>
                {rounds.map((r, index) => (
                  <tr key={r.id}>
                    <td>{index + 1}</td>
                    <th scope="row">
                      <Link href={`/rounds/${r.id}`}>{r.name}</Link>
                    </th>
                    <td>
                      <span className={`badge status round-${r.status}`}>{label(r.status)}</span>
                    </td>
                    <td>
                      <RoundDates round={r} today={today} />
                    </td>
                    <td>{label(r.format)}</td>
                    <td>{r.venue || <span className="muted">—</span>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
