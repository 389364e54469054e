import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, logFromForm, makeNegotiation, makeUser } from './factories';
import { roundOfDate, type DatedRound } from '@/lib/round-of-date';
import { settleConcerns } from '@/lib/change-concerns';
import { InvalidInputError } from '@/lib/errors';
import { createRound } from '@/db/mutations/rounds';
import { positions, statusChanges, updateIssues, updateParties, updates } from '@/db/schema';
import { flattenUpdateBody } from '@/lib/validation/updates';

// Logging asks one thing once: the round comes from the update's date, and a position or status change takes
// the update's party and issue (or gives it its own).

const round = (id: number, startsOn: string | null, over: Partial<DatedRound> = {}): DatedRound => ({
  id,
  status: 'held',
  startsOn,
  startsOnPrecision: 'day',
  startsOnLabel: '',
  endsOn: null,
  ...over,
});

describe('the round of a date', () => {
  const ISTANBUL = round(1, '2025-05-16');
  const ABU_DHABI_1 = round(2, '2026-01-23', { endsOn: '2026-01-24' });
  const ABU_DHABI_2 = round(3, '2026-02-04', { endsOn: '2026-02-05' });
  // "A third round in the coming weeks", said on 5 Feb: it may not have met yet.
  const ROUND_3 = round(4, '2026-02-05', { status: 'planned', startsOnPrecision: 'approx', startsOnLabel: 'in the coming weeks' });
  const CALLED_OFF = round(5, '2026-03-02', { status: 'cancelled' });
  const IN_MAY = round(6, '2026-05-01', { status: 'planned', startsOnPrecision: 'month' });
  const UNDATED = round(7, null, { status: 'planned' });
  const ALL = [IN_MAY, UNDATED, ROUND_3, ABU_DHABI_2, CALLED_OFF, ISTANBUL, ABU_DHABI_1];

  it('is the round whose dates contain the day, first to last', () => {
    expect(roundOfDate(ALL, '2025-05-16')).toBe(ISTANBUL.id);
    expect(roundOfDate(ALL, '2026-01-23')).toBe(ABU_DHABI_1.id);
    expect(roundOfDate(ALL, '2026-01-24')).toBe(ABU_DHABI_1.id);
    expect(roundOfDate(ALL, '2026-02-04')).toBe(ABU_DHABI_2.id);
    expect(roundOfDate(ALL, '2026-02-05')).toBe(ABU_DHABI_2.id);
    // A round dated to a month contains its every day.
    expect(roundOfDate(ALL, '2026-05-31')).toBe(IN_MAY.id);
  });

  it('else the one that most recently ended before it; none before the first', () => {
    expect(roundOfDate(ALL, '2025-05-17')).toBe(ISTANBUL.id);
    expect(roundOfDate(ALL, '2026-01-25')).toBe(ABU_DHABI_1.id);
    expect(roundOfDate(ALL, '2026-06-01')).toBe(IN_MAY.id);
    expect(roundOfDate(ALL, '2025-05-15')).toBeNull();
    expect(roundOfDate([], '2026-02-05')).toBeNull();
  });

  it('never a cancelled round, one dated only by an estimate, or one without a date', () => {
    // After Abu Dhabi 2, inside round 3's window and on the cancelled round's day: still Abu Dhabi 2.
    expect(roundOfDate(ALL, '2026-02-20')).toBe(ABU_DHABI_2.id);
    expect(roundOfDate(ALL, '2026-03-02')).toBe(ABU_DHABI_2.id);
    expect(roundOfDate([ROUND_3, CALLED_OFF, UNDATED], '2026-03-10')).toBeNull();
    // A planned round dated to a day counts: the analyst may not have marked it held yet.
    expect(roundOfDate([round(8, '2026-03-01', { status: 'planned' })], '2026-03-01')).toBe(8);
  });

  it('of two that contain the day, the one that started later; of two that ended before, the later end, then the later start', () => {
    const month = round(10, '2026-06-01', { endsOn: '2026-06-30' });
    const days = round(11, '2026-06-10', { endsOn: '2026-06-12' });
    for (const list of [
      [month, days],
      [days, month],
    ]) {
      expect(roundOfDate(list, '2026-06-11')).toBe(days.id);
      expect(roundOfDate(list, '2026-06-12')).toBe(days.id);
      expect(roundOfDate(list, '2026-06-20')).toBe(month.id);
      expect(roundOfDate(list, '2026-07-01')).toBe(month.id);
    }
    const long = round(12, '2026-08-01', { endsOn: '2026-08-20' });
    const short = round(13, '2026-08-19', { endsOn: '2026-08-20' });
    expect(roundOfDate([short, long], '2026-09-01')).toBe(short.id);
    expect(roundOfDate([long, short], '2026-09-01')).toBe(short.id);
    // An end inside the start's own window does not shorten it: October still contains the 15th.
    const october = round(14, '2026-10-01', { startsOnPrecision: 'month', endsOn: '2026-10-02' });
    expect(roundOfDate([october, round(15, '2026-10-05')], '2026-10-15')).toBe(october.id);
    // Of two with the same dates, the first in the negotiation's order.
    const twin = (id: number) => round(id, '2026-11-02', { endsOn: '2026-11-03' });
    expect(roundOfDate([twin(16), twin(17)], '2026-11-03')).toBe(16);
    expect(roundOfDate([twin(17), twin(16)], '2026-11-03')).toBe(17);
    expect(roundOfDate([twin(16), twin(17)], '2026-11-20')).toBe(16);
  });
});

