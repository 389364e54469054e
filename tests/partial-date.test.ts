// Dates as precisely as reports give them (lib/partial-date.ts): what an analyst types, what a reader
// is shown, how vague dates sort and when their window has passed.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  APPROXIMATE_PHRASES,
  DATE_PRECISIONS,
  compareDates,
  formatPartialDate,
  formatStoredDate,
  hasPassed,
  isEstimated,
  normalise,
  parsePartialDate,
  partialDateInput,
  sortKey,
  storedColumns,
  storedDate,
  windowOf,
  type PartialDate,
} from '@/lib/partial-date';

const REPORTED = '2026-02-05';
const read = (text: string, reportedOn: string | null = REPORTED) => {
  const parsed = parsePartialDate(text, reportedOn);
  if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
  return parsed.value;
};
const messageOf = (text: string, reportedOn: string | null = REPORTED) => {
  const parsed = parsePartialDate(text, reportedOn);
  return parsed.ok ? null : parsed.message;
};

describe('what an analyst types', () => {
  it('reads a day however it is written', () => {
    for (const text of ['2025-05-05', '5 May 2025', '05 May 2025', 'May 5, 2025', '5 may 2025', ' 5  May  2025 ', '5 Sept 2025'.replace('Sept', 'May')]) {
      expect(read(text), text).toEqual({ date: '2025-05-05', precision: 'day', label: '' });
    }
    expect(read('30 Sept 2025')).toEqual({ date: '2025-09-30', precision: 'day', label: '' });
  });

  it('reads a month, a year and a part of a year without inventing a day', () => {
    expect(read('May 2025')).toEqual({ date: '2025-05-01', precision: 'month', label: '' });
    expect(read('september 2025')).toEqual({ date: '2025-09-01', precision: 'month', label: '' });
    expect(read('2025-11')).toEqual({ date: '2025-11-01', precision: 'month', label: '' });
    expect(read('2025')).toEqual({ date: '2025-01-01', precision: 'year', label: '' });
    expect(read('late 2025')).toEqual({ date: '2025-09-01', precision: 'late', label: '' });
    expect(read('Mid-2026')).toEqual({ date: '2026-05-01', precision: 'mid', label: '' });
    expect(read('early 2026')).toEqual({ date: '2026-01-01', precision: 'early', label: '' });
  });

  it('counts a phrase from the report, or from the day the text names', () => {
    expect(read('in the coming weeks')).toEqual({ date: REPORTED, precision: 'approx', label: 'in the coming weeks' });
    expect(read('In the coming  weeks')).toEqual({ date: REPORTED, precision: 'approx', label: 'in the coming weeks' });
    expect(read('in the coming weeks (from 19 Jan 2026)', null)).toEqual({ date: '2026-01-19', precision: 'approx', label: 'in the coming weeks' });
    expect(read('about 5 Feb 2026', null)).toEqual({ date: '2026-02-05', precision: 'approx', label: '' });
    expect(read('5 Feb 2026 (approx.)', null)).toEqual({ date: '2026-02-05', precision: 'approx', label: '' });
    expect(read('after the elections (approx. 5 Feb 2026)', null)).toEqual({ date: '2026-02-05', precision: 'approx', label: 'after the elections' });
  });

  it('says what is wrong with text that is no date, in one message', () => {
    expect(messageOf('')).toBe('Give a date.');
    expect(messageOf('soonish')).toMatch(/^Not a date we can read\. Write a day \(5 May 2025\), a month \(May 2025\)/);
    expect(messageOf('31 Feb 2026')).toMatch(/^Not a date we can read/);
    expect(messageOf('Mayhem 2025')).toMatch(/^Not a date we can read/);
    expect(messageOf('13th month 2025')).toMatch(/^Not a date we can read/);
    expect(messageOf('2025-13')).toMatch(/^Not a date we can read/);
    expect(messageOf('1800')).toMatch(/^Not a date we can read/);
    expect(messageOf('in the coming weeks', null)).toBe('Say when it was reported: "in the coming weeks (from 5 Feb 2026)".');
    expect(messageOf('x'.repeat(201))).toBe('At most 200 characters.');
    expect(messageOf('ma 2025')).toMatch(/^Not a date we can read/);
  });
});

