import type { Metadata } from 'next';
import { formatStoredDate } from '@/lib/partial-date';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getUpdateDetail } from '@/db/queries/updates';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { formatDate } from '@/lib/dates';
import { label } from '@/lib/domain';
import { parseId } from '@/lib/ids';
import { Markdown } from '@/components/Markdown';
import { CitedArticles } from '@/components/sources/CitedArticles';
import { StanceBadge, StatusBadge } from '@/components/Badges';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Update' };

type Params = { params: Promise<{ id: string }>; searchParams: Promise<{ logged?: string }> };

export default async function UpdatePage({ params, searchParams }: Params) {
  const { user, scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const found = getUpdateDetail(getDb(), scope, id);
  if (!found) notFound();
  const { update, negotiationName, marking, roundName, authorName, editorName } = found;
  const canEdit = hasRole(roleIn(scope, update.negotiationId)!, 'analyst') && (update.authorId === user.id || user.role === 'admin');
  const justLogged = (await searchParams).logged === '1';
  const changed = found.newPositions.length + found.newStatuses.length + found.homeworkAdded.length + found.homeworkChanged.length > 0;

  return (
    <div data-negotiation-id={update.negotiationId} data-round-id={update.roundId ?? undefined}>
      <MarkingBanner marking={marking} />
      {justLogged && (
        <p className="alert success" role="status">
          Update logged{changed ? ' with the changes it brings' : ''}.
        </p>
      )}
      <p className="small">
        <Link href={`/negotiations/${update.negotiationId}/timeline`}>{negotiationName} — timeline</Link>
      </p>
      <div className="spread">
        <h1>Update #{update.id}</h1>
        {canEdit && (
          <Link className="button secondary" href={`/updates/${update.id}/edit`}>
            Edit update
          </Link>
        )}
      </div>
      <section className="panel" aria-label="Update">
        <dl className="facts">
          <dt>Happened</dt>
          <dd>
            <time dateTime={update.occurredOn}>{formatStoredDate(update.occurredOn, update.occurredOnPrecision, update.occurredOnLabel)}</time>
            {update.occurredTime ? ` at ${update.occurredTime}` : ''}
          </dd>
          {roundName && update.roundId && (
            <>
              <dt>Round</dt>
              <dd>
                <Link href={`/rounds/${update.roundId}`}>{roundName}</Link>
              </dd>
            </>
          )}
          <dt>Logged</dt>
          <dd>
            {formatDate(update.createdAt)}
            {authorName ? ` by ${authorName}` : ''}
            {update.editedAt ? `; edited ${formatDate(update.editedAt)}${editorName ? ` by ${editorName}` : ''}` : ''}
          </dd>
          {found.issues.length > 0 && (
            <>
              <dt>Issues</dt>
              <dd>
                {found.issues.map((i, n) => (
                  <span key={i.id}>
                    {n > 0 && ', '}
                    <Link href={`/issues/${i.id}`}>{i.title}</Link>
                  </span>
                ))}
              </dd>
            </>
          )}
          {found.parties.length > 0 && (
            <>
              <dt>Parties</dt>
              <dd>{found.parties.map((p) => p.name).join(', ')}</dd>
            </>
          )}
          {found.actors.length > 0 && (
            <>
              <dt>Actors</dt>
              <dd>{found.actors.map((a) => (a.title ? `${a.name} (${a.title})` : a.name)).join('; ')}</dd>
            </>
          )}
        </dl>
        <Markdown text={update.body} />
      </section>

      <h2>Sources</h2>
      <section className="panel">
        {found.citations.length === 0 ? <p className="muted">No source cited.</p> : <CitedArticles citations={found.citations} />}
      </section>

      {changed && (
        <>
          <h2>Changes this update brought</h2>
          <section className="panel">
            <ul>
              {found.newPositions.map((p) => (
                <li key={`p${p.id}`}>
                  New position of <strong>{p.partyName}</strong> on <Link href={`/issues/${p.issueId}`}>{p.issueTitle}</Link>: <StanceBadge stance={p.stance} /> {p.summary}
                </li>
              ))}
              {found.newStatuses.map((s) => (
                <li key={`s${s.id}`}>
                  <Link href={`/issues/${s.issueId}`}>{s.issueTitle}</Link>: {s.fromStatus ? <StatusBadge status={s.fromStatus} /> : 'new'} → <StatusBadge status={s.toStatus} />
                </li>
              ))}
              {found.homeworkAdded.map((h) => (
                <li key={`h${h.id}`}>New homework: {h.title}</li>
              ))}
              {found.homeworkChanged.map((h) => (
                <li key={`hc${h.id}`}>
                  Homework “{h.title}”: {h.previousStatus ? label(h.previousStatus) : '?'} → {label(h.status)}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}

      {found.revisions.length > 0 && (
        <>
          <h2>Earlier versions</h2>
          <section className="panel">
            <ol className="history">
              {found.revisions.map((r) => (
                <li key={r.id}>
                  <div className="small muted">
                    Text as of before {formatDate(r.replacedAt)}
                    {r.editorName ? ` (replaced by ${r.editorName})` : ''}; happened {formatDate(r.occurredOn)}
                  </div>
                  <Markdown text={r.body} />
                </li>
              ))}
            </ol>
          </section>
        </>
      )}
    </div>
  );
}
