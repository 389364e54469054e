import Link from 'next/link';
import { formatDate } from '@/lib/dates';
import { Markdown } from './Markdown';
import { StanceBadge, StatusBadge } from './Badges';
import { SourceCitation } from './SourceCitation';
import type { TimelineEvent } from '@/db/queries/timeline';

/** Updates, position changes and status changes, newest first, each with its source(s). */
export function Timeline({ events, showIssue = true, emptyText = 'Nothing logged yet.' }: { events: TimelineEvent[]; showIssue?: boolean; emptyText?: string }) {
  if (events.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <ol className="history timeline">
      {events.map((e) => (
        <li key={e.key} className={`timeline-${e.kind}`}>
          <div className="row">
            <strong>
              <time dateTime={e.date}>{e.when ?? formatDate(e.date)}</time>
              {e.kind === 'update' && e.time ? ` ${e.time}` : ''}
            </strong>
            <span className="badge">{e.kind === 'update' ? 'update' : e.kind === 'position' ? 'position' : 'status'}</span>
            {e.roundName && <span className="small">at {e.roundName}</span>}
          </div>
          <EventBody event={e} showIssue={showIssue} />
          {e.citations.length > 0 ? (
            e.citations.map((c) => <SourceCitation key={c.sourceId} citation={c} />)
          ) : (
            <SourceCitation citation={{ sourceId: null, sourceOutlet: null, sourceTitle: null, sourceUrl: null, sourcePublishedOn: null, sourceReliability: null, sourceQuote: null }} />
          )}
        </li>
      ))}
    </ol>
  );
}

function IssueLink({ id, title, show }: { id: number; title: string; show: boolean }) {
  if (!show) return null;
  return (
    <>
      <Link href={`/issues/${id}`}>{title}</Link>:{' '}
    </>
  );
}

function EventBody({ event: e, showIssue }: { event: TimelineEvent; showIssue: boolean }) {
  if (e.kind === 'update') {
    return (
      <>
        <Markdown text={e.body} />
        <div className="small muted">
          <Link href={`/updates/${e.id}`}>Update #{e.id}</Link>
          {e.authorName ? ` logged by ${e.authorName}` : ''}
          {e.edited ? ' (edited)' : ''}
          {e.parties.length > 0 && ` · ${e.parties.map((p) => p.shortName).join(', ')}`}
          {showIssue && e.issues.length > 0 && (
            <>
              {' · '}
              {e.issues.map((i, n) => (
                <span key={i.id}>
                  {n > 0 && ', '}
                  <Link href={`/issues/${i.id}`}>{i.title}</Link>
                </span>
              ))}
            </>
          )}
        </div>
      </>
    );
  }
  if (e.kind === 'position') {
    return (
      <div>
        <IssueLink id={e.issueId} title={e.issueTitle} show={showIssue} />
        <strong>{e.partyName}</strong>{' '}
        {e.previousStance && e.previousStance !== e.stance ? (
          <>
            <StanceBadge stance={e.previousStance} /> → <StanceBadge stance={e.stance} />
          </>
        ) : (
          <StanceBadge stance={e.stance} />
        )}{' '}
        {e.previousStance ? 'new position' : 'first recorded position'}
        <div>{e.summary}</div>
        {e.updateId && (
          <div className="small muted">
            via <Link href={`/updates/${e.updateId}`}>update #{e.updateId}</Link>
          </div>
        )}
      </div>
    );
  }
  return (
    <div>
      <IssueLink id={e.issueId} title={e.issueTitle} show={showIssue} />
      {e.fromStatus ? (
        <>
          status <StatusBadge status={e.fromStatus} /> → <StatusBadge status={e.toStatus} />
        </>
      ) : (
        <>
          opened as <StatusBadge status={e.toStatus} />
        </>
      )}
      {e.note && <div>{e.note}</div>}
      {e.updateId && (
        <div className="small muted">
          via <Link href={`/updates/${e.updateId}`}>update #{e.updateId}</Link>
        </div>
      )}
    </div>
  );
}
