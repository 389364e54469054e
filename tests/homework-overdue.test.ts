import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, makeNegotiation, makeUser } from './factories';
import { createRound, editRound } from '@/db/mutations/rounds';
import { changeHomeworkStatus, createHomework, editHomework } from '@/db/mutations/homework';
import { getHomework, homeworkCounts, listHomework } from '@/db/queries/homework';
import { getRoundPage } from '@/db/queries/rounds';
import { auditLog, homework, homeworkRevisions } from '@/db/schema';
import { homeworkState, isDueRoundCancelled, isOverdue } from '@/lib/homework';
import { InvalidInputError } from '@/lib/errors';
import type { DB } from '@/db';
import type { CurrentUser } from '@/lib/roles';
import type { RoundInput } from '@/lib/validation/rounds';
import type { HomeworkInput } from '@/lib/validation/homework';
import { wholeInstance } from '@/db/queries/access';

const TODAY = '2026-03-01';

const roundInput = (negotiationId: number, name: string, over: Partial<RoundInput> = {}): RoundInput => ({
  negotiationId,
  name,
  venue: '',
  startsOn: null,
  endsOn: null,
  approxDate: 'in the coming weeks',
  format: 'trilateral',
  status: 'planned',
  summary: '',
  ...over,
});

function setUp(db: DB, analyst: CurrentUser) {
  const neg = makeNegotiation(db, analyst);
  const first = createRound(db, analyst, roundInput(neg.negotiationId, 'Round 1', { status: 'held', startsOn: '2026-02-01', endsOn: '2026-02-02' }));
  const second = createRound(db, analyst, roundInput(neg.negotiationId, 'Round 2'));
  const item = (over: Partial<HomeworkInput> = {}): HomeworkInput => ({
    negotiationId: neg.negotiationId,
    title: 'Withdrawal mechanics',
    description: '',
    issueId: neg.issueId,
    ownerPartyIds: [neg.partyA],
    assignedRoundId: first,
    dueRoundId: second,
    dueOn: null,
    status: 'open',
    resolution: '',
    vague: false,
    ...over,
  });
  return { ...neg, first, second, item };
}

