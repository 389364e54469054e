import type { Metadata } from 'next';
import { formatStoredDate } from '@/lib/partial-date';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getNegotiation } from '@/db/queries/negotiations';
import { sinceLastRound, type IssueDiff, type PartyDiff } from '@/db/queries/since-last-round';
import { describePoint, type Point } from '@/lib/since-last-round';
import { label } from '@/lib/domain';
import { bottomLine } from '@/lib/bottom-line';
import { readerToday } from '@/server/reader-time';
import { Markdown } from '@/components/Markdown';
import { requireReader } from '@/server/auth/reader';
import { MarkingBanner } from '@/components/MarkingBanner';
import { formatDate } from '@/lib/dates';
import { parseId } from '@/lib/ids';
import { StanceBadge, StatusBadge } from '@/components/Badges';
import { SourceCitation } from '@/components/SourceCitation';
import { cachedRead } from '@/db/read-cache';
import { FilterSelect } from '@/components/ui/FilterSelect';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Since the last round' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? null;

/** Every issue whose status or any party's position changed between two points (rounds or dates), before and after, and the updates between them. */
export default async function SinceLastRoundPage({ params, searchParams }: Props) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const negotiation = getNegotiation(db, scope, id);
  if (!negotiation) notFound();
  const query = await searchParams;
  const asked = { from: one(query.from), fromDate: one(query.fromDate), to: one(query.to), toDate: one(query.toDate) };
  const today = await readerToday();
  // Shared by every reader who sees the same negotiations until the next write (db/read-cache.ts).
  const diff = cachedRead(db, scope, ['since-last-round', id, JSON.stringify(asked), today], (seen) => sinceLastRound(db, seen, id, asked, today));
  const { comparison } = diff;
  const moved = diff.issues.filter((i) => i.moved);
  const firstRecorded = diff.issues.filter((i) => i.changed && !i.moved);
  const unchanged = diff.issues.filter((i) => !i.changed);
  const dated = diff.choices.filter((r) => r.date);
  const roundChoices = dated.map((r) => ({ value: r.id, label: `${r.name} (${label(r.status)}, ${formatDate(r.date)})` }));

  return (
    <div data-negotiation-id={id} data-round-id={comparison.to?.kind === 'round' ? comparison.to.round.id : undefined}>
      <MarkingBanner marking={negotiation.marking} />
      <p className="small">
        <Link href={`/negotiations/${id}`}>{negotiation.name}</Link> · <Link href={`/negotiations/${id}/timeline`}>Timeline</Link>
      </p>
      <h1>What changed since the last round</h1>
      <form method="get" className="panel row no-print" aria-label="Choose what to compare">
        <PointFieldset end="from" point={comparison.from} rounds={roundChoices} />
        <PointFieldset end="to" point={comparison.to} rounds={roundChoices} />
        <button type="submit" className="secondary">
          Compare
        </button>
      </form>
      {!comparison.ok ? (
        <p className="panel" role="alert">
          {comparison.problem}
        </p>
      ) : (
        <>
          <p role="status">
            Changes dated after {describePoint(comparison.from)} up to {describePoint(comparison.to)}.
            {comparison.reversed && ' The later point was given first: compared from the earlier to the later.'}
          </p>
          <h2>Bottom line: {moved.length === 1 ? '1 issue moved' : `${moved.length} issues moved`}</h2>
          {moved.length === 0 ? (
            <p className="panel muted">No status or position moved between these points.</p>
          ) : (
            <IssueLines issues={moved} label="Issues that moved" />
          )}
          {firstRecorded.length > 0 && (
            <>
              <h2>First recorded, not a move ({firstRecorded.length})</h2>
              <IssueLines issues={firstRecorded} label="Issues with first recordings only" />
            </>
          )}
          <h2>No change</h2>
          {unchanged.length === 0 ? (
            <p className="muted">Something was recorded on every issue.</p>
          ) : (
            <ul className="panel" aria-label="Issues without change">
              {unchanged.map((i) => (
                <li key={i.id}>
                  <Link href={`/issues/${i.id}`}>{i.title}</Link> — no change {i.statusAfter && <StatusBadge status={i.statusAfter} />}
                </li>
              ))}
            </ul>
          )}
          <h2 id="slr-updates">Updates in this period ({diff.updates.count})</h2>
          {diff.updates.count === 0 ? (
            <p className="muted">No update dated between these points.</p>
          ) : (
            <ol className="panel history" aria-labelledby="slr-updates">
              {diff.updates.items.map((u) => (
                <li key={u.id}>
                  <Link href={`/updates/${u.id}`}>{formatStoredDate(u.occurredOn, u.occurredOnPrecision, u.occurredOnLabel)}</Link> <Markdown text={u.body} />
                </li>
              ))}
            </ol>
          )}
          {diff.updates.count > diff.updates.items.length && (
            <p className="small">
              …and {diff.updates.count - diff.updates.items.length} earlier: <Link href={`/negotiations/${id}/timeline`}>the timeline</Link> has them all.
            </p>
          )}
        </>
      )}
    </div>
  );
}

