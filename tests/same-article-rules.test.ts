import { describe, expect, it } from 'vitest';
import { findSameArticle, isSameArticle, type ArticleFacts } from '@/lib/same-article';
import { outletGrades } from '@/lib/outlet-grades';

const stored: ArticleFacts = { title: 'Talks stall', url: 'https://ft.com/a', publishedOn: '2026-02-05', reliability: 'B' };
const typed = (facts: Partial<ArticleFacts>): ArticleFacts => ({ title: '', url: null, publishedOn: null, reliability: 'B', ...facts });

describe('the same article', () => {
  it('is found by its URL, or by its title when no URL is typed, in any case and spacing', () => {
    expect(isSameArticle(stored, typed({ url: 'https://ft.com/a' }))).toBe(true);
    expect(isSameArticle(stored, typed({ url: ' https://ft.com/a ' }))).toBe(true);
    expect(isSameArticle(stored, typed({ url: 'https://ft.com/b' }))).toBe(false);
    expect(isSameArticle(stored, typed({ title: ' talks STALL ' }))).toBe(true);
    expect(isSameArticle(stored, typed({ title: 'Talks resume' }))).toBe(false);
    expect(isSameArticle({ ...stored, url: null }, typed({ url: 'https://ft.com/a' }))).toBe(false);
    // What was stored before values were trimmed is matched as typed.
    expect(isSameArticle({ ...stored, url: ' https://ft.com/a ' }, typed({ url: 'https://ft.com/a' }))).toBe(true);
    expect(isSameArticle({ ...stored, title: ' Talks stall ' }, typed({ title: 'talks stall' }))).toBe(true);
  });

  it('is not one whose typed title, date or grade says otherwise', () => {
    expect(isSameArticle(stored, typed({ url: 'https://ft.com/a', title: 'Talks stall' }))).toBe(true);
    expect(isSameArticle(stored, typed({ url: 'https://ft.com/a', title: 'Another headline' }))).toBe(false);
    expect(isSameArticle(stored, typed({ url: 'https://ft.com/a', publishedOn: '2026-02-05' }))).toBe(true);
    expect(isSameArticle(stored, typed({ url: 'https://ft.com/a', publishedOn: '2026-02-06' }))).toBe(false);
    expect(isSameArticle(stored, typed({ url: 'https://ft.com/a', reliability: 'C' }))).toBe(false);
    expect(isSameArticle({ ...stored, publishedOn: null }, typed({ title: 'Talks stall', publishedOn: '2026-02-05' }))).toBe(false);
  });

  it('with neither URL nor title typed, is only the outlet’s untitled article without a URL', () => {
    const untitled = { title: '', url: null, publishedOn: null, reliability: 'D' as const };
    expect(isSameArticle(untitled, typed({ reliability: 'D' }))).toBe(true);
    expect(isSameArticle({ ...untitled, title: 'Headline' }, typed({ reliability: 'D' }))).toBe(false);
    expect(isSameArticle({ ...untitled, url: 'https://tass.ru/1' }, typed({ reliability: 'D' }))).toBe(false);
    expect(isSameArticle({ ...untitled, title: '  ' }, typed({ reliability: 'D' }))).toBe(true);
  });

  it('is the newest of several that match, and none when none does', () => {
    const list = [
      { id: 3, ...stored },
      { id: 9, ...stored },
      { id: 5, ...stored },
      { id: 12, ...stored, url: 'https://ft.com/other' },
    ];
    expect(findSameArticle(list, typed({ url: 'https://ft.com/a' }))?.id).toBe(9);
    expect(findSameArticle(list, typed({ url: 'https://ft.com/none' }))).toBeUndefined();
    expect(findSameArticle([], typed({ title: 'x' }))).toBeUndefined();
  });
});

describe("an outlet's grades from its articles' (old documents and databases)", () => {
  it('is graded as its latest article, with each grade its articles had from the earliest with it', () => {
    expect(
      outletGrades(
        [
          { outlet: 'Financial Times', publishedOn: '2026-02-05', reliability: 'B' },
          { outlet: 'financial times ', publishedOn: '2026-01-10', reliability: 'A' },
          { outlet: 'FINANCIAL TIMES', publishedOn: '2026-02-07', reliability: 'C' },
          { outlet: 'Financial Times', publishedOn: '2026-02-01', reliability: 'B' },
          { outlet: 'TASS', publishedOn: null, reliability: 'D' },
        ],
        '2026-03-01',
      ),
    ).toEqual([
      {
        name: 'Financial Times',
        current: 'C',
        gradings: [
          { reliability: 'A', on: '2026-01-10' },
          { reliability: 'B', on: '2026-02-01' },
          { reliability: 'C', on: '2026-02-07' },
        ],
      },
      { name: 'TASS', current: 'D', gradings: [{ reliability: 'D', on: '2026-03-01' }] },
    ]);
  });

  it('takes the later listed of two articles of one day as the latest, and orders a day’s gradings by grade', () => {
    const [ft] = outletGrades(
      [
        { outlet: 'FT', publishedOn: '2026-02-05', reliability: 'C' },
        { outlet: 'FT', publishedOn: '2026-02-05', reliability: 'B' },
        { outlet: 'FT', publishedOn: '2026-02-04', reliability: 'C' },
      ],
      '2026-03-01',
    );
    expect(ft.current).toBe('B');
    expect(ft.gradings).toEqual([
      { reliability: 'C', on: '2026-02-04' },
      { reliability: 'B', on: '2026-02-05' },
    ]);
    expect(outletGrades([{ outlet: 'FT', publishedOn: '2026-02-06', reliability: 'A' }, { outlet: 'FT', publishedOn: '2026-02-05', reliability: 'E' }], 'x')[0].current).toBe('A');
    expect(outletGrades([], '2026-03-01')).toEqual([]);
    // A grade seen again later keeps the day it was first seen.
    const [again] = outletGrades([{ outlet: 'FT', publishedOn: '2026-02-01', reliability: 'B' }, { outlet: 'FT', publishedOn: '2026-02-09', reliability: 'B' }], 'x');
    expect(again.gradings).toEqual([{ reliability: 'B', on: '2026-02-01' }]);
    // With no day to count an undated article from, its grade is dated nothing, before every dated one.
    const [undated] = outletGrades([{ outlet: 'TASS', publishedOn: '2026-02-04', reliability: 'C' }, { outlet: 'TASS', publishedOn: null, reliability: 'D' }], null);
    expect(undated).toEqual({ name: 'TASS', current: 'C', gradings: [{ reliability: 'D', on: null }, { reliability: 'C', on: '2026-02-04' }] });
    // …and an undated article does not hide the day a dated one first had the grade.
    const [known] = outletGrades([{ outlet: 'FT', publishedOn: null, reliability: 'B' }, { outlet: 'FT', publishedOn: '2026-02-05', reliability: 'B' }, { outlet: 'FT', publishedOn: null, reliability: 'B' }], null);
    expect(known.gradings).toEqual([{ reliability: 'B', on: '2026-02-05' }]);
  });
});
