import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeChain, extractNumbers, independentOutlets, jaccard, numbersDiffer, outletKey, significantWords, verdictOf } from '@/lib/corroboration';

// The rules behind "sources agree or differ" (lib/corroboration.ts), in the words an analyst reads them.

describe('what a group of reports shows', () => {
  it('an agreeing group reads agree: unmarked, with the same figures', () => {
    expect(verdictOf(null, false)).toBe('agree');
  });

  it('an unmarked group whose figures differ reads differ', () => {
    expect(verdictOf(null, true)).toBe('differ');
  });

  it("the analyst's mark wins over the figures, both ways", () => {
    expect(verdictOf(true, true)).toBe('consistent');
    expect(verdictOf(true, false)).toBe('consistent');
    expect(verdictOf(false, false)).toBe('differ');
    expect(verdictOf(false, true)).toBe('differ');
  });
});

describe('the figures a report gives', () => {
  it('1500 prisoners is a count, not a year', () => {
    expect(extractNumbers('1500 prisoners were exchanged')).toEqual([1500]);
    expect(extractNumbers('1899 and 2100 detainees')).toEqual([1899, 2100]);
  });

  it('a year from 1900 to 2099 is left out, both ends included', () => {
    expect(extractNumbers('signed in 1900, suspended in 2021, to expire in 2099')).toEqual([]);
  });

  it('a count written with a thousands separator is a count, even in the years’ range', () => {
    expect(extractNumbers('1,999 prisoners')).toEqual([1999]);
  });

  it('10,000 prisoners is ten thousand, and 12,345,678 is one number', () => {
    expect(extractNumbers('10,000 prisoners')).toEqual([10000]);
    expect(extractNumbers('a fund of 12,345,678 dollars')).toEqual([12345678]);
  });

  it('3.5 billion is three and a half, not three', () => {
    expect(extractNumbers('3.5 billion in aid')).toEqual([3.5]);
    expect(extractNumbers('aid rose from 3.5 to 3.75')).toEqual([3.5, 3.75]);
  });

  it('10,000.75 dollars is ten thousand and three quarters, not ten thousand', () => {
    expect(extractNumbers('10,000.75 dollars and 1,234.5 tonnes')).toEqual([1234.5, 10000.75]);
    expect(extractNumbers('more than 1,000.')).toEqual([1000]);
  });

  it('a figure with decimals in the years’ range is a figure, not a year', () => {
    expect(extractNumbers('1999.5 tonnes')).toEqual([1999.5]);
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2099 }), fc.integer({ min: 1, max: 9999 }), (whole, decimals) => {
        const figure = `${whole}.${decimals}`;
        expect(extractNumbers(`${figure} tonnes`)).toEqual([Number(figure)]);
      }),
    );
  });

  it('a run of digits too long to be a number is not a figure', () => {
    expect(extractNumbers(`${'9'.repeat(400)} and 314`)).toEqual([314]);
  });

  it('a figure is read once however often it is repeated, and listed smallest first', () => {
    expect(extractNumbers('314 prisoners; 157 per side; 314 in all; 24 hours')).toEqual([24, 157, 314]);
  });

  it('digits inside a word or a code are not a figure: F16, A4, v2.5, .5', () => {
    expect(extractNumbers('F16 jets on A4 paper')).toEqual([]);
    expect(extractNumbers('version v2.5')).toEqual([]);
    expect(extractNumbers('about .5 of it')).toEqual([]);
  });

  it('a comma that is not a thousands separator ends the figure: "1234,567" and "1,00"', () => {
    expect(extractNumbers('1234,567')).toEqual([1234]);
    expect(extractNumbers('1,00')).toEqual([1]);
  });

  it('a text without figures gives none', () => {
    expect(extractNumbers('the guarantees are nonsense')).toEqual([]);
  });

  it('any count written with separators reads back as that count', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 999_999_999 }), (n) => {
        expect(extractNumbers(`${n.toLocaleString('en-US')} prisoners`)).toEqual([n]);
      }),
    );
  });

  it('any count outside the years’ range reads back as itself', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 99_999 }).filter((n) => n < 1900 || n > 2099),
        (n) => {
          expect(extractNumbers(`exchange of ${n} prisoners`)).toEqual([n]);
        },
      ),
    );
  });
});

