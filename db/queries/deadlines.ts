import type { DB } from '@/db';
import { pendingHomeworkWhere } from './overdue';
import type { RoundStatus } from '@/lib/domain';
import type { Target } from '@/lib/links';
import { IN_SCOPE, scopeParams, type ReaderScope } from './access';

export type Deadline = {
  kind: 'key_date' | 'round' | 'homework';
  date: string | null;
  /** For rounds planned without firm dates ("in the coming weeks"). */
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

/**
 * Every date that drives attention across the negotiations the reader sees: issues' key dates, planned rounds,
 * and open homework with a due date or a due round. Three queries, sorted by date (undated last).
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
      `SELECT r.id, r.name, r.starts_on date, r.approx_date approx, r.venue, n.id negotiationId, n.name negotiationName, n.marking
         FROM rounds r JOIN negotiations n ON n.id = r.negotiation_id
        WHERE r.status = 'planned' AND (@from IS NULL OR r.starts_on IS NULL OR r.starts_on >= @from) AND ${IN_SCOPE('r.negotiation_id')}`,
    )
    .all(params) as { id: number; name: string; date: string | null; approx: string; venue: string; negotiationId: number; negotiationName: string; marking: string }[];
  const homework = c
    .prepare(
      `SELECT h.id, h.title, coalesce(h.due_on, r.starts_on) date, r.name roundName, r.approx_date approx, n.id negotiationId, n.name negotiationName, n.marking,
              r.status roundStatus,
              (SELECT group_concat(p.short_name, ', ') FROM homework_owners o JOIN parties p ON p.id = o.party_id WHERE o.homework_id = h.id) owners
         FROM homework h JOIN negotiations n ON n.id = h.negotiation_id LEFT JOIN rounds r ON r.id = h.due_round_id
        WHERE ${pendingHomeworkWhere('h')} AND (h.due_on IS NOT NULL OR h.due_round_id IS NOT NULL)
          AND (@from IS NULL OR coalesce(h.due_on, r.starts_on) IS NULL OR coalesce(h.due_on, r.starts_on) >= @from)
          AND ${IN_SCOPE('h.negotiation_id')}`,
    )
    .all(params) as {
    id: number;
    title: string;
    date: string | null;
    roundName: string | null;
    roundStatus: RoundStatus | null;
    approx: string | null;
    negotiationId: number;
    negotiationName: string;
    marking: string;
    owners: string | null;
  }[];

  const all: Deadline[] = [
    ...keyDates.map((k) => ({
      kind: 'key_date' as const,
      date: k.date,
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
      date: r.date,
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
      date: h.date,
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
    .filter((d) => !fromDate || !d.date || d.date >= fromDate)
    .sort((a, b) => (a.date ?? '9999') .localeCompare(b.date ?? '9999') || a.title.localeCompare(b.title));
}
