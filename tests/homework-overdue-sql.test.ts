// The overdue rule is written once in lib/homework.ts (isOverdue) and once in SQL (db/queries/overdue.ts)
// for the lists that select over every item. These tests hold the two to the same answer: on
// generated homework, and on the cases an analyst would check by hand.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser } from './factories';
import { createRound } from '@/db/mutations/rounds';
import { changeHomeworkStatus, createHomework } from '@/db/mutations/homework';
import { countOverdueHomework, overdueHomework } from '@/db/queries/attention';
import { listDeadlines } from '@/db/queries/deadlines';
import { homeworkCounts, listHomework } from '@/db/queries/homework';
import { getRoundPage } from '@/db/queries/rounds';
import { HOMEWORK_STATUSES, type HomeworkStatus, type RoundStatus } from '@/lib/domain';
import { isOverdue, isPending } from '@/lib/homework';
import type { DB } from '@/db';
import type { CurrentUser } from '@/lib/roles';
import { wholeInstance } from '@/db/queries/access';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const TODAY = '2026-03-01';

type DueRound = RoundStatus | 'none';

/** A negotiation with one round in each state, as an analyst would have set them up. */
function talksWithRounds(db: DB, analyst: CurrentUser) {
  const neg = makeNegotiation(db, analyst);
  const round = (name: string, status: RoundStatus, startsOn: string | null) =>
    createRound(db, analyst, {
      negotiationId: neg.negotiationId,
      name,
      venue: '',
      startsOn,
      endsOn: null,
      approxDate: startsOn ? '' : 'in the coming weeks',
      format: 'direct',
      status,
      summary: '',
    });
  const rounds: Record<RoundStatus, number> = {
    held: round('Held round', 'held', '2026-02-01'),
    cancelled: round('Cancelled round', 'cancelled', '2026-02-15'),
    planned: round('Planned round', 'planned', null),
  };
  const homework = (title: string, status: HomeworkStatus, dueRound: DueRound, dueOn: string | null) =>
    createHomework(db, analyst, {
      negotiationId: neg.negotiationId,
      title,
      description: '',
      issueId: null,
      ownerPartyIds: [neg.partyA],
      assignedRoundId: null,
      dueRoundId: dueRound === 'none' ? null : rounds[dueRound],
      dueOn,
      status,
      resolution: '',
      vague: false,
    });
  return { ...neg, rounds, homework };
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

/** The homework each list the analysts read shows for one negotiation on `today`. */
function everyList(db: DB, negotiationId: number, today: string) {
  return {
    dashboard: sorted(overdueHomework(db, wholeInstance(db), today, negotiationId).map((h) => h.id)),
    dashboardCount: countOverdueHomework(db, wholeInstance(db), today, negotiationId),
    board: sorted(listHomework(db, wholeInstance(db), { negotiationId, status: 'overdue' }, today).map((h) => h.id)),
    negotiationPage: homeworkCounts(db, wholeInstance(db), negotiationId, today),
    deadlines: sorted(listDeadlines(db, wholeInstance(db)).filter((d) => d.kind === 'homework' && d.negotiationId === negotiationId).map((d) => d.target.id)),
  };
}

/** The homework the round pages mark overdue among the items due at them. */
function overdueOnRoundPages(db: DB, roundIds: number[], today: string) {
  return sorted(roundIds.flatMap((r) => getRoundPage(db, wholeInstance(db), r, today)!.homeworkDue.filter((h) => h.overdue).map((h) => h.id)));
}

describe('the status groups', () => {
  it('counts open and in-progress homework as still owed, delivered and dropped as settled', () => {
    expect(HOMEWORK_STATUSES.filter(isPending)).toEqual(['open', 'in_progress']);
    expect(HOMEWORK_STATUSES.filter((s) => !isPending(s))).toEqual(['delivered', 'dropped']);
  });
});

describe('overdue homework reads the same on every page', () => {
  let db: DB;
  let analyst: CurrentUser;
  beforeAll(() => {
    db = freshDb();
    analyst = makeUser(db);
  });

  it('homework due at a held round is overdue on the board, the dashboard and the round page alike, and stays on the deadlines while owed', () => {
    const t = talksWithRounds(db, analyst);
    const id = t.homework('Withdrawal mechanics', 'in_progress', 'held', null);
    expect(everyList(db, t.negotiationId, TODAY)).toEqual({
      dashboard: [id],
      dashboardCount: 1,
      board: [id],
      negotiationPage: { open: 1, overdue: 1 },
      deadlines: [id],
    });
    expect(overdueOnRoundPages(db, Object.values(t.rounds), TODAY)).toEqual([id]);

    changeHomeworkStatus(db, analyst, { homeworkId: id, status: 'delivered', resolution: 'Sent to Kyiv', version: 1 });
    expect(everyList(db, t.negotiationId, TODAY)).toEqual({
      dashboard: [],
      dashboardCount: 0,
      board: [],
      negotiationPage: { open: 0, overdue: 0 },
      deadlines: [],
    });
    expect(overdueOnRoundPages(db, Object.values(t.rounds), TODAY)).toEqual([]);
  });

  it('homework due at a cancelled or planned round is not overdue until its due date has passed', () => {
    const t = talksWithRounds(db, analyst);
    const cancelled = t.homework('Monitoring arrangements', 'open', 'cancelled', null);
    const planned = t.homework('Prisoner lists', 'open', 'planned', TODAY);
    const late = t.homework('Map of the line', 'open', 'cancelled', '2026-02-28');
    const lists = everyList(db, t.negotiationId, TODAY);
    // Due today is not yet overdue; due yesterday is, whatever became of its round.
    expect([lists.dashboard, lists.board, overdueOnRoundPages(db, Object.values(t.rounds), TODAY)]).toEqual([[late], [late], [late]]);
    expect(lists.deadlines).toEqual([cancelled, planned, late]);
  });

  it('the SQL form selects exactly the homework isOverdue calls overdue, on generated homework', () => {
    const t = talksWithRounds(db, analyst);
    const item = fc.record({
      status: fc.constantFrom(...HOMEWORK_STATUSES),
      dueRound: fc.constantFrom<DueRound>('none', 'planned', 'held', 'cancelled'),
      // Days from today: before, on and after it, or no due date at all.
      dueInDays: fc.option(fc.integer({ min: -3, max: 3 }), { nil: null }),
    });
    const today = fc.integer({ min: Date.UTC(2026, 2, 1) / DAY, max: Date.UTC(2027, 11, 31) / DAY }).map((d) => isoDay(d * DAY));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), today, (items, today) => {
        // Each case is rolled back (the mutations nest as savepoints), so no case sees another's homework.
        db.$client.exec('BEGIN');
        try {
          const created = items.map((h, k) => {
            const dueOn = h.dueInDays === null ? null : isoDay(Date.parse(today) + h.dueInDays * DAY);
            return { ...h, dueOn, id: t.homework(`Homework ${k}`, h.status, h.dueRound, dueOn) };
          });
          const overdue = created.filter((h) => isOverdue(h, h.dueRound === 'none' ? null : { status: h.dueRound }, today)).map((h) => h.id);
          const pending = created.filter((h) => isPending(h.status));
          expect(everyList(db, t.negotiationId, today)).toEqual({
            dashboard: overdue,
            dashboardCount: overdue.length,
            board: overdue,
            negotiationPage: { open: pending.length, overdue: overdue.length },
            deadlines: pending.filter((h) => h.dueOn !== null || h.dueRound !== 'none').map((h) => h.id),
          });
        } finally {
          db.$client.exec('ROLLBACK');
        }
      }),
      { numRuns: 60 },
    );
  });
});