/** One end of the comparison: a round (or today) from the list, or a day; the form shows the point compared, never both. */
function PointFieldset({ end, point, rounds }: { end: 'from' | 'to'; point: Point | null; rounds: { value: number; label: string }[] }) {
  const word = end === 'from' ? 'From' : 'To';
  return (
    <fieldset>
      <legend>{word}</legend>
      <FilterSelect
        id={`slr-${end}`}
        name={end}
        label={`${word} a round`}
        all="— a date —"
        value={point?.kind === 'round' ? point.round.id : point?.kind === 'today' ? 'today' : ''}
        options={[...rounds, { value: 'today', label: 'today' }]}
      />
      <div className="field">
        <label htmlFor={`slr-${end}-date`}>or {end} a date</label>
        <input id={`slr-${end}-date`} type="date" name={`${end}Date`} defaultValue={point?.kind === 'date' ? point.date : ''} />
      </div>
    </fieldset>
  );
}

/** One line per issue, its bottom line (lib/bottom-line.ts); the evidence folded beneath it. */
function IssueLines({ issues, label: name }: { issues: IssueDiff[]; label: string }) {
  return (
    <ul className="panel bottom-line" aria-label={name}>
      {issues.map((issue) => (
        <li key={issue.id}>
          <section aria-labelledby={`diff-${issue.id}`}>
            <p>
              <Link id={`diff-${issue.id}`} href={`/issues/${issue.id}`}>
                {issue.title}
              </Link>
              : {bottomLine(issue)}
            </p>
            <details>
              <summary className="small">Evidence</summary>
              <IssueEvidence issue={issue} />
            </details>
          </section>
        </li>
      ))}
    </ul>
  );
}

function IssueEvidence({ issue }: { issue: IssueDiff }) {
  return (
    <>
      <p>
        Status:{' '}
        {issue.statusChanged ? (
          <>
            {issue.statusBefore ? <StatusBadge status={issue.statusBefore} /> : <span className="muted">none</span>} → <StatusBadge status={issue.statusAfter ?? ''} />
          </>
        ) : (
          <>
            {issue.statusAfter ? <StatusBadge status={issue.statusAfter} /> : '—'} <span className="muted small">(unchanged)</span>
          </>
        )}
      </p>
      {issue.statusCitations.map((c, n) => (
        <SourceCitation key={`${c.sourceId}-${n}`} citation={c} showQuote={false} />
      ))}
      <div className="table-wrap">
        <table>
          <caption className="small">Positions before and after</caption>
          <thead>
            <tr>
              <th scope="col">Party</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {issue.parties
              .filter((p) => p.changed)
              .map((p) => (
                <PartyRow key={p.partyId} party={p} />
              ))}
          </tbody>
        </table>
      </div>
      {issue.parties.some((p) => !p.changed) && (
        <p className="small muted">
          Unchanged:{' '}
          {issue.parties
            .filter((p) => !p.changed)
            .map((p) => p.partyShort)
            .join(', ')}
        </p>
      )}
    </>
  );
}

function PartyRow({ party }: { party: PartyDiff }) {
  const cell = (state: PartyDiff['before'], withSource: boolean) =>
    state ? (
      <>
        <StanceBadge stance={state.stance} /> <span className="small muted">as of {formatDate(state.asOf)}</span>
        <div>{state.summary}</div>
        {withSource && state.citation && <SourceCitation citation={state.citation} />}
      </>
    ) : (
      <span className="muted">no position recorded</span>
    );
  return (
    <tr>
      <th scope="row">{party.partyName}</th>
      <td>{cell(party.before, false)}</td>
      <td>{cell(party.after, true)}</td>
    </tr>
  );
}