describe('the edges of what the parser reads', () => {
  const reads = (text: string, reportedOn: string | null = null) => parsePartialDate(text, reportedOn).ok;
  it('reads whole texts only, never a date inside other words', () => {
    for (const text of ['x2025-05-05', '2025-05-05x', '123 May 2025', '5 May 2025 extra', 'May 5 20255', '2025-5', '2025-00', '2025-13', 'x2025-05', '2025-05x', 'late', 'late 2025 again', '12025', '20251', 'spring 2025', 'May', '5 May', 'x 5 May 2025']) {
      expect(reads(text), text).toBe(false);
    }
    for (const text of ['2025-12', '2025-01', 'May. 2025', 'Sep 2025', '5 Sep. 2025', 'May 5 2025', '5,May,2025']) expect(reads(text), text).toBe(true);
  });

  it('takes years from 1900 to 2199', () => {
    expect([reads('1899'), reads('1900'), reads('2199'), reads('2200')]).toEqual([false, true, true, false]);
    expect([reads('May 1899'), reads('May 1900'), reads('late 2199'), reads('late 2200')]).toEqual([false, true, true, false]);
  });

  it('reads "about", "approx." and "c." before a day, and a label only with its day', () => {
    for (const text of ['approx 5 Feb 2026', 'approx. 5 Feb 2026', 'c. 5 Feb 2026', 'circa 5 Feb 2026', 'Around 5 Feb 2026']) {
      expect(read(text, null), text).toEqual({ date: '2026-02-05', precision: 'approx', label: '' });
    }
    for (const text of ['about 5 Feb 2026 or so', 'xabout 5 Feb 2026', '5 Feb 2026 (approx.) x', 'about May 2026', 'talks (from 5 Feb 2026) x', 'talks (from May 2026)', 'x(from 5 Feb 2026)']) {
      expect(reads(text), text).toBe(false);
    }
    expect(read('  after  the elections   (approx. 5 Feb 2026) ', null)).toEqual({ date: '2026-02-05', precision: 'approx', label: 'after the elections' });
    expect(read('In The Coming Weeks (from 5 Feb 2026)', null).label).toBe('in the coming weeks');
    expect(read('  in   the coming weeks  ').label).toBe('in the coming weeks');
    expect(normalise({ date: '2026-02-05', precision: 'approx', label: '  after the elections ' }).label).toBe('after the elections');
  });

  it('takes 200 characters, not 201, and a label-free precision from nothing', () => {
    const label = 'x'.repeat(179);
    expect(`${label} (approx. 5 Feb 2026)`).toHaveLength(200);
    expect(read(` ${label} (approx. 5 Feb 2026) `, null).label).toBe(label);
    expect(messageOf(`x${label} (approx. 5 Feb 2026)`, null)).toBe('At most 200 characters.');
    expect(messageOf(` ${'y'.repeat(199)} `)).toMatch(/^Not a date we can read/);
    expect(storedDate('2026-02-05', null, null)).toEqual({ date: '2026-02-05', precision: 'day', label: '' });
    expect(storedDate('2026-02-05', 'approx', null)).toEqual({ date: '2026-02-05', precision: 'approx', label: '' });
    expect(partialDateInput({ date: '2026-02-05', precision: 'approx', label: 'after the elections' })).toBe('after the elections (approx. 5 Feb 2026)');
    expect(partialDateInput(null)).toBe('');
  });
});

