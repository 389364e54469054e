import { describe, expect, it } from 'vitest';
import { chooseComparison, describePoint, parsePoint, roundDate, type RoundPoint } from '@/lib/since-last-round';

// Which two points "what changed since the last round" compares (lib/since-last-round.ts), on rounds
// written out by hand: the defaults, what a reader may ask for, and the messages for what makes no sense.

const TODAY = '2026-12-01';
const round = (id: number, status: RoundPoint['status'], date: string | null, name = `Round ${id}`): RoundPoint => ({ id, name, sequence: id, status, date });
const ISTANBUL = round(1, 'held', '2025-05-16', 'Istanbul');
const ROME = round(2, 'held', '2025-05-23', 'Rome');
const OSLO = round(3, 'cancelled', '2025-06-15', 'Oslo');
const UNDATED = round(4, 'planned', null, 'Round 4');
const ROUNDS = [ISTANBUL, ROME, OSLO, UNDATED];

const compared = (asked: Parameters<typeof chooseComparison>[0], lastRecordedOn: string | null = ROME.date, rounds = ROUNDS) => {
  const c = chooseComparison(asked, rounds, TODAY, lastRecordedOn);
  return c.ok ? [c.from.kind === 'round' ? c.from.round.name : c.from.kind, c.from.date, c.to.kind === 'round' ? c.to.round.name : c.to.kind, c.to.date, c.reversed] : c.problem;
};

describe('the points', () => {
  it('dates a round by its last day, else its first', () => {
    expect(roundDate({ startsOn: '2025-05-16', endsOn: '2025-05-17' })).toBe('2025-05-17');
    expect(roundDate({ startsOn: '2025-05-16', endsOn: null })).toBe('2025-05-16');
    expect(roundDate({ startsOn: null, endsOn: null })).toBeNull();
  });

  it('reads a round id, a date or "today", and nothing when nothing is given', () => {
    expect(parsePoint('2', ROUNDS, TODAY)).toEqual({ point: { kind: 'round', round: ROME, date: '2025-05-23' } });
    expect(parsePoint(' 2025-06-01 ', ROUNDS, TODAY)).toEqual({ point: { kind: 'date', date: '2025-06-01' } });
    expect(parsePoint('today', ROUNDS, TODAY)).toEqual({ point: { kind: 'today', date: TODAY } });
    expect(parsePoint('', ROUNDS, TODAY)).toBeNull();
    expect(parsePoint('  ', ROUNDS, TODAY)).toBeNull();
    expect(parsePoint(null, ROUNDS, TODAY)).toBeNull();
  });

  it('names what it cannot read', () => {
    expect(parsePoint('9', ROUNDS, TODAY)).toEqual({ problem: 'that round is not one of this negotiation’s.' });
    expect(parsePoint('4', ROUNDS, TODAY)).toEqual({ problem: 'Round 4 has no date yet: choose a dated round, or a date.' });
    expect(parsePoint('2025-02-30', ROUNDS, TODAY)).toEqual({ problem: '“2025-02-30” is neither a round of this negotiation nor a date (YYYY-MM-DD).' });
    expect(parsePoint('x2025-06-01', ROUNDS, TODAY)).toEqual({ problem: '“x2025-06-01” is neither a round of this negotiation nor a date (YYYY-MM-DD).' });
    expect(parsePoint('2025-06-01x', ROUNDS, TODAY)).toMatchObject({ problem: expect.any(String) });
    expect(parsePoint('2x', ROUNDS, TODAY)).toMatchObject({ problem: expect.any(String) });
  });

  it('describes each kind of point in words', () => {
    expect(describePoint({ kind: 'round', round: OSLO, date: '2025-06-15' })).toBe('Oslo (cancelled, 15 Jun 2025)');
    expect(describePoint({ kind: 'date', date: '2025-06-01' })).toBe('1 Jun 2025');
    expect(describePoint({ kind: 'today', date: TODAY })).toBe('today (1 Dec 2026)');
  });
});

