import { describe, expect, it } from 'vitest';
import { pageOfBlocks } from '../lib/dashboard-pages';

const block = (name: string, rows: number) => ({ name, rows: Array.from({ length: rows }, (_, i) => i) });

describe('dashboard pages', () => {
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

  it('keeps everything on one page when it fits', () => {
    const small = pageOfBlocks([block('a', 3), block('b', 4)], 1, 40);
    expect(small.pageCount).toBe(1);
    expect(small.items).toHaveLength(2);
  });
});