describe('when figures differ', () => {
  it('10,000 prisoners against 1,000 is a difference', () => {
    expect(numbersDiffer([extractNumbers('10,000 prisoners'), extractNumbers('1,000 prisoners')])).toBe(true);
  });

  it('3.5 against 3 is a difference', () => {
    expect(numbersDiffer([extractNumbers('3.5 billion'), extractNumbers('3 billion')])).toBe(true);
  });

  it('reports with the same figures, or a report without figures, are no difference', () => {
    expect(numbersDiffer([[314], [314]])).toBe(false);
    expect(numbersDiffer([[157, 314], [157, 314]])).toBe(false);
    expect(numbersDiffer([[314], []])).toBe(false);
    expect(numbersDiffer([[], []])).toBe(false);
    expect(numbersDiffer([])).toBe(false);
  });

  it('1 and 23 against 12 and 3 is a difference', () => {
    expect(numbersDiffer([[1, 23], [3, 12]])).toBe(true);
  });

  it('12 and 34 against 1 and 234 is a difference, though the digits read alike in a row', () => {
    expect(numbersDiffer([extractNumbers('12 released, 34 held'), extractNumbers('1 released, 234 held')])).toBe(true);
  });

  it('one report giving a figure the other lacks is a difference', () => {
    expect(numbersDiffer([[157, 314], [314]])).toBe(true);
  });
});

describe('which outlets stand behind a group', () => {
  it('an outlet is one outlet whatever its case or surrounding spaces', () => {
    expect(outletKey('  El País ')).toBe('el país');
  });

  it('keeps the first spelling it met, and skips an empty chain', () => {
    expect(independentOutlets([[], [{ outlet: 'Financial Times' }], [{ outlet: 'financial times' }]])).toEqual(['Financial Times']);
    expect(independentOutlets([])).toEqual([]);
  });

  it('describes a chain from its origin without reordering the chain it was given', () => {
    const chain = [{ outlet: 'El País' }, { outlet: 'Axios' }, { outlet: 'TASS' }];
    expect(describeChain(chain)).toBe('TASS via Axios via El País');
    expect(chain.map((c) => c.outlet)).toEqual(['El País', 'Axios', 'TASS']);
    expect(describeChain([{ outlet: 'FT' }])).toBe('FT');
  });
});

describe('words two reports share', () => {
  it('keeps words of four letters or more, lowercased, in any alphabet', () => {
    expect([...significantWords('Kyiv and Moscow SWAPPED 314 POWs at the border')].sort()).toEqual(['border', 'kyiv', 'moscow', 'pows', 'swapped']);
    expect([...significantWords('Лавров назвал гарантии чепухой')].sort()).toEqual(['гарантии', 'лавров', 'назвал', 'чепухой']);
  });

  it('finds no significant word in a text of short words and figures', () => {
    expect([...significantWords('the 314 POW for a day')]).toEqual([]);
  });

  it('leaves out common function words, so two reports do not match on "that" and "would"', () => {
    const stop =
      'that this with from have were will would their there they them than then what when which while also been into only over said says some such about after before more most other could should where these those being very just';
    expect([...significantWords(stop)]).toEqual([]);
    expect([...significantWords('They said that prisoners would be swapped')].sort()).toEqual(['prisoners', 'swapped']);
  });

  it('measures overlap as shared words over all words: none, some, all', () => {
    const a = significantWords('prisoners swapped border');
    expect(jaccard(a, significantWords('prisoners swapped border'))).toBe(1);
    expect(jaccard(a, significantWords('prisoners released yesterday'))).toBe(1 / 5);
    expect(jaccard(a, significantWords('ceasefire monitoring drones'))).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(jaccard(a, new Set())).toBe(0);
  });
});