describe('the overdue rule', () => {
  it('is overdue only while open or in progress, once the due round is held or the due date passed', () => {
    const held = { status: 'held' as const, startsOn: '2026-02-01' };
    expect(isOverdue({ status: 'open', dueOn: null }, held, TODAY)).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: null }, held, TODAY)).toBe(true);
    // A round held later than planned (or never dated) still counts once it is marked held.
    expect(isOverdue({ status: 'open', dueOn: null }, { status: 'held', startsOn: '2026-04-01' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: null }, { status: 'planned', startsOn: '2026-02-01' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: null }, { status: 'planned', startsOn: null }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'delivered', dueOn: '2026-01-01' }, held, TODAY)).toBe(false);
    expect(isOverdue({ status: 'dropped', dueOn: null }, held, TODAY)).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: '2026-02-28' }, null, TODAY)).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: TODAY }, null, TODAY)).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: null }, null, TODAY)).toBe(false);
  });

  it('counts homework due at a cancelled round as overdue from the day the round was planned for', () => {
    const open = { status: 'open' as const, dueOn: null };
    expect(isOverdue(open, { status: 'cancelled', startsOn: '2026-02-28' }, TODAY)).toBe(true);
    expect(isOverdue(open, { status: 'cancelled', startsOn: TODAY }, TODAY)).toBe(false);
    expect(isOverdue(open, { status: 'cancelled', startsOn: '2026-03-20' }, TODAY)).toBe(false);
    // Cancelled before it was ever given a day: there is nothing left to wait for.
    expect(isOverdue(open, { status: 'cancelled', startsOn: null }, TODAY)).toBe(true);
    // Its own due date still counts, whichever comes first.
    expect(isOverdue({ status: 'open', dueOn: '2026-02-27' }, { status: 'cancelled', startsOn: '2026-03-20' }, TODAY)).toBe(true);
    expect(isOverdue({ status: 'delivered', dueOn: null }, { status: 'cancelled', startsOn: '2026-02-28' }, TODAY)).toBe(false);
    expect(isOverdue({ status: 'dropped', dueOn: null }, { status: 'cancelled', startsOn: null }, TODAY)).toBe(false);
  });

  it('names a cancelled due round as the state of anything still owed at it, overdue yet or not', () => {
    const cancelledLater = { status: 'cancelled' as const, startsOn: '2026-03-20' };
    const cancelledPast = { status: 'cancelled' as const, startsOn: '2026-02-20' };
    expect(homeworkState({ status: 'open', dueOn: null }, cancelledLater, TODAY)).toBe('due_round_cancelled');
    expect(homeworkState({ status: 'in_progress', dueOn: null }, cancelledPast, TODAY)).toBe('due_round_cancelled');
    expect(homeworkState({ status: 'delivered', dueOn: null }, cancelledPast, TODAY)).toBe('delivered');
    expect(homeworkState({ status: 'dropped', dueOn: null }, cancelledPast, TODAY)).toBe('dropped');
    expect(homeworkState({ status: 'open', dueOn: null }, { status: 'held', startsOn: null }, TODAY)).toBe('overdue');
    expect(homeworkState({ status: 'in_progress', dueOn: '2026-02-01' }, null, TODAY)).toBe('overdue');
    expect(homeworkState({ status: 'in_progress', dueOn: null }, { status: 'planned', startsOn: null }, TODAY)).toBe('in_progress');
    expect(isDueRoundCancelled({ status: 'open' }, cancelledLater)).toBe(true);
    expect(isDueRoundCancelled({ status: 'open' }, { status: 'planned', startsOn: null })).toBe(false);
    expect(isDueRoundCancelled({ status: 'open' }, null)).toBe(false);
    expect(isDueRoundCancelled({ status: 'delivered' }, cancelledLater)).toBe(false);
  });

  it('turns an item overdue on the board and the round page when its due round is marked held', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const s = setUp(db, analyst);
    const id = createHomework(db, analyst, s.item());
    expect(listHomework(db, wholeInstance(db), { negotiationId: s.negotiationId }, TODAY).find((h) => h.id === id)?.overdue).toBe(false);
    expect(listHomework(db, wholeInstance(db), { status: 'overdue' }, TODAY)).toHaveLength(0);

    editRound(db, analyst, s.second, 1, roundInput(s.negotiationId, 'Round 2', { status: 'held', startsOn: '2026-02-20', endsOn: '2026-02-21' }));
    expect(listHomework(db, wholeInstance(db), { negotiationId: s.negotiationId }, TODAY).find((h) => h.id === id)?.overdue).toBe(true);
    expect(listHomework(db, wholeInstance(db), { status: 'overdue' }, TODAY).map((h) => h.id)).toEqual([id]);
    const page = getRoundPage(db, wholeInstance(db), s.second, TODAY)!;
    expect(page.homeworkDue.map((h) => [h.id, h.overdue])).toEqual([[id, true]]);
    expect(getRoundPage(db, wholeInstance(db), s.first, TODAY)!.homeworkAssigned.map((h) => h.id)).toEqual([id]);
    expect(homeworkCounts(db, wholeInstance(db), s.negotiationId, TODAY)).toEqual({ open: 1, overdue: 1, dueRoundCancelled: 0 });

    changeHomeworkStatus(db, analyst, { homeworkId: id, status: 'delivered', resolution: 'Done', version: 1 });
    expect(listHomework(db, wholeInstance(db), { negotiationId: s.negotiationId }, TODAY).find((h) => h.id === id)?.overdue).toBe(false);
    expect(homeworkCounts(db, wholeInstance(db), s.negotiationId, TODAY)).toEqual({ open: 0, overdue: 0, dueRoundCancelled: 0 });
  });

  it('counts a past due date as overdue even without a due round', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const s = setUp(db, analyst);
    const id = createHomework(db, analyst, s.item({ dueRoundId: null, dueOn: '2026-02-15' }));
    expect(listHomework(db, wholeInstance(db), { id }, TODAY)[0].overdue).toBe(true);
    expect(listHomework(db, wholeInstance(db), { id }, '2026-02-10')[0].overdue).toBe(false);
  });

  it('filters by party and by status', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const s = setUp(db, analyst);
    const a = createHomework(db, analyst, s.item({ title: 'A owns', ownerPartyIds: [s.partyA] }));
    const b = createHomework(db, analyst, s.item({ title: 'B owns', ownerPartyIds: [s.partyB], status: 'in_progress' }));
    expect(listHomework(db, wholeInstance(db), { partyId: s.partyA }, TODAY).map((h) => h.id)).toEqual([a]);
    expect(listHomework(db, wholeInstance(db), { partyId: s.partyB }, TODAY).map((h) => h.id)).toEqual([b]);
    expect(listHomework(db, wholeInstance(db), { status: 'in_progress' }, TODAY).map((h) => h.id)).toEqual([b]);
  });
});

