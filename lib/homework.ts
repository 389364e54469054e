import { PENDING_HOMEWORK_STATUSES, type HomeworkStatus, type RoundStatus } from './domain';
import { hasPassed, isEstimated, storedDate, type PartialDate } from './partial-date';

/** Still owed by its party: open or in progress, neither delivered nor dropped. */
export function isPending(status: HomeworkStatus): boolean {
  return (PENDING_HOMEWORK_STATUSES as readonly HomeworkStatus[]).includes(status);
}

/**
 * The round an item is due at, as the overdue rule reads it: its status and the day it was planned to start,
 * with how precisely that is known ("in the coming weeks": its precision and label; a day when left out).
 */
export type DueRound = { status: RoundStatus; startsOn: string | null; startsOnPrecision?: string; startsOnLabel?: string };

/** An item as the rule reads it: its status and due date, with the date's precision (a day when left out). */
export type DueItem = { status: HomeworkStatus; dueOn: string | null; dueOnPrecision?: string; dueOnLabel?: string };

const dueDate = (item: DueItem): PartialDate | null => storedDate(item.dueOn, item.dueOnPrecision, item.dueOnLabel);
const roundDate = (round: DueRound): PartialDate | null => storedDate(round.startsOn, round.startsOnPrecision, round.startsOnLabel);

/**
 * A planned round known only vaguely ("in the coming weeks") whose whole window has passed: it is late, by
 * estimate, and so is the homework due at it. Lists show such a round as "overdue (estimated)".
 */
export function vagueRoundPassed(round: DueRound | null | undefined, today: string): boolean {
  const when = round?.status === 'planned' ? roundDate(round) : null;
  return !!when && isEstimated(when) && hasPassed(when, today);
}

/** The due date's whole window has passed: the day itself, or the last day of "May 2025" or "in the coming weeks". */
function dueDatePassed(item: DueItem, today: string): boolean {
  const due = dueDate(item);
  return !!due && hasPassed(due, today);
}

/**
 * Still owed, and the round it was due back at was called off: it needs a new due round or date,
 * whether or not it is overdue yet.
 */
export function isDueRoundCancelled(item: { status: HomeworkStatus }, dueRound: DueRound | null | undefined): boolean {
  return isPending(item.status) && dueRound?.status === 'cancelled';
}

/** Overdue for certain: its due round was held, or was cancelled and the day it was planned for has passed, or its due day has passed. */
function certainlyOverdue(item: DueItem, dueRound: DueRound | null | undefined, today: string): boolean {
  if (dueRound?.status === 'held') return true;
  if (dueRound?.status === 'cancelled' && (dueRound.startsOn === null || dueRound.startsOn < today)) return true;
  const due = dueDate(item);
  return !!due && !isEstimated(due) && hasPassed(due, today);
}

/**
 * The one rule for overdue homework: an item still pending is overdue once the round it is due at
 * has been held, once that round was cancelled and the day it was planned for has passed (at once
 * when it was never given a day: there is nothing left to wait for), once the whole window of a
 * vaguely planned due round has passed ("in the coming weeks", counted from the report), or once
 * the whole window of its due date has passed. `today` is 'YYYY-MM-DD', passed in so the rule can
 * be tested against any day. db/queries/overdue.ts is the same rule in SQL, tested equal to it.
 */
export function isOverdue(item: DueItem, dueRound: DueRound | null | undefined, today: string): boolean {
  if (!isPending(item.status)) return false;
  return certainlyOverdue(item, dueRound, today) || vagueRoundPassed(dueRound, today) || dueDatePassed(item, today);
}

/** Overdue only by an estimate: the window of a vague due date or due round has passed, and nothing more certain says so. */
export function isOverdueByEstimate(item: DueItem, dueRound: DueRound | null | undefined, today: string): boolean {
  return isOverdue(item, dueRound, today) && !certainlyOverdue(item, dueRound, today);
}

/**
 * What a reader is shown for an item: its stored status, 'overdue', 'overdue_estimated' (shown
 * "overdue (estimated)"), or 'due_round_cancelled' (which may also be overdue).
 */
export type HomeworkState = HomeworkStatus | 'overdue' | 'overdue_estimated' | 'due_round_cancelled';

/** The state a list, a page or a briefing shows: a cancelled due round is named, since it is the thing to fix. */
export function homeworkState(item: DueItem, dueRound: DueRound | null | undefined, today: string): HomeworkState {
  if (isDueRoundCancelled(item, dueRound)) return 'due_round_cancelled';
  if (!isOverdue(item, dueRound, today)) return item.status;
  return isOverdueByEstimate(item, dueRound, today) ? 'overdue_estimated' : 'overdue';
}