describe('what a reader is shown', () => {
  it('words each precision as reported, with the estimated end of a phrase', () => {
    expect(formatPartialDate(read('5 May 2025'))).toBe('5 May 2025');
    expect(formatPartialDate(read('May 2025'))).toBe('May 2025');
    expect(formatPartialDate(read('2025'))).toBe('2025');
    expect(formatPartialDate(read('late 2025'))).toBe('late 2025');
    expect(formatPartialDate(read('in the coming weeks'))).toBe('in the coming weeks (est. by 19 Mar 2026)');
    expect(formatPartialDate(read('5 Feb 2026 (approx.)'))).toBe('5 Feb 2026 (approx.)');
    expect(formatPartialDate(read('after the elections (approx. 5 Feb 2026)'))).toBe('after the elections (approx. 5 Feb 2026)');
    expect(formatPartialDate(null)).toBe('—');
    expect(formatStoredDate(null)).toBe('—');
    expect(formatStoredDate('2026-02-05', 'approx', '')).toBe('5 Feb 2026 (approx.)');
    expect(formatStoredDate('2026-02-05', 'no such precision', 'ignored')).toBe('5 Feb 2026');
  });

  it('counts each phrase to its own end', () => {
    const end = (label: string) => windowOf({ date: '2026-02-05', precision: 'approx', label }).to;
    expect(APPROXIMATE_PHRASES.map((p) => [p, end(p)])).toEqual([
      ['in the coming days', '2026-02-12'],
      ['in the coming weeks', '2026-03-19'],
      ['in the coming months', '2026-05-31'],
      ['by the end of the month', '2026-02-28'],
      ['next month', '2026-03-31'],
      ['by the end of the year', '2026-12-31'],
      ['next year', '2027-12-31'],
    ]);
    expect(end('after the elections')).toBe('2026-02-05');
    expect(windowOf({ date: '2025-11-20', precision: 'approx', label: 'in the coming months' }).to).toBe('2026-02-28');
    expect(windowOf({ date: '2024-02-10', precision: 'month', label: '' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(windowOf({ date: '2025-06-10', precision: 'early', label: '' })).toEqual({ from: '2025-01-01', to: '2025-04-30' });
    expect(windowOf({ date: '2025-06-10', precision: 'mid', label: '' })).toEqual({ from: '2025-05-01', to: '2025-08-31' });
    expect(windowOf({ date: '2025-06-10', precision: 'late', label: '' })).toEqual({ from: '2025-09-01', to: '2025-12-31' });
    expect(windowOf({ date: '2025-06-10', precision: 'year', label: '' })).toEqual({ from: '2025-01-01', to: '2025-12-31' });
  });

  it('calls a vague date passed only once its whole window has', () => {
    const may = read('May 2025');
    expect([hasPassed(may, '2025-05-31'), hasPassed(may, '2025-06-01')]).toEqual([false, true]);
    const weeks = read('in the coming weeks');
    expect([hasPassed(weeks, '2026-03-19'), hasPassed(weeks, '2026-03-20')]).toEqual([false, true]);
    expect([isEstimated(read('5 May 2025')), isEstimated(may), isEstimated(weeks)]).toEqual([false, true, true]);
  });

  it('stores the window beside its first day, and reads the columns back', () => {
    expect(storedColumns(read('late 2025'))).toEqual({ date: '2025-09-01', precision: 'late', label: '', until: '2025-12-31' });
    expect(storedColumns(null)).toEqual({ date: null, precision: 'day', label: '', until: null });
    expect(storedDate('2025-09-01', 'late', 'dropped')).toEqual({ date: '2025-09-01', precision: 'late', label: '' });
    expect(storedDate(null, 'late', '')).toBeNull();
    expect(storedDate('2026-02-05', undefined, undefined)).toEqual({ date: '2026-02-05', precision: 'day', label: '' });
    expect(normalise({ date: '2026-02-05', precision: 'approx', label: ' In the Coming Weeks ' })).toEqual({ date: '2026-02-05', precision: 'approx', label: 'in the coming weeks' });
    expect(normalise({ date: '2026-02-05', precision: 'day', label: 'dropped' }).label).toBe('');
  });
});

// Generated dates: any precision, any day of 1990–2040, any phrase or a free label.
const day = fc.integer({ min: Date.UTC(1990, 0, 1) / 86_400_000, max: Date.UTC(2040, 11, 31) / 86_400_000 }).map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
const label = fc.constantFrom('', ...APPROXIMATE_PHRASES, 'after the elections', 'before Easter', 'late January 2026 (dates approximate)', 'about then');
const partialDate: fc.Arbitrary<PartialDate> = fc
  .record({ date: day, precision: fc.constantFrom(...DATE_PRECISIONS), label })
  .map((v) => normalise(v));

describe('any date', () => {
  it('has a window that starts at its stored day and ends on or after it', () => {
    fc.assert(
      fc.property(partialDate, (v) => {
        const { from, to } = windowOf(v);
        expect(from).toBe(v.date);
        expect(from <= to).toBe(true);
        expect(sortKey(v)).toBe(to);
      }),
    );
  });

  it('reads back as itself from the text its edit form starts with, and from its wording when it names no phrase', () => {
    fc.assert(
      fc.property(partialDate, (v) => {
        expect(read(partialDateInput(v), null)).toEqual(v);
        if (v.precision !== 'approx' || !APPROXIMATE_PHRASES.includes(v.label)) expect(read(formatPartialDate(v), null)).toEqual(v);
      }),
      { numRuns: 500 },
    );
  });

  it('sorts by the end of its window: no date sorted before another ends after it', () => {
    fc.assert(
      fc.property(fc.array(partialDate, { maxLength: 12 }), (dates) => {
        const ends = [...dates].sort(compareDates).map(sortKey);
        expect(ends).toEqual([...ends].sort());
      }),
    );
  });

  it('has passed exactly when today is after the last day of its window', () => {
    fc.assert(
      fc.property(partialDate, day, (v, today) => {
        expect(hasPassed(v, today)).toBe(windowOf(v).to < today);
      }),
    );
  });
});