describe("a change's party and issue", () => {
  const change = { summary: 'Wants it all' };
  const refusal = (run: () => unknown) => {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidInputError);
      return (error as InvalidInputError).errors;
    }
    throw new Error('not refused');
  };

  it("are the update's when the change leaves them out and the update names one", () => {
    const settled = settleConcerns({ issueIds: [7], partyIds: [2] }, { ...change, partyId: null, issueId: null }, { issueId: null, status: 'stalled' });
    expect(settled).toEqual({ position: { ...change, partyId: 2, issueId: 7 }, statusChange: { issueId: 7, status: 'stalled' }, issueIds: [7], partyIds: [2] });
  });

  it("are given to the update when only the change names them, and may be among several the update names", () => {
    const update = { issueIds: [] as number[], partyIds: [] as number[] };
    const settled = settleConcerns(update, { partyId: 2, issueId: 7 }, { issueId: 8 });
    expect(settled).toMatchObject({ issueIds: [7, 8], partyIds: [2] });
    expect(update).toEqual({ issueIds: [], partyIds: [] });
    expect(settleConcerns({ issueIds: [7, 8], partyIds: [2, 3] }, { partyId: 3, issueId: 8 }, null)).toEqual({
      position: { partyId: 3, issueId: 8 },
      statusChange: null,
      issueIds: [7, 8],
      partyIds: [2, 3],
    });
    expect(settleConcerns({ issueIds: [7], partyIds: [2] }, null, null)).toEqual({ position: null, statusChange: null, issueIds: [7], partyIds: [2] });
  });

  it('are refused, each beside its field, when they contradict the update or cannot be chosen', () => {
    let refused: unknown;
    try {
      settleConcerns({ issueIds: [7], partyIds: [2] }, { partyId: 3, issueId: 7 }, null);
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ message: 'A change is about another party or issue than the update, or does not say which.' });
    expect(refusal(() => settleConcerns({ issueIds: [7], partyIds: [2] }, { partyId: 3, issueId: 8 }, { issueId: 9 }))).toEqual({
      'position.partyId': ['The new position is about another party than the update: tick it among the update\'s parties too, or choose one of theirs here.'],
      'position.issueId': ["The new position is about another issue than the update: tick it among the update's issues too, or choose one of theirs here."],
      'statusChange.issueId': ["The status change is about another issue than the update: tick it among the update's issues too, or choose one of theirs here."],
    });
    expect(refusal(() => settleConcerns({ issueIds: [7, 8], partyIds: [] }, { partyId: null, issueId: null }, { issueId: null }))).toEqual({
      'position.partyId': ["Choose the party of the new position, or tick it among the update's parties."],
      'position.issueId': ['The update concerns several issues: choose the issue of the new position.'],
      'statusChange.issueId': ['The update concerns several issues: choose the issue of the status change.'],
    });
    // One field wrong is enough.
    expect(Object.keys(refusal(() => settleConcerns({ issueIds: [7], partyIds: [2] }, { partyId: 2, issueId: null }, { issueId: 8 })))).toEqual(['statusChange.issueId']);
  });
});

