import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import type { DB } from '@/db';
import { getDb } from '@/server/db';
import { cachedRead } from '@/db/read-cache';
import { getIssue, positionCounts, positionHistory, statusHistory, type PositionVersion } from '@/db/queries/issues';
import { listRoundsOf, listSeatedParties } from '@/db/queries/negotiations';
import { currentReader, requireReader } from '@/server/auth/reader';
import { roleIn, type ReaderScope } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { daysBetween, formatDate } from '@/lib/dates';
import { readerToday } from '@/server/reader-time';
import { label } from '@/lib/domain';
import { describePositionChange } from '@/lib/position-change';
import { parseId } from '@/lib/ids';
import { DaysLeft, StanceBadge, StatusBadge } from '@/components/Badges';
import { SourceCitation } from '@/components/SourceCitation';
import { PositionForm } from '@/components/forms/PositionForm';
import { LazyDetails } from '@/components/ui/LazyDetails';
import { ConvergenceChart } from '@/components/ConvergenceChart';
import { convergenceOfIssue } from '@/db/queries/convergence';
import { StatusForm } from '@/components/forms/StatusForm';
import { changeStatusAction, recordPositionAction } from './actions';
import { timeline } from '@/db/queries/timeline';
import { Timeline } from '@/components/Timeline';
import { NOT_FOUND_TITLE } from '@/app/not-found-title';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };
type PageProps = Params & { searchParams: Promise<{ history?: string }> };

// Versions shown per party before "show all"; a long-running issue can have thousands.
const HISTORY_PER_PARTY = 5;
// Timeline events shown here; the negotiation's timeline, filtered to this issue, has them all.
const TIMELINE_EVENTS = 20;

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  const reader = await currentReader();
  const found = id !== null && reader ? getIssue(getDb(), reader.scope, id) : undefined;
  return { title: found?.issue.title ?? NOT_FOUND_TITLE };
}

