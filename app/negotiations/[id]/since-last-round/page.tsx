import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getNegotiation } from '@/db/queries/negotiations';
import { sinceLastRound, type IssueDiff, type PartyDiff } from '@/db/queries/since-last-round';
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

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };
const num = (v: string | undefined) => (v && Number.isInteger(Number(v)) ? Number(v) : null);

/** Every issue whose status or any party's position changed between two rounds, before and after. */
export default async function SinceLastRoundPage({ params, searchParams }: Props) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const negotiation = getNegotiation(db, scope, id);
  if (!negotiation) notFound();
  const query = await searchParams;
  const [from, to] = [num(query.from), num(query.to)];
  // Shared by every reader who sees the same negotiations until the next write (db/read-cache.ts).
  const diff = cachedRead(db, scope, ['since-last-round', id, from, to], (seen) => sinceLastRound(db, seen, id, from, to));
  const changed = diff.issues.filter((i) => i.changed);
  const unchanged = diff.issues.filter((i) => !i.changed);
  const roundChoices = diff.choices.map((r) => ({ value: r.id, label: `${r.name} (${formatDate(r.date)})` }));

  return (
    <div data-negotiation-id={id} data-round-id={diff.to?.id}>
      <MarkingBanner marking={negotiation.marking} />
      <p className="small">
        <Link href={`/negotiations/${id}`}>{negotiation.name}</Link> · <Link href={`/negotiations/${id}/timeline`}>Timeline</Link>
      </p>
      <h1>What changed since the last round</h1>
      {diff.choices.length < 2 ? (
        <p className="panel">Two held rounds with dates are needed to compare; this negotiation has {diff.choices.length === 0 ? 'none' : 'one'}.</p>
      ) : (
        <>
          <form method="get" className="panel row no-print" aria-label="Choose the rounds">
            <FilterSelect id="slr-from" name="from" label="From the end of" value={diff.from?.id} options={roundChoices} />
            <FilterSelect id="slr-to" name="to" label="To the end of" value={diff.to?.id} options={roundChoices} />
            <button type="submit" className="secondary">
              Compare
            </button>
          </form>
          {diff.from && diff.to && (
            <p>
              Changes dated after {formatDate(diff.from.date)} (end of {diff.from.name}) up to {formatDate(diff.to.date)} (end of {diff.to.name}).
            </p>
          )}
          <h2>Issues that moved ({changed.length})</h2>
          {changed.length === 0 && <p className="panel muted">No status or position changed between these rounds.</p>}
          {changed.map((issue) => (
            <IssueChange key={issue.id} issue={issue} />
          ))}
          <h2>No change</h2>
          {unchanged.length === 0 ? (
            <p className="muted">Every issue moved.</p>
          ) : (
            <ul className="panel" aria-label="Issues without change">
              {unchanged.map((i) => (
                <li key={i.id}>
                  <Link href={`/issues/${i.id}`}>{i.title}</Link> — no change {i.statusAfter && <StatusBadge status={i.statusAfter} />}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}

function IssueChange({ issue }: { issue: IssueDiff }) {
  return (
    <section className="panel" aria-labelledby={`diff-${issue.id}`}>
      <h3 id={`diff-${issue.id}`}>
        <Link href={`/issues/${issue.id}`}>{issue.title}</Link>
      </h3>
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
    </section>
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