describe('logging applies the same defaults when a script leaves a field out', () => {
  it('takes the round from the date unless one is given, "not tied to a round" included', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId } = makeNegotiation(db, analyst);
    const base = { negotiationId, venue: '', approxDate: '', format: 'trilateral' as const, status: 'held' as const, summary: '' };
    const first = createRound(db, analyst, { ...base, name: 'Abu Dhabi 1', startsOn: '2026-01-23', endsOn: '2026-01-24' });
    const second = createRound(db, analyst, { ...base, name: 'Abu Dhabi 2', startsOn: '2026-02-04', endsOn: '2026-02-05' });
    const roundOf = (body: Record<string, unknown>) => {
      const { id } = logFromForm(db, analyst, flattenUpdateBody({ negotiationId, body: 'Reported.', occurredOn: '2026-02-05', ...body }) as Record<string, string>);
      return db.select({ roundId: updates.roundId }).from(updates).where(eq(updates.id, id)).get()!.roundId;
    };
    expect(roundOf({})).toBe(second);
    expect(roundOf({ occurredOn: '2026-01-30' })).toBe(first);
    expect(roundOf({ occurredOn: '2026-01-01' })).toBeNull();
    expect(roundOf({ roundId: first })).toBe(first);
    expect(roundOf({ roundId: null })).toBeNull();
    // A change it brings is dated and placed as the update is.
    const { id } = logFromForm(db, analyst, { negotiationId: String(negotiationId), body: 'Narrowing.', occurredOn: '2026-02-05', 'statusChange.issueId': String(issueId), 'statusChange.status': 'narrowing' });
    expect(db.select({ roundId: statusChanges.roundId, changedOn: statusChanges.changedOn }).from(statusChanges).where(eq(statusChanges.updateId, id)).get()).toEqual({ roundId: second, changedOn: '2026-02-05' });
  });

  it("records a position for the update's party and issue when the change names neither, and refuses one about another party", () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId, partyA, partyB } = makeNegotiation(db, analyst);
    const body = { negotiationId, body: 'Lavrov: the guarantees are nonsense.', occurredOn: '2026-02-05', issueIds: [issueId], partyIds: [partyA] };
    const { id } = logFromForm(db, analyst, flattenUpdateBody({ ...body, position: { summary: 'Rejects the guarantees', stance: 'opposes' } }) as Record<string, string>);
    expect(db.select({ partyId: positions.partyId, issueId: positions.issueId, asOf: positions.asOf }).from(positions).where(eq(positions.updateId, id)).all()).toEqual([
      { partyId: partyA, issueId, asOf: '2026-02-05' },
    ]);

    const before = db.select().from(updates).all().length;
    let refused: unknown;
    try {
      logFromForm(db, analyst, flattenUpdateBody({ ...body, position: { partyId: partyB, summary: "B's, not A's", stance: 'opposes' } }) as Record<string, string>);
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ errors: { 'position.partyId': [expect.stringContaining('another party than the update')] } });
    expect(db.select().from(updates).all()).toHaveLength(before);
    expect(db.select().from(positions).where(and(eq(positions.partyId, partyB), eq(positions.issueId, issueId))).all()).toEqual([]);
  });

  it('links the update to the party and issue only its change names', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId, partyB } = makeNegotiation(db, analyst);
    const { id } = logFromForm(db, analyst, {
      negotiationId: String(negotiationId),
      body: 'B softened.',
      occurredOn: '2026-02-05',
      'position.partyId': String(partyB),
      'position.issueId': String(issueId),
      'position.summary': 'Could live with half',
      'position.stance': 'conditional',
    });
    expect(db.select({ id: updateIssues.targetId }).from(updateIssues).where(eq(updateIssues.updateId, id)).all()).toEqual([{ id: issueId }]);
    expect(db.select({ id: updateParties.targetId }).from(updateParties).where(eq(updateParties.updateId, id)).all()).toEqual([{ id: partyB }]);
  });
});

