import Link from 'next/link';
import type { MatrixBlock } from '@/db/queries/dashboard';
import { IssueMatrix } from '@/components/dashboard/IssueMatrix';
import { Pager } from '@/components/Pager';
import type { Trend } from '@/lib/convergence';
import type { Paged } from '@/lib/paging';

/** The page of negotiation matrices being read, or why there is none, and the links to the other pages. */
export function MatrixPages({
  paged,
  total,
  filtered,
  trends,
  today,
  pageHref,
}: {
  paged: Paged<MatrixBlock>;
  /** How many negotiations match, on every page. */
  total: number;
  filtered: boolean;
  trends: Map<number, Trend>;
  today: string;
  pageHref: (page: number) => string;
}) {
  return (
    <>
      {total === 0 && filtered && <p className="panel">No issues match these filters.</p>}
      {total === 0 && !filtered && (
        <p className="panel">
          No negotiations yet. <Link href="/negotiations/new">Create the first one</Link>.
        </p>
      )}
      {paged.pageCount > 1 && (
        <p className="small muted">
          Negotiations {paged.firstIndex + 1}–{paged.firstIndex + paged.items.length} of {total}; choose one in the filters to see it alone.
        </p>
      )}
      {paged.items.map((block) => (
        <IssueMatrix key={block.negotiation.id} block={block} trends={trends} today={today} />
      ))}
      <Pager label="Dashboard pages" page={paged.page} pageCount={paged.pageCount} href={pageHref} />
    </>
  );
}
