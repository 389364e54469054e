import type { DB } from '@/db';
import { pendingHomeworkWhere } from './overdue';
import type { RoundStatus } from '@/lib/domain';
import type { Target } from '@/lib/links';
import { formatPartialDate, isEstimated, sortKey, storedDate } from '@/lib/partial-date';
import { IN_SCOPE, scopeParams, type ReaderScope } from './access';

export type Deadline = {
  kind: 'key_date' | 'round' | 'homework';
  /** The first day of the date's window (lib/partial-date.ts); null when there is none. */
  date: string | null;
  /** The last day of its window: what the deadline is sorted by and counted to. */
  until: string | null;
  /** The date as a reader is shown it: "5 May 2025", "May 2025", "in the coming weeks (est. by 19 Mar 2026)". */
  when: string;
  /** Vague (not a single day): once its window has passed it is shown "overdue (estimated)". */
  estimated: boolean;
  /** Its whole window lies before the day listed from (a vague date, still planned or owed: overdue (estimated)). */
  passed: boolean;
  /** What reports said of an undated round ("after the elections"). */
  approx: string;
  title: string;
  detail: string;
  negotiationId: number;
  negotiationName: string;
  /** The negotiation's handling marking ('' for none): the calendar entry carries it. */
  marking: string;
  target: Target;
  uid: string;
};

/** A deadline's date from its stored columns: its window, its wording, whether it is vague. */
function dated(date: string | null, precision: string | null, label: string | null) {
  const value = storedDate(date, precision, label);
  if (!value) return { date: null, until: null, when: '', estimated: false };
  return { date: value.date, until: sortKey(value), when: formatPartialDate(value), estimated: isEstimated(value) };
}

/**
 * Every date that drives attention across the negotiations the reader sees: issues' key dates, planned rounds,
 * and open homework with a due date or a due round. Three queries, sorted by the end of each date's window
 * (undated last). From `fromDate` on, except a vague date whose window has passed: still planned or owed,
 * it stays listed, as overdue (estimated).
 */
export function listDeadlines(db: DB, scope: ReaderScope, fromDate?: string): Deadline[] {
  const c = db.$client;
  // Past dates are dropped in SQL, not after: on a large instance most homework is long settled or past
  // due, and fetching it all (with its owners) only to discard it made the dashboard slow.
  const from = fromDate ?? null;
  const params = { from, ...scopeParams(scope) };
  const keyDates = c
    .prepare(
      `SELECT i.id, i.title, i.key_date date, i.key_date_label label, n.id negotiationId, n.name negotiationName, n.marking
         FROM issues i JOIN negotiations n ON n.id = i.negotiation_id
        WHERE i.key_date IS NOT NULL AND (@from IS NULL OR i.key_date >= @from) AND ${IN_SCOPE('i.negotiation_id')}`,
    )
    .all(params) as { id: number; title: string; date: string; label: string; negotiationId: number; negotiationName: string; marking: string }[];
  const planned = c
    .prepare(
      `SELECT r.id, r.name, r.starts_on date, r.starts_on_precision precision, r.starts_on_label label, r.approx_date approx, r.venue,
              n.id negotiationId, n.name negotiationName, n.marking
         FROM rounds r JOIN negotiations n ON n.id = r.negotiation_id
        WHERE r.status = 'planned' AND (@from IS NULL OR r.starts_on IS NULL OR r.starts_on_precision <> 'day' OR r.starts_on >= @from)
          AND ${IN_SCOPE('r.negotiation_id')}`,
    )
    .all(params) as {
    id: number;
    name: string;
    date: string | null;
    precision: string;
    label: string;
    approx: string;
    venue: string;
    negotiationId: number;
    negotiationName: string;
    marking: string;
  }[];
  const homework = c
    .prepare(
      `SELECT h.id, h.title, coalesce(h.due_on, r.starts_on) date,
              CASE WHEN h.due_on IS NOT NULL THEN h.due_on_precision ELSE r.starts_on_precision END precision,
              CASE WHEN h.due_on IS NOT NULL THEN h.due_on_label ELSE r.starts_on_label END label,
              r.name roundName, r.approx_date approx, n.id negotiationId, n.name negotiationName, n.marking,
              r.status roundStatus,
              (SELECT group_concat(p.short_name, ', ') FROM homework_owners o JOIN parties p ON p.id = o.party_id WHERE o.homework_id = h.id) owners
         FROM homework h JOIN negotiations n ON n.id = h.negotiation_id LEFT JOIN rounds r ON r.id = h.due_round_id
        WHERE ${pendingHomeworkWhere('h')} AND (h.due_on IS NOT NULL OR h.due_round_id IS NOT NULL)
          AND (@from IS NULL OR coalesce(h.due_on, r.starts_on) IS NULL OR coalesce(h.due_on, r.starts_on) >= @from
               OR (CASE WHEN h.due_on IS NOT NULL THEN h.due_on_precision ELSE r.starts_on_precision END) <> 'day')
          AND ${IN_SCOPE('h.negotiation_id')}`,
    )
    .all(params) as {
    id: number;
    title: string;
    date: string | null;
    precision: string | null;
    label: string | null;
    roundName: string | null;
    roundStatus: RoundStatus | null;
    approx: string | null;
    negotiationId: number;
    negotiationName: string;
    marking: string;
    owners: string | null;
  }[];

  const all: Omit<Deadline, 'passed'>[] = [
    ...keyDates.map((k) => ({
      kind: 'key_date' as const,
      ...dated(k.date, 'day', ''),
      approx: '',
      title: k.label || `Key date: ${k.title}`,
      detail: k.title,
      negotiationId: k.negotiationId,
      negotiationName: k.negotiationName,
      marking: k.marking,
      target: { to: 'issue' as const, id: k.id },
      uid: `issue-${k.id}`,
    })),
    ...planned.map((r) => ({
      kind: 'round' as const,
      ...dated(r.date, r.precision, r.label),
      approx: r.date ? '' : r.approx,
      title: `Planned round: ${r.name}`,
      detail: r.venue,
      negotiationId: r.negotiationId,
      negotiationName: r.negotiationName,
      marking: r.marking,
      target: { to: 'round' as const, id: r.id },
      uid: `round-${r.id}`,
    })),
    ...homework.map((h) => ({
      kind: 'homework' as const,
      ...dated(h.date, h.precision, h.label),
      approx: h.date ? '' : (h.approx ?? ''),
      title: `Homework due: ${h.title}`,
      // A cancelled round's day is kept as the date, the day the item counts as overdue from.
      detail: [h.owners && `owners ${h.owners}`, h.roundName && (h.roundStatus === 'cancelled' ? `due round cancelled: ${h.roundName}` : `due at ${h.roundName}`)].filter(Boolean).join('; '),
      negotiationId: h.negotiationId,
      negotiationName: h.negotiationName,
      marking: h.marking,
      target: { to: 'homework' as const, id: h.id },
      uid: `homework-${h.id}`,
    })),
  ];
  return all
    .map((d) => ({ ...d, passed: !!fromDate && d.until !== null && d.until < fromDate }))
    .filter((d) => !fromDate || !d.date || d.estimated || d.date >= fromDate)
    .sort((a, b) => (a.until ?? '9999').localeCompare(b.until ?? '9999') || (a.date ?? '').localeCompare(b.date ?? '') || a.title.localeCompare(b.title));
}
