import Link from 'next/link';
import { formatStoredDate } from '@/lib/partial-date';
import type { OverdueHomework, StaleIssue, UnsourcedUpdate, WeakPosition } from '@/db/queries/attention';
import { formatDate } from '@/lib/dates';

type Counted<T> = { count: number; items: T[] };
export type Attention = { overdue: Counted<OverdueHomework>; stale: Counted<StaleIssue>; weak: Counted<WeakPosition>; unsourced: Counted<UnsourcedUpdate> };

/** What an analyst should look at: overdue homework, issues gone quiet, positions resting on weak sources, updates with none. */
export function NeedsAttention({ attention, staleDays }: { attention: Attention; staleDays: number }) {
  const { overdue, stale, weak, unsourced } = attention;
  return (
    <section className="panel attention" aria-labelledby="needs-attention">
      <div className="spread">
        <h2 id="needs-attention" style={{ marginTop: 0 }}>
          Needs attention
        </h2>
        <Link href="/corroborations">Where sources agree or differ</Link>
      </div>
      <h3>Overdue homework ({overdue.count})</h3>
      {overdue.count === 0 ? (
        <p className="muted small">Nothing overdue.</p>
      ) : (
        <ul aria-label="Overdue homework">
          {overdue.items.map((h) => (
            <li key={h.id}>
              <Link href={`/homework/${h.id}`}>{h.title}</Link>{' '}
              <span className="small muted">
                {h.owners && `${h.owners}; `}
                {overdueReason(h)} — {h.negotiationName}
              </span>
            </li>
          ))}
        </ul>
      )}
      {overdue.count > overdue.items.length && (
        <p className="small">
          …and {overdue.count - overdue.items.length} more: <Link href="/homework?status=overdue">all overdue homework</Link>
        </p>
      )}
      <h3>
        No activity for {staleDays} days or more ({stale.count})
      </h3>
      <p className="small muted">
        Counted from the latest event date recorded on each issue: when an update happened, a position&rsquo;s as-of date or a status change&rsquo;s date, not the day it was logged.
      </p>
      {stale.count === 0 ? (
        <p className="muted small">Every open issue moved recently.</p>
      ) : (
        <ul aria-label="Issues without recent activity">
          {stale.items.map((i) => (
            <li key={i.id}>
              <Link href={`/issues/${i.id}`}>{i.title}</Link>{' '}
              <span className="small muted">
                {i.lastEventOn ? `latest event ${formatDate(i.lastEventOn)}, ${i.days} days ago` : 'no dated event recorded'} — {i.negotiationName}
              </span>
            </li>
          ))}
        </ul>
      )}
      <More list={stale} />
      <h3>Positions resting only on weak sources ({weak.count})</h3>
      {weak.count === 0 ? (
        <p className="muted small">Every current position has a source rated C or better.</p>
      ) : (
        <ul aria-label="Positions resting only on weak sources">
          {weak.items.map((p) => (
            <li key={p.id}>
              <Link href={`/issues/${p.issueId}`}>
                {p.partyName} on {p.issueTitle}
              </Link>{' '}
              <span className="small muted">{p.sources.length ? `rests on ${p.sources.join('; ')}` : 'no source cited'}</span>
            </li>
          ))}
        </ul>
      )}
      <More list={weak} />
      <h3>Updates logged without a source ({unsourced.count})</h3>
      {unsourced.count === 0 ? (
        <p className="muted small">Every update cites a source.</p>
      ) : (
        <ul aria-label="Updates logged without a source">
          {unsourced.items.map((u) => (
            <li key={u.id}>
              <Link href={`/updates/${u.id}`}>{u.title}</Link>{' '}
              <span className="small muted">
                {formatStoredDate(u.occurredOn, u.occurredOnPrecision, u.occurredOnLabel)}, no source yet — {u.negotiationName}
              </span>
            </li>
          ))}
        </ul>
      )}
      <More list={unsourced} />
    </section>
  );
}

/** Why the item is overdue: its due round was cancelled or held, the window of its vague due round passed, or its due date passed. */
function overdueReason(h: OverdueHomework): string {
  const roundDate = formatStoredDate(h.dueRoundStartsOn, h.dueRoundStartsOnPrecision, h.dueRoundStartsOnLabel);
  if (h.dueRoundStatus === 'cancelled') return `due round cancelled: ${h.dueRoundName}${h.dueRoundStartsOn ? ` (planned for ${roundDate})` : ''}`;
  if (h.dueRoundStatus === 'held') return `due at ${h.dueRoundName} (held)`;
  const due = h.dueOn ? `due ${formatStoredDate(h.dueOn, h.dueOnPrecision, h.dueOnLabel)}` : `due at ${h.dueRoundName}, ${roundDate}`;
  return h.estimated ? `${due}: overdue (estimated)` : due;
}

/** Each list shows its first items; this says how many more there are. */
function More({ list }: { list: Counted<unknown> }) {
  if (list.count <= list.items.length) return null;
  return <p className="small muted">…and {list.count - list.items.length} more.</p>;
}
