import type { HomeworkStatus, RoundStatus } from './domain';

/**
 * The one rule for overdue homework: an item still open or in progress is overdue once the round
 * it is due at has been held, or once its due date has passed. `today` is 'YYYY-MM-DD', passed in
 * so the rule can be tested against any day.
 */
export function isOverdue(
  item: { status: HomeworkStatus; dueOn: string | null },
  dueRound: { status: RoundStatus } | null | undefined,
  today: string,
): boolean {
  if (item.status !== 'open' && item.status !== 'in_progress') return false;
  if (dueRound?.status === 'held') return true;
  return !!item.dueOn && item.dueOn < today;
}
