import Link from 'next/link';
import type { Deadline } from '@/db/queries/deadlines';
import { hrefOf } from '@/lib/links';
import type { Attention } from './NeedsAttention';

/**
 * The dashboard's first line: what is overdue, which deadline is next, what has gone quiet and what rests on weak
 * sources (or on none: updates logged unsourced), each a count that links to its list further down (folded there, so the issues come first).
 */
export function AtAGlance({ attention, deadlines, staleDays }: { attention: Attention; deadlines: Deadline[]; staleDays: number }) {
  // A vague date whose window has passed is overdue (estimated), not next: listed, but skipped here.
  const next = deadlines.find((d) => !d.passed) ?? deadlines[0];
  return (
    <ul className="glance" aria-label="At a glance">
      <li className={attention.overdue.count ? 'glance-alert' : undefined}>
        <a href="#needs-attention">Overdue homework: {attention.overdue.count}</a>
      </li>
      <li>
        Next deadline:{' '}
        {next ? (
          <>
            <Link href={hrefOf(next.target)}>{next.title}</Link> ({next.date ? next.when : next.approx || 'no date yet'})
          </>
        ) : (
          'none'
        )}
      </li>
      <li>
        <a href="#needs-attention">
          Quiet {staleDays}+ days: {attention.stale.count}
        </a>
      </li>
      <li>
        <a href="#needs-attention">
          Resting on weak sources: {attention.weak.count}
          {attention.unsourced.count > 0 && `, unsourced: ${attention.unsourced.count}`}
        </a>
      </li>
    </ul>
  );
}
