import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { homeworkFilterChoices, listHomework } from '@/db/queries/homework';
import { HOMEWORK_STATUS_FILTERS, homeworkQuery, parseHomeworkParams } from '@/lib/validation/homework-filters';
import { SheetDownloads } from '@/components/SheetDownloads';
import { requireReader } from '@/server/auth/reader';
import { hasRole } from '@/lib/roles';
import { todayIso } from '@/lib/dates';
import { label } from '@/lib/domain';
import { HomeworkTable } from '@/components/homework/HomeworkTable';
import { SavedViews } from '@/components/SavedViews';
import { listSavedViews } from '@/db/queries/saved-views';
import { deleteViewAction, saveViewAction } from '@/app/saved-views/actions';
import { cachedRead } from '@/db/read-cache';
import { Pager } from '@/components/Pager';
import { pageOfRows } from '@/lib/paging';
import { FilterSelect } from '@/components/ui/FilterSelect';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Homework' };

/** A board of thousands of items is read a page at a time; the counts above it cover every match. */
const ROWS_PER_PAGE = 50;

type Search = Record<string, string | string[] | undefined>;

export default async function HomeworkBoard({ searchParams }: { searchParams: Promise<Search> }) {
  const { user, scope } = await requireReader();
  const { filters, page: requestedPage } = parseHomeworkParams(await searchParams);
  const db = getDb();
  const filtered = Object.values(filters).some(Boolean);
  const canWrite = hasRole(user.role, 'analyst');
  const query = homeworkQuery(filters);
  const today = todayIso();
  // Shared by every reader who sees the same negotiations until the next write (db/read-cache.ts).
  const { rows, overdueCount, choices } = cachedRead(db, scope, ['homework', query, today], (seen) => {
    const all = listHomework(db, seen, filters, today);
    return { rows: all, overdueCount: all.filter((r) => r.overdue).length, choices: homeworkFilterChoices(db, seen) };
  });
  const { items: shown, page, pageCount, firstIndex } = pageOfRows(rows, requestedPage ?? 1, ROWS_PER_PAGE);
  const pageHref = (n: number) => `/homework?${new URLSearchParams([...new URLSearchParams(query), ...(n > 1 ? [['page', String(n)]] : [])]).toString()}`.replace(/\?$/, '');
  // With a negotiation chosen, only its issues and rounds are offered (hundreds otherwise).
  const inNegotiation = <T extends { negotiationId: number }>(list: T[]) => (filters.negotiationId ? list.filter((x) => x.negotiationId === filters.negotiationId) : list);

  return (
    <>
      <div className="spread">
        <h1>Homework</h1>
        {canWrite && choices.negotiations.length > 0 && (
          <Link className="button" href={`/homework/new${filters.negotiationId ? `?negotiation=${filters.negotiationId}` : ''}`}>
            New homework
          </Link>
        )}
      </div>
      <form method="get" action="/homework" className="panel filters" role="search" aria-label="Filter homework">
        <FilterSelect id="filter-negotiation" name="negotiation" label="Negotiation" all="All" value={filters.negotiationId} options={choices.negotiations.map((n) => ({ value: n.id, label: n.name }))} />
        <FilterSelect id="filter-party" name="party" label="Party" all="All" value={filters.partyId} options={choices.parties.map((p) => ({ value: p.id, label: p.name }))} />
        <FilterSelect
          id="filter-issue"
          name="issue"
          all="All"
          label="Issue"
          value={filters.issueId}
          options={inNegotiation(choices.issues).map((i) => ({ value: i.id, label: i.title, group: i.negotiationName }))}
        />
        <FilterSelect
          id="filter-round"
          name="round"
          all="All"
          label="Round (assigned or due)"
          value={filters.roundId}
          options={inNegotiation(choices.rounds).map((r) => ({ value: r.id, label: r.name, group: r.negotiationName }))}
        />
        <FilterSelect id="filter-status" name="status" label="Status" all="All" value={filters.status} options={HOMEWORK_STATUS_FILTERS.map((s) => ({ value: s, label: label(s) }))} />
        <div className="row">
          <button type="submit">Filter</button>
          {filtered && <Link href="/homework">Clear filters</Link>}
        </div>
      </form>
      <p className="muted small" role="status">
        {rows.length} item{rows.length === 1 ? '' : 's'}
        {filtered ? ' match these filters' : ''}; {overdueCount} overdue.
        {pageCount > 1 && ` Showing ${firstIndex + 1}–${firstIndex + shown.length}.`}
      </p>
      {rows.length > 0 && <SheetDownloads what={filtered ? 'these items' : 'the board'} path="/api/homework/board" query={query} />}
      <HomeworkTable caption={filtered ? 'Matching homework' : 'All homework'} rows={shown} showNegotiation />
      <Pager label="Homework pages" page={page} pageCount={pageCount} href={pageHref} />
      <SavedViews page="homework" path="/homework" query={query} views={listSavedViews(db, user.id, 'homework')} saveAction={saveViewAction} deleteAction={deleteViewAction} />
    </>
  );
}
