import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import type { DB } from '@/db';
import type { ReaderScope } from '@/db/queries/access';
import { dashboardMatrix } from '@/db/queries/dashboard';
import { requireReader } from '@/server/auth/reader';
import { listDeadlines } from '@/db/queries/deadlines';
import { readerToday } from '@/server/reader-time';
import { convergenceTrends } from '@/db/queries/convergence';
import { needsAttention } from '@/db/queries/attention';
import { listSavedViews } from '@/db/queries/saved-views';
import { listNegotiations } from '@/db/queries/negotiations';
import { listParties } from '@/db/queries/parties';
import { dashboardQuery, parseDashboardParams, type DashboardParams } from '@/lib/validation/dashboard-filters';
import { SavedViews } from '@/components/SavedViews';
import { deleteViewAction, saveViewAction } from '@/app/saved-views/actions';
import { cachedRead } from '@/db/read-cache';
import { pageOfBlocks } from '@/lib/paging';
import { NextDeadlines } from '@/components/dashboard/NextDeadlines';
import { NeedsAttention } from '@/components/dashboard/NeedsAttention';
import { DashboardFilters } from '@/components/dashboard/DashboardFilters';
import { MatrixPages } from '@/components/dashboard/MatrixPages';
import { AtAGlance } from '@/components/dashboard/AtAGlance';
import { FoldOnPhone } from '@/components/ui/FoldOnPhone';
import { SheetDownloads } from '@/components/SheetDownloads';

export const dynamic = 'force-dynamic';

// Each attention list shows its first items; the count says how many there are in all.
const ATTENTION_SHOWN = 10;

type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: SearchParams) {
  const { user, scope } = await requireReader();
  const db = getDb();
  const raw = await searchParams;
  const params = parseDashboardParams(raw);
  const query = dashboardQuery(params);
  // The filter form submits every field, empty ones too: send the reader to the canonical address, so the link they share is short and stable.
  const given = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]]))).toString();
  if (given !== query) redirect(query ? `/?${query}` : '/');
  // Saved views and the filter form keep the filters, not the page being read.
  const filterQuery = dashboardQuery({ ...params, page: 1 });
  const today = await readerToday();
  // Shared by every reader who sees the same negotiations until the next write (db/read-cache.ts): the dashboard is read far more than data changes.
  const { blocks, trends, deadlines, attention, negotiationChoices, partyChoices } = cachedRead(db, scope, ['dashboard', filterQuery, today], (seen) =>
    dashboardData(db, seen, params, today),
  );
  const paged = pageOfBlocks(blocks, params.page);
  if (paged.page !== params.page && blocks.length > 0) redirect(`/?${dashboardQuery({ ...params, page: paged.page })}`.replace(/\?$/, ''));
  const views = listSavedViews(db, user.id, 'dashboard');
  const filtered = !!(params.negotiation || params.party || params.status || params.priority);
  return (
    <>
      <h1>Where every issue stands</h1>
      {/* The answer first: the four questions a reader brings, then the issues; the lists behind the counts fold away. */}
      <AtAGlance attention={attention} deadlines={deadlines} staleDays={params.stale} />
      <div className="toolbar">
        {/* Keyed by the filters: a saved-view link navigates client-side, and the selects must show the new values. */}
        <FoldOnPhone summary="Filters">
          <DashboardFilters key={filterQuery} params={params} negotiations={negotiationChoices} parties={partyChoices} />
        </FoldOnPhone>
        {/* Open once the reader has views to go back to; folded while it holds only the form to save one. */}
        <details className="toolbar-fold" open={views.length > 0}>
          <summary>Saved views</summary>
          <SavedViews page="dashboard" path="/" query={filterQuery} views={views} saveAction={saveViewAction} deleteAction={deleteViewAction} />
        </details>
      </div>
      {blocks.length > 0 && <SheetDownloads what={filtered ? 'the matrix with these filters' : 'the matrix'} path="/api/dashboard/matrix" query={filterQuery} />}
      <MatrixPages
        paged={paged}
        total={blocks.length}
        filtered={filtered}
        trends={trends}
        today={today}
        pageHref={(page) => (page > 1 || filterQuery ? `/?${dashboardQuery({ ...params, page })}` : '/')}
      />
      <details className="fold" open={attention.overdue.count > 0}>
        <summary>
          Needs attention: {attention.overdue.count} overdue, {attention.stale.count} quiet, {attention.weak.count} on weak sources
          {attention.unsourced.count > 0 && `, ${attention.unsourced.count} unsourced`}
        </summary>
        <NeedsAttention attention={attention} staleDays={params.stale} />
      </details>
      <details className="fold">
        <summary>Next deadlines ({deadlines.length})</summary>
        <NextDeadlines deadlines={deadlines} today={today} />
      </details>
    </>
  );
}

/** Everything the dashboard shows for these filters, in one go (so it is cached as one). */
function dashboardData(db: DB, scope: ReaderScope, params: DashboardParams, today: string) {
  const matrix = dashboardMatrix(db, scope, params);
  return {
    blocks: matrix,
    trends: convergenceTrends(db, scope, matrix.flatMap((b) => b.rows.map((r) => r.id))),
    deadlines: listDeadlines(db, scope, today).slice(0, 8),
    attention: needsAttention(db, scope, { today, staleDays: params.stale, negotiationId: params.negotiation, shown: ATTENTION_SHOWN }),
    negotiationChoices: listNegotiations(db, scope).map((n) => ({ value: n.id, label: n.name })),
    partyChoices: listParties(db, scope).map((p) => ({ value: p.id, label: p.name })),
  };
}
