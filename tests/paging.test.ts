import { describe, expect, it } from 'vitest';
import { pageOfBlocks, pageOfRows } from '@/lib/paging';

const block = (name: string, rows: number) => ({ name, rows: Array.from({ length: rows }, (_, i) => i) });

describe('dashboard pages of whole negotiations', () => {
  const blocks = [block('a', 10), block('b', 25), block('c', 10), block('d', 60), block('e', 5)];

  it('fills a page with whole negotiations up to the row budget', () => {
    const pages = [1, 2, 3].map((p) => pageOfBlocks(blocks, p, 40));
    expect(pages.map((p) => p.items.map((b) => b.name))).toEqual([['a', 'b'], ['c'], ['d']]);
    expect(pages[0].pageCount).toBe(4);
    expect(pageOfBlocks(blocks, 4, 40).items.map((b) => b.name)).toEqual(['e']);
    expect(pageOfBlocks(blocks, 3, 40).firstIndex).toBe(3);
  });

  it('never splits a negotiation, even one larger than the budget', () => {
    expect(pageOfBlocks([block('huge', 500)], 1, 40).items).toHaveLength(1);
  });

  it('clamps a page past the end to the last one, and an empty list to one empty page', () => {
    expect(pageOfBlocks(blocks, 99, 40).page).toBe(4);
    expect(pageOfBlocks([], 3, 40)).toEqual({ items: [], page: 1, pageCount: 0, firstIndex: 0 });
  });

  it('fills a page to exactly its budget before starting the next', () => {
    const exact = [block('a', 10), block('b', 15), block('c', 1)];
    expect([1, 2].map((p) => pageOfBlocks(exact, p, 25).items.map((b) => b.name))).toEqual([['a', 'b'], ['c']]);
  });

  it('keeps everything on one page when it fits', () => {
    const small = pageOfBlocks([block('a', 3), block('b', 4)], 1, 40);
    expect(small.pageCount).toBe(1);
    expect(small.items).toHaveLength(2);
  });
});

describe('pages of a list', () => {
  const rows = Array.from({ length: 120 }, (_, i) => i + 1);

  it('slices by the page size, and says where the page starts', () => {
    expect(pageOfRows(rows, 2, 50)).toMatchObject({ page: 2, pageCount: 3, firstIndex: 50 });
    expect(pageOfRows(rows, 2, 50).items).toEqual(rows.slice(50, 100));
    expect(pageOfRows(rows, 3, 50).items).toEqual(rows.slice(100));
  });

  it('clamps past the end and before the start; an empty list is one empty page', () => {
    expect(pageOfRows(rows, 9, 50).page).toBe(3);
    expect(pageOfRows(rows, 0, 50).page).toBe(1);
    expect(pageOfRows([], 4, 50)).toEqual({ items: [], page: 1, pageCount: 1, firstIndex: 0 });
  });
});
