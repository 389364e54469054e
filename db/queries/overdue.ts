import { PENDING_HOMEWORK_STATUSES } from '@/lib/domain';

// lib/homework.ts (isPending, isOverdue) in SQL, for the queries that must select over any number
// of items rather than load them all: the dashboard's attention list and the deadlines. Written
// once here and tested equal to the lib/ rule on generated homework (tests/homework-overdue-sql.test.ts).

/** A list of the code's own constants as SQL literals; quotes are doubled, as SQL escapes them. */
const literals = (values: readonly string[]) => values.map((v) => `'${v.replaceAll("'", "''")}'`).join(', ');

/** SQL true when the homework row `homework` (a table alias) is still owed: isPending. */
export function pendingHomeworkWhere(homework: string): string {
  return `${homework}.status IN (${literals(PENDING_HOMEWORK_STATUSES)})`;
}

/**
 * SQL true when the homework row is overdue on the reader's date: isOverdue. `homework` and
 * `dueRound` are the aliases of the homework row and of its due round (LEFT JOINed, so absent when
 * it has none); `today` is the bound parameter holding 'YYYY-MM-DD', e.g. '@today'.
 */
export function overdueHomeworkWhere(at: { homework: string; dueRound: string; today: string }): string {
  const { homework, dueRound, today } = at;
  // A window's last day is stored beside its first (written through lib/partial-date.ts windowOf); a
  // row written before there were windows has only its day, which is then its window.
  return `(${pendingHomeworkWhere(homework)}
          AND (${dueRound}.status = 'held'
               OR (${dueRound}.status = 'cancelled' AND (${dueRound}.starts_on IS NULL OR ${dueRound}.starts_on < ${today}))
               OR (${dueRound}.status = 'planned' AND ${dueRound}.starts_on_precision <> 'day'
                   AND coalesce(${dueRound}.starts_on_until, ${dueRound}.starts_on) < ${today})
               OR (${homework}.due_on IS NOT NULL AND coalesce(${homework}.due_on_until, ${homework}.due_on) < ${today})))`;
}
