import { PENDING_HOMEWORK_STATUSES, type HomeworkStatus, type RoundStatus } from './domain';

/** Still owed by its party: open or in progress, neither delivered nor dropped. */
export function isPending(status: HomeworkStatus): boolean {
  return (PENDING_HOMEWORK_STATUSES as readonly HomeworkStatus[]).includes(status);
}

/**
 * The one rule for overdue homework: an item still pending is overdue once the round it is due at
 * has been held, or once its due date has passed. `today` is 'YYYY-MM-DD', passed in so the rule
 * can be tested against any day. db/queries/overdue.ts is the same rule in SQL, tested equal to it.
 */
export function isOverdue(
  item: { status: HomeworkStatus; dueOn: string | null },
  dueRound: { status: RoundStatus } | null | undefined,
  today: string,
): boolean {
  if (!isPending(item.status)) return false;
  if (dueRound?.status === 'held') return true;
  return !!item.dueOn && item.dueOn < today;
}
