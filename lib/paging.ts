export type Paged<T> = { items: T[]; page: number; pageCount: number; firstIndex: number };

/** One page of a list; a page past the end gives the last one. */
export function pageOfRows<T>(rows: readonly T[], page: number, size: number): Paged<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(page, 1), pageCount);
  const firstIndex = (current - 1) * size;
  return { items: rows.slice(firstIndex, firstIndex + size), page: current, pageCount, firstIndex };
}

/**
 * The dashboard shows whole negotiations, a page at a time: as many as fit in a budget of issue rows
 * (always at least one, however large). Twenty negotiations of ten issues each would otherwise be one
 * page of several thousand cells, slow to send and to read.
 */
export const DASHBOARD_ROWS_PER_PAGE = 25;

export function pageOfBlocks<T extends { rows: readonly unknown[] }>(blocks: readonly T[], page: number, budget = DASHBOARD_ROWS_PER_PAGE): Paged<T> {
  const pages: { start: number; end: number }[] = [];
  let start = 0;
  let rows = 0;
  blocks.forEach((block, i) => {
    if (i > start && rows + block.rows.length > budget) {
      pages.push({ start, end: i });
      start = i;
      rows = 0;
    }
    rows += block.rows.length;
  });
  if (blocks.length > 0) pages.push({ start, end: blocks.length });
  const current = Math.min(Math.max(page, 1), Math.max(pages.length, 1));
  const range = pages[current - 1] ?? { start: 0, end: 0 };
  return { items: blocks.slice(range.start, range.end), page: current, pageCount: pages.length, firstIndex: range.start };
}