describe('the default', () => {
  it('is the last two held rounds while nothing was recorded after the last one', () => {
    expect(compared({})).toEqual(['Istanbul', '2025-05-16', 'Rome', '2025-05-23', false]);
    expect(compared({}, null)).toEqual(['Istanbul', '2025-05-16', 'Rome', '2025-05-23', false]);
  });

  it('is the last held round to today once anything was recorded after it', () => {
    expect(compared({}, '2025-05-24')).toEqual(['Rome', '2025-05-23', 'today', TODAY, false]);
    // Even with a single held round.
    expect(compared({}, '2025-06-01', [ROME])).toEqual(['Rome', '2025-05-23', 'today', TODAY, false]);
  });

  it('ignores rounds that were not held, or have no date', () => {
    const heldUndated = { ...round(5, 'held', null), sequence: 9 };
    expect(compared({}, ROME.date, [...ROUNDS, heldUndated, round(6, 'planned', '2026-12-20')])).toEqual(['Istanbul', '2025-05-16', 'Rome', '2025-05-23', false]);
  });

  it('follows the order the rounds were held in, not the order they are listed', () => {
    expect(compared({}, ROME.date, [ROME, OSLO, ISTANBUL])).toEqual(['Istanbul', '2025-05-16', 'Rome', '2025-05-23', false]);
  });
});

describe('what a reader asks for', () => {
  it('takes any round, held, planned or cancelled, or a date, at either end', () => {
    expect(compared({ from: '2', to: '3' })).toEqual(['Rome', '2025-05-23', 'Oslo', '2025-06-15', false]);
    expect(compared({ fromDate: '2025-05-20', toDate: '2025-06-01' })).toEqual(['date', '2025-05-20', 'date', '2025-06-01', false]);
    expect(compared({ from: '1', to: 'today' })).toEqual(['Istanbul', '2025-05-16', 'today', TODAY, false]);
  });

  it('given only an end, starts at the last round held before it', () => {
    expect(compared({ to: '3' })).toEqual(['Rome', '2025-05-23', 'Oslo', '2025-06-15', false]);
    expect(compared({ toDate: '2025-05-23' })).toEqual(['Istanbul', '2025-05-16', 'date', '2025-05-23', false]);
  });

  it('given only a start, ends at the default end', () => {
    expect(compared({ from: '1' }, '2025-05-20')).toEqual(['Istanbul', '2025-05-16', 'Rome', '2025-05-23', false]);
    expect(compared({ fromDate: '2025-05-20' }, '2025-06-20')).toEqual(['date', '2025-05-20', 'today', TODAY, false]);
  });

  it('compares the later point given first the right way round, and says so', () => {
    expect(compared({ from: '3', to: '1' })).toEqual(['Istanbul', '2025-05-16', 'Oslo', '2025-06-15', true]);
  });
});

describe('a pair that makes no sense', () => {
  it('gets a message naming the end at fault', () => {
    expect(compared({ from: '9' })).toBe('From: that round is not one of this negotiation’s.');
    expect(compared({ to: '4' })).toBe('To: Round 4 has no date yet: choose a dated round, or a date.');
    expect(compared({ from: '1', fromDate: '2025-01-01' })).toBe('From: choose a round or a date, not both.');
    expect(compared({ to: 'today', toDate: '2025-01-01' })).toBe('To: choose a round or a date, not both.');
  });

  it('two points on the same day compare nothing', () => {
    expect(compared({ from: '2', to: '2' })).toBe('Rome (held, 23 May 2025) and Rome (held, 23 May 2025) fall on the same day: nothing can have changed between them. Choose two points on different days.');
    expect(compared({ from: '2', toDate: '2025-05-23' })).toEqual(expect.stringContaining('fall on the same day'));
  });

  it('nothing held before the end chosen, or no round held at all', () => {
    expect(compared({ to: '1' })).toBe('No round was held before Istanbul (held, 16 May 2025): choose where to start, a round or a date.');
    expect(compared({ toDate: '2025-01-01' })).toBe('No round was held before 1 Jan 2025: choose where to start, a round or a date.');
    expect(compared({}, ROME.date, [ROME])).toBe('Only one round has been held, Rome (held, 23 May 2025), and nothing has been recorded since: choose where to start, a round or a date.');
    expect(compared({}, null, [OSLO, UNDATED])).toBe('No round has been held yet: choose two points to compare, each a round or a date.');
    // Asked for a start only, with no round held, there is still no end.
    expect(chooseComparison({ from: '3' }, [OSLO], TODAY, null)).toMatchObject({ ok: false, from: { kind: 'round' }, to: null });
  });
});