describe('bad dates are refused and nothing is written', () => {
  it('refuses a round that ends before it starts', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId } = makeNegotiation(db, analyst);
    const auditBefore = db.select().from(auditLog).all().length;
    expect(() =>
      createRound(db, analyst, roundInput(negotiationId, 'Backwards', { status: 'held', startsOn: '2026-02-05', endsOn: '2026-02-04' })),
    ).toThrow(InvalidInputError);
    expect(getRoundPageCount(db)).toBe(0);
    expect(db.select().from(auditLog).all()).toHaveLength(auditBefore);
  });

  it('refuses an edit that makes a round run backwards, keeping the stored dates', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const s = setUp(db, analyst);
    expect(() =>
      editRound(db, analyst, s.first, 1, roundInput(s.negotiationId, 'Round 1', { status: 'held', startsOn: '2026-02-10', endsOn: '2026-02-01' })),
    ).toThrow(/end before it starts/);
    const round = getRoundPage(db, wholeInstance(db), s.first, TODAY)!.round;
    expect([round.startsOn, round.endsOn, round.version]).toEqual(['2026-02-01', '2026-02-02', 1]);
  });

  it('refuses homework due at a round before the one that assigned it', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const s = setUp(db, analyst);
    let error: unknown;
    try {
      createHomework(db, analyst, s.item({ assignedRoundId: s.second, dueRoundId: s.first }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).errors.dueRoundId).toBeDefined();
    expect(db.select().from(homework).all()).toHaveLength(0);
  });

  it('refuses an issue of another negotiation', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const s = setUp(db, analyst);
    const other = makeNegotiation(db, analyst, 'Other talks');
    expect(() => createHomework(db, analyst, s.item({ issueId: other.issueId }))).toThrow(/not part of this negotiation/);
  });
});

describe('refining homework', () => {
  it('keeps the vague version as a revision that says what changed and who changed it', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const s = setUp(db, analyst);
    const id = createHomework(db, analyst, s.item({ title: 'A list of homework', vague: true, issueId: null }));
    editHomework(db, analyst, id, 1, s.item({ title: 'Withdrawal mechanics', vague: false, ownerPartyIds: [s.partyA, s.partyB] }));
    expect(db.select().from(homeworkRevisions).where(eq(homeworkRevisions.homeworkId, id)).all()).toHaveLength(1);
    const details = getHomework(db, wholeInstance(db), id, TODAY)!;
    expect(details.item.title).toBe('Withdrawal mechanics');
    expect(details.item.vague).toBe(false);
    expect(details.history).toHaveLength(1);
    expect(details.history[0].changedBy).toBe(analyst.name);
    expect(details.history[0].changes).toEqual(
      expect.arrayContaining([
        { field: 'title', from: 'A list of homework', to: 'Withdrawal mechanics' },
        { field: 'vague', from: 'yes', to: 'no' },
        { field: 'issue', from: '—', to: 'Territory' },
        { field: 'owners', from: 'A', to: 'A, B' },
      ]),
    );
    // A stale version is refused.
    expect(() => editHomework(db, analyst, id, 1, s.item({ title: 'Overwrite' }))).toThrow(/changed this homework/);
  });
});

function getRoundPageCount(db: DB): number {
  return (db.$client.prepare('SELECT count(*) AS n FROM rounds').get() as { n: number }).n;
}
