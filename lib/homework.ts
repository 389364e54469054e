import { PENDING_HOMEWORK_STATUSES, type HomeworkStatus, type RoundStatus } from './domain';

/** Still owed by its party: open or in progress, neither delivered nor dropped. */
export function isPending(status: HomeworkStatus): boolean {
  return (PENDING_HOMEWORK_STATUSES as readonly HomeworkStatus[]).includes(status);
}

/** The round an item is due at, as the overdue rule reads it: its status and the day it was planned to start. */
export type DueRound = { status: RoundStatus; startsOn: string | null };

/**
 * Still owed, and the round it was due back at was called off: it needs a new due round or date,
 * whether or not it is overdue yet.
 */
export function isDueRoundCancelled(item: { status: HomeworkStatus }, dueRound: DueRound | null | undefined): boolean {
  return isPending(item.status) && dueRound?.status === 'cancelled';
}

/**
 * The one rule for overdue homework: an item still pending is overdue once the round it is due at
 * has been held, once that round was cancelled and the day it was planned for has passed (at once
 * when it was never given a day: there is nothing left to wait for), or once its due date has
 * passed. `today` is 'YYYY-MM-DD', passed in so the rule can be tested against any day.
 * db/queries/overdue.ts is the same rule in SQL, tested equal to it.
 */
export function isOverdue(item: { status: HomeworkStatus; dueOn: string | null }, dueRound: DueRound | null | undefined, today: string): boolean {
  if (!isPending(item.status)) return false;
  if (dueRound?.status === 'held') return true;
  if (dueRound?.status === 'cancelled' && (dueRound.startsOn === null || dueRound.startsOn < today)) return true;
  return !!item.dueOn && item.dueOn < today;
}

/** What a reader is shown for an item: its stored status, 'overdue', or 'due_round_cancelled' (which may also be overdue). */
export type HomeworkState = HomeworkStatus | 'overdue' | 'due_round_cancelled';

/** The state a list, a page or a briefing shows: a cancelled due round is named, since it is the thing to fix. */
export function homeworkState(item: { status: HomeworkStatus; dueOn: string | null }, dueRound: DueRound | null | undefined, today: string): HomeworkState {
  if (isDueRoundCancelled(item, dueRound)) return 'due_round_cancelled';
  return isOverdue(item, dueRound, today) ? 'overdue' : item.status;
}