export default async function IssuePage({ params, searchParams }: PageProps) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const showAll = (await searchParams).history === 'all';
  const today = await readerToday();
  // Shared by every reader who sees the same negotiations until the next write (db/read-cache.ts).
  const data = cachedRead(db, scope, ['issue', id, showAll], (seen) => issuePageData(db, seen, id, showAll));
  if (!data) notFound();
  const canWrite = hasRole(roleIn(scope, data.issue.negotiationId)!, 'analyst');
  const { issue, negotiationName, marking, parties, history, versionCounts, statuses, roundOptions, events, convergencePoints } = data;
  const byId = new Map(history.map((p) => [p.id, p]));
  const currentOf = (partyId: number) => history.find((p) => p.partyId === partyId && p.isCurrent);
  // The extra, older version fetched per party only tells what the oldest shown one changed.
  const historyOf = (partyId: number) => history.filter((p) => p.partyId === partyId).slice(0, showAll ? undefined : HISTORY_PER_PARTY);


  return (
    <div data-negotiation-id={issue.negotiationId} data-issue-id={issue.id}>
      <MarkingBanner marking={marking} />
      <p className="small">
        <Link href={`/negotiations/${issue.negotiationId}`}>{negotiationName}</Link>
      </p>
      <div className="spread">
        <h1>{issue.title}</h1>
        {canWrite && (
          <Link className="button secondary" href={`/issues/${issue.id}/edit`}>
            Edit issue
          </Link>
        )}
      </div>
      <section className="panel" aria-label="Facts">
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <StatusBadge status={issue.status} />
          </dd>
          <dt>Priority</dt>
          <dd>{label(issue.priority)}</dd>
          {issue.keyDate && (
            <>
              <dt>Key date</dt>
              <dd>
                {formatDate(issue.keyDate)} {issue.keyDateLabel && `— ${issue.keyDateLabel}`} (<DaysLeft days={daysBetween(today, issue.keyDate)} />)
              </dd>
            </>
          )}
        </dl>
        {issue.description && <p>{issue.description}</p>}
        <div className="spread">
          <div className="table-wrap">
            <ConvergenceChart compact title={issue.title} points={convergencePoints.map((p) => ({ label: p.roundName, distance: p.distance, note: p.note ?? '' }))} />
          </div>
          <Link href={`/issues/${issue.id}/convergence`}>Convergence over rounds and stances over time</Link>
        </div>
      </section>

      <h2>Current positions</h2>
      <div className="grid-2">
        {parties.map((party) => {
          const current = currentOf(party.id);
          return (
            <section key={party.id} className="panel" aria-labelledby={`party-${party.id}`}>
              <h3 id={`party-${party.id}`}>
                {party.name} <span className="muted small">({label(party.role)})</span>
              </h3>
              {current ? <PositionDetails position={current} /> : <p className="muted">No position recorded.</p>}
              {canWrite && (
                <LazyDetails summary={`Record a new position for ${party.name}`}>
                  <PositionForm
                    action={recordPositionAction}
                    issueId={issue.id}
                    partyId={party.id}
                    partyName={party.name}
                    current={current ? { id: current.id, summary: current.summary, stance: current.stance, redLines: current.redLines, flexibility: current.flexibility } : null}
                    rounds={roundOptions}
                    today={today}
                  />
                </LazyDetails>
              )}
            </section>
          );
        })}
      </div>

      {canWrite && (
        <section className="panel" aria-label="Status">
          <LazyDetails summary="Change the status">
            <StatusForm action={changeStatusAction} issueId={issue.id} status={issue.status} version={issue.version} rounds={roundOptions} today={today} />
          </LazyDetails>
        </section>
      )}

      <h2>Position history</h2>
      {parties.map((party) => {
        const versions = historyOf(party.id);
        if (versions.length === 0) return null;
        return (
          <section key={party.id} id={`party-history-${party.id}`} className="panel" aria-label={`Position history of ${party.name}`}>
            <h3>{party.name}</h3>
            <ol className="history">
              {versions.map((p) => (
                <li key={p.id} className={p.isCurrent ? 'current' : undefined}>
                  <div className="row">
                    <strong>{formatDate(p.asOf)}</strong>
                    <StanceBadge stance={p.stance} />
                    {p.isCurrent ? <span className="badge status">current</span> : <span className="muted small">superseded</span>}
                    {p.roundName && <span className="small">at {p.roundName}</span>}
                  </div>
                  <div className="small">{describePositionChange(p.supersedesId ? byId.get(p.supersedesId) : undefined, p)}</div>
                  <div>{p.summary}</div>
                  <SourceCitation citation={p} />
                  <div className="muted small">
                    recorded {formatDate(p.createdAt)}
                    {p.authorName ? ` by ${p.authorName}` : ''}
                  </div>
                </li>
              ))}
            </ol>
            {(versionCounts.get(party.id) ?? 0) > versions.length && (
              <p className="small">
                Showing the latest {versions.length} of {versionCounts.get(party.id)} versions.{' '}
                <Link href={`/issues/${issue.id}?history=all#party-history-${party.id}`}>Show the whole history</Link>
              </p>
            )}
          </section>
        );
      })}

      <h2>Status history</h2>
      <section className="panel">
        <ol className="history">
          {statuses.map((s) => (
            <li key={s.id}>
              <div className="row">
                <strong>{formatDate(s.changedOn)}</strong>
                {s.fromStatus ? (
                  <>
                    <StatusBadge status={s.fromStatus} /> → <StatusBadge status={s.toStatus} />
                  </>
                ) : (
                  <>
                    opened as <StatusBadge status={s.toStatus} />
                  </>
                )}
                {s.roundName && <span className="small">at {s.roundName}</span>}
              </div>
              {s.note && <div>{s.note}</div>}
              <SourceCitation citation={s} />
            </li>
          ))}
        </ol>
      </section>

      <div className="spread">
        <h2 id="timeline">Timeline</h2>
        {canWrite && (
          <span className="button-row">
            <Link className="button secondary" href={`/updates/new?negotiation=${issue.negotiationId}&issue=${issue.id}`}>
              Log an update on this issue
            </Link>
            <Link className="button secondary" href={`/updates/capture?negotiation=${issue.negotiationId}&issue=${issue.id}`} aria-keyshortcuts="c" title="Keyboard shortcut: c">
              Capture from an article
            </Link>
          </span>
        )}
      </div>
      <section className="panel" aria-labelledby="timeline">
        <Timeline events={events} showIssue={false} emptyText="Nothing logged on this issue yet." />
        {events.length === TIMELINE_EVENTS && (
          <p className="small">
            The latest {TIMELINE_EVENTS} events. <Link href={`/negotiations/${issue.negotiationId}/timeline?issue=${issue.id}`}>The whole timeline of this issue</Link>
          </p>
        )}
      </section>
    </div>
  );
}

/** Everything the issue page reads, in one place so it can be cached as a whole. */
function issuePageData(db: DB, scope: ReaderScope, id: number, showAll: boolean) {
  const found = getIssue(db, scope, id);
  if (!found) return undefined;
  const { issue, negotiationName, marking } = found;
  return {
    issue,
    negotiationName,
    marking,
    parties: listSeatedParties(db, scope, issue.negotiationId),
    history: positionHistory(db, scope, issue.id, showAll ? {} : { perParty: HISTORY_PER_PARTY }),
    versionCounts: positionCounts(db, scope, issue.id),
    statuses: statusHistory(db, scope, issue.id),
    roundOptions: listRoundsOf(db, scope, issue.negotiationId).map((r) => ({ value: String(r.id), label: r.name })),
    events: timeline(db, scope, { issueId: issue.id, limit: TIMELINE_EVENTS }),
    convergencePoints: convergenceOfIssue(db, scope, issue.id),
  };
}

function PositionDetails({ position }: { position: PositionVersion }) {
  return (
    <div>
      <div className="row">
        <StanceBadge stance={position.stance} />
        <span className="small">flexibility: {label(position.flexibility)}</span>
        <span className="muted small">as of {formatDate(position.asOf)}</span>
      </div>
      <p>{position.summary}</p>
      {position.redLines && (
        <p>
          <strong>Red lines:</strong> {position.redLines}
        </p>
      )}
      <SourceCitation citation={position} />
    </div>
  );
}
