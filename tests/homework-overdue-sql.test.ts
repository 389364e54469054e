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
import { HOMEWORK_STATUSES, type DatePrecision, type HomeworkStatus, type RoundStatus } from '@/lib/domain';
import { normalise } from '@/lib/partial-date';
import { isDueRoundCancelled, isOverdue, isPending } from '@/lib/homework';
import type { DB } from '@/db';
import type { CurrentUser } from '@/lib/roles';
import { wholeInstance } from '@/db/queries/access';

const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const TODAY = '2026-03-01';

type DueRound = RoundStatus | 'none';

/** How precisely a date is known (lib/partial-date.ts): a day, a month, or a phrase counted from the day. */
type Vague = { precision: DatePrecision; label: string };
const DAY_PRECISE: Vague = { precision: 'day', label: '' };
const PRECISIONS: Vague[] = [DAY_PRECISE, { precision: 'month', label: '' }, { precision: 'late', label: '' }, { precision: 'approx', label: 'in the coming weeks' }, { precision: 'approx', label: '' }];

/** A negotiation with one round in each state, as an analyst would have set them up. */
function talksWithRounds(db: DB, analyst: CurrentUser) {
  const neg = makeNegotiation(db, analyst);
  const round = (name: string, status: RoundStatus, startsOn: string | null, when: Vague = DAY_PRECISE) =>
    createRound(db, analyst, {
      negotiationId: neg.negotiationId,
      name,
      venue: '',
      startsOn,
      startsOnPrecision: when.precision,
      startsOnLabel: when.label,
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
  const homework = (title: string, status: HomeworkStatus, dueRound: DueRound | number, dueOn: string | null, when: Vague = DAY_PRECISE) =>
    createHomework(db, analyst, {
      negotiationId: neg.negotiationId,
      title,
      description: '',
      issueId: null,
      ownerPartyIds: [neg.partyA],
      assignedRoundId: null,
      dueRoundId: typeof dueRound === 'number' ? dueRound : dueRound === 'none' ? null : rounds[dueRound],
      dueOn,
      dueOnPrecision: when.precision,
      dueOnLabel: when.label,
      status,
      resolution: '',
      vague: false,
    });
  return { ...neg, rounds, homework, round };
}

const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

/** The homework each list the analysts read shows for one negotiation on `today`. */
function everyList(db: DB, negotiationId: number, today: string) {
  return {
    dashboard: sorted(overdueHomework(db, wholeInstance(db), today, negotiationId).map((h) => h.id)),
    dashboardCancelled: sorted(overdueHomework(db, wholeInstance(db), today, negotiationId).filter((h) => h.dueRoundStatus === 'cancelled').map((h) => h.id)),
    dashboardCount: countOverdueHomework(db, wholeInstance(db), today, negotiationId),
    board: sorted(listHomework(db, wholeInstance(db), { negotiationId, status: 'overdue' }, today).map((h) => h.id)),
    boardCancelled: sorted(listHomework(db, wholeInstance(db), { negotiationId, status: 'due_round_cancelled' }, today).map((h) => h.id)),
    negotiationPage: homeworkCounts(db, wholeInstance(db), negotiationId, today),
    deadlines: sorted(listDeadlines(db, wholeInstance(db)).filter((d) => d.kind === 'homework' && d.negotiationId === negotiationId).map((d) => d.target.id)),
    deadlinesCancelled: sorted(
      listDeadlines(db, wholeInstance(db))
        .filter((d) => d.kind === 'homework' && d.negotiationId === negotiationId && d.detail.includes('due round cancelled'))
        .map((d) => d.target.id),
    ),
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
      dashboardCancelled: [],
      dashboardCount: 1,
      board: [id],
      boardCancelled: [],
      negotiationPage: { open: 1, overdue: 1, dueRoundCancelled: 0 },
      deadlines: [id],
      deadlinesCancelled: [],
    });
    expect(overdueOnRoundPages(db, Object.values(t.rounds), TODAY)).toEqual([id]);

    changeHomeworkStatus(db, analyst, { homeworkId: id, status: 'delivered', resolution: 'Sent to Kyiv', version: 1 });
    expect(everyList(db, t.negotiationId, TODAY)).toEqual({
      dashboard: [],
      dashboardCancelled: [],
      dashboardCount: 0,
      board: [],
      boardCancelled: [],
      negotiationPage: { open: 0, overdue: 0, dueRoundCancelled: 0 },
      deadlines: [],
      deadlinesCancelled: [],
    });
    expect(overdueOnRoundPages(db, Object.values(t.rounds), TODAY)).toEqual([]);
  });

  it('homework due at a planned round is not overdue until its due date has passed', () => {
    const t = talksWithRounds(db, analyst);
    const planned = t.homework('Prisoner lists', 'open', 'planned', TODAY);
    const late = t.homework('Map of the line', 'open', 'planned', '2026-02-28');
    const lists = everyList(db, t.negotiationId, TODAY);
    // Due today is not yet overdue; due yesterday is.
    expect([lists.dashboard, lists.board, overdueOnRoundPages(db, Object.values(t.rounds), TODAY)]).toEqual([[late], [late], [late]]);
    expect(lists.deadlines).toEqual([planned, late]);
  });

  it('homework due at a cancelled round says so on every list, and is overdue from the day the round was planned for', () => {
    const t = talksWithRounds(db, analyst);
    const later = t.round('Round called off in advance', 'cancelled', '2026-03-20');
    const undated = t.round('Round never dated', 'cancelled', null);
    const past = t.homework('Monitoring arrangements', 'open', 'cancelled', null);
    const notYet = t.homework('Withdrawal maps', 'in_progress', later, null);
    const neverDated = t.homework('Observer list', 'open', undated, null);
    const settled = t.homework('Prisoner lists', 'delivered', 'cancelled', null);
    const lists = everyList(db, t.negotiationId, TODAY);
    expect(lists).toEqual({
      dashboard: [past, neverDated],
      dashboardCancelled: [past, neverDated],
      dashboardCount: 2,
      board: [past, neverDated],
      boardCancelled: [past, notYet, neverDated],
      negotiationPage: { open: 3, overdue: 2, dueRoundCancelled: 3 },
      deadlines: [past, notYet, neverDated],
      deadlinesCancelled: [past, notYet, neverDated],
    });
    expect(overdueOnRoundPages(db, [...Object.values(t.rounds), later, undated], TODAY)).toEqual([past, neverDated]);
    expect(listHomework(db, wholeInstance(db), { id: settled }, TODAY)[0].state).toBe('delivered');
    expect(listHomework(db, wholeInstance(db), { id: notYet }, TODAY)[0]).toMatchObject({ state: 'due_round_cancelled', overdue: false });
    // A day after the round was planned for, the one called off in advance is overdue too.
    expect(everyList(db, t.negotiationId, '2026-03-21').dashboard).toEqual([past, notYet, neverDated]);
  });

  it('the SQL form selects exactly the homework isOverdue calls overdue, on generated homework and rounds, dated as vaguely as reports', () => {
    const t = talksWithRounds(db, analyst);
    // Days from today: before, on and after it, or no day at all; far enough back for a month's or a phrase's window to pass.
    const days = fc.option(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: -400, max: 60 })), { nil: null });
    const when = fc.constantFrom(...PRECISIONS);
    const item = fc.record({
      status: fc.constantFrom(...HOMEWORK_STATUSES),
      dueRound: fc.constantFrom<DueRound>('none', 'planned', 'held', 'cancelled'),
      dueInDays: days,
      when,
    });
    // A held round always has a start date (lib/validation/rounds.ts).
    const roundDays = fc.record({ planned: days, held: fc.integer({ min: -3, max: 3 }), cancelled: days, plannedWhen: when });
    const today = fc.integer({ min: Date.UTC(2026, 2, 1) / DAY, max: Date.UTC(2027, 11, 31) / DAY }).map((d) => isoDay(d * DAY));
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 10 }), roundDays, today, (items, roundDays, today) => {
        const dayOf = (inDays: number | null) => (inDays === null ? null : isoDay(Date.parse(today) + inDays * DAY));
        // Each case is rolled back (the mutations nest as savepoints), so no case sees another's homework or rounds.
        db.$client.exec('BEGIN');
        try {
          const rounds = Object.fromEntries(
            (['planned', 'held', 'cancelled'] as const).map((status) => {
              // As stored: the day moved to its window's start ("May 2025" is 1 May).
              const vague = status === 'planned' ? roundDays.plannedWhen : DAY_PRECISE;
              const day = dayOf(roundDays[status]);
              const startsOn = day && normalise({ date: day, ...vague }).date;
              const dated = { startsOn, startsOnPrecision: vague.precision, startsOnLabel: vague.label };
              return [status, { status, ...dated, id: t.round(`${status} round`, status, startsOn, vague) }];
            }),
          ) as Record<RoundStatus, { status: RoundStatus; startsOn: string | null; startsOnPrecision: string; startsOnLabel: string; id: number }>;
          const created = items.map((h, k) => {
            const day = dayOf(h.dueInDays);
            const dueOn = day && normalise({ date: day, ...h.when }).date;
            const dueRound = h.dueRound === 'none' ? null : rounds[h.dueRound];
            const dated = { dueOn, dueOnPrecision: h.when.precision, dueOnLabel: h.when.label };
            return { ...h, ...dated, dueRound, id: t.homework(`Homework ${k}`, h.status, dueRound?.id ?? 'none', dueOn, h.when) };
          });
          const overdue = created.filter((h) => isOverdue(h, h.dueRound, today)).map((h) => h.id);
          const cancelled = created.filter((h) => isDueRoundCancelled(h, h.dueRound)).map((h) => h.id);
          const pending = created.filter((h) => isPending(h.status));
          expect(everyList(db, t.negotiationId, today)).toEqual({
            dashboard: overdue,
            dashboardCancelled: overdue.filter((id) => cancelled.includes(id)),
            dashboardCount: overdue.length,
            board: overdue,
            boardCancelled: cancelled,
            negotiationPage: { open: pending.length, overdue: overdue.length, dueRoundCancelled: cancelled.length },
            deadlines: pending.filter((h) => h.dueOn !== null || h.dueRound !== null).map((h) => h.id),
            deadlinesCancelled: cancelled,
          });
        } finally {
          db.$client.exec('ROLLBACK');
        }
      }),
      { numRuns: 80 },
    );
  });
});
