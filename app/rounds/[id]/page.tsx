import type { Metadata } from 'next';
import Link from 'next/link';
import { PartyColumnHeader } from '@/components/PartyColumnHeader';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getRoundPage, getRoundRecord } from '@/db/queries/rounds';
import { currentReader, requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { label } from '@/lib/domain';
import { StanceBadge, StatusBadge } from '@/components/Badges';
import { SourceCitation } from '@/components/SourceCitation';
import { RoundDates } from '@/components/rounds/RoundDates';
import { cancellationSentence } from '@/lib/round-summary/cancellation';
import { HomeworkTable } from '@/components/homework/HomeworkTable';
import { formatDate } from '@/lib/dates';
import { parseId } from '@/lib/ids';
import { RoundExportLinks } from '@/components/RoundExportLinks';
import { readerToday } from '@/server/reader-time';
import { cachedRead } from '@/db/read-cache';
import { NOT_FOUND_TITLE } from '@/app/not-found-title';

export const dynamic = 'force-dynamic';

/** A busy round can carry a hundred items: the page shows the first ones, the homework board all of them. */
const HOMEWORK_SHOWN = 20;

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  const reader = await currentReader();
  return { title: (id !== null && reader && getRoundRecord(getDb(), reader.scope, id)?.round.name) || NOT_FOUND_TITLE };
}

export default async function RoundPage({ params }: Params) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const today = await readerToday();
  const db = getDb();
  // Shared by every reader who sees the same negotiations until the next write (db/read-cache.ts).
  const page = cachedRead(db, scope, ['round', id, today], (seen) => getRoundPage(db, seen, id, today));
  if (!page) notFound();
  const { round } = page;
  const canWrite = hasRole(roleIn(scope, round.negotiationId)!, 'analyst');
  const headOf = new Map(page.delegations.map((d) => [d.partyId, d.head]));

  return (
    <div data-negotiation-id={round.negotiationId} data-round-id={round.id}>
      <MarkingBanner marking={page.marking} />
      <p className="small">
        <Link href={`/negotiations/${round.negotiationId}`}>{page.negotiationName}</Link>
      </p>
      <div className="spread">
        <h1>{round.name}</h1>
        {canWrite && (
          <ul className="link-list" aria-label="Analyst actions">
            <li>
              <Link className="button" href={`/rounds/${round.id}/edit`}>
                Edit round
              </Link>
            </li>
            <li>
              <Link className="button secondary" href={`/homework/new?negotiation=${round.negotiationId}&assigned=${round.id}`}>
                New homework from this round
              </Link>
            </li>
          </ul>
        )}
      </div>

      <section className="panel no-print" aria-labelledby="round-exports">
        <h2 id="round-exports" style={{ marginTop: 0 }}>
          Round summary
        </h2>
        <p>
          <Link href={`/rounds/${round.id}/summary`}>Read the summary</Link> or download it:
        </p>
        <RoundExportLinks roundId={round.id} />
      </section>

      <section className="panel" aria-label="Facts">
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <span className={`badge status round-${round.status}`}>{label(round.status)}</span>
            {round.status === 'cancelled' && (
              <div className="cancellation">
                <p>
                  {cancellationSentence({ on: round.cancelledOn, reason: round.cancellationReason, source: page.cancellationSource?.sourceOutlet ?? null })}
                </p>
                {page.cancellationSource && <SourceCitation citation={page.cancellationSource} />}
              </div>
            )}
          </dd>
          <dt>Dates</dt>
          <dd>
            <RoundDates round={round} today={today} />
          </dd>
          <dt>Format</dt>
          <dd>{label(round.format)}</dd>
          <dt>Venue</dt>
          <dd>{round.venue || <span className="muted">not known yet</span>}</dd>
          <dt>Delegation heads</dt>
          <dd>
            {page.delegations.length === 0 ? (
              <span className="muted">none recorded</span>
            ) : (
              <ul className="plain">
                {page.parties
                  .filter((p) => headOf.has(p.id))
                  .map((p) => (
                    <li key={p.id}>
                      {p.name}: {headOf.get(p.id)}
                    </li>
                  ))}
              </ul>
            )}
          </dd>
        </dl>
        {round.summary &&
          round.summary.split(/\n{2,}/).map((para, i) => (
            <p key={i} className="summary">
              {para}
            </p>
          ))}
      </section>

      <section aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">On the agenda</h2>
        {page.agenda.length === 0 ? (
          <p className="muted">No issues recorded on the agenda.</p>
        ) : (
          <div className="table-wrap">
            <table className="matrix round-positions">
              <caption>Each party’s position at this round</caption>
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  {page.parties.map((p) => (
                    <PartyColumnHeader key={p.id} party={p} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {page.agenda.map((issue) => (
                  <tr key={issue.id}>
                    <th scope="row">
                      <Link href={`/issues/${issue.id}`}>{issue.title}</Link>
                      <div>
                        <StatusBadge status={issue.status} /> <span className="muted small">now</span>
                      </div>
                    </th>
                    {issue.positions.map(({ party, position }) => (
                      <td key={party.id} className="cell">
                        {position ? (
                          <>
                            <StanceBadge stance={position.stance} />
                            <div className="small">{position.summary}</div>
                            <div className="muted small">
                              as of {formatDate(position.asOf)}
                              {position.roundId === round.id ? ' · stated at this round' : ''}
                            </div>
                            <SourceCitation citation={position} showQuote={false} />
                          </>
                        ) : (
                          <span className="muted small">no position recorded</span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">Outcomes</h2>
        {page.outcomes.length === 0 ? (
          <p className="muted">No outcomes recorded.</p>
        ) : (
          <ul className="panel history">
            {page.outcomes.map((o) => (
              <li key={o.id}>
                <div>{o.text}</div>
                {o.issueId && (
                  <div className="small">
                    Issue: <Link href={`/issues/${o.issueId}`}>{o.issueTitle}</Link>
                  </div>
                )}
                <SourceCitation citation={o} />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="assigned-heading">
        <h2 id="assigned-heading">Homework assigned at this round</h2>
        <HomeworkTable caption="Assigned at this round" rows={page.homeworkAssigned.slice(0, HOMEWORK_SHOWN)} />
        <MoreHomework shown={HOMEWORK_SHOWN} total={page.homeworkAssigned.length} roundId={round.id} />
      </section>
      <section aria-labelledby="due-heading">
        <h2 id="due-heading">Homework due at this round</h2>
        <HomeworkTable caption="Due at this round" rows={page.homeworkDue.slice(0, HOMEWORK_SHOWN)} />
        <MoreHomework shown={HOMEWORK_SHOWN} total={page.homeworkDue.length} roundId={round.id} />
      </section>
    </div>
  );
}


function MoreHomework({ shown, total, roundId }: { shown: number; total: number; roundId: number }) {
  if (total <= shown) return null;
  return (
    <p className="small">
      The first {shown} of {total}. <Link href={`/homework?round=${roundId}`}>All homework assigned at or due at this round</Link>
    </p>
  );
}
