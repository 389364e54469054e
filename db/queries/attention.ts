import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiations, parties, positions, updates, updateSources } from '@/db/schema';
import { overdueHomeworkWhere } from './overdue';
import { chainOf, loadSourceChains } from './source-chains';
import { IN_SCOPE, scopeParams, visible, type ReaderScope } from './access';
import { CLOSED_ISSUE_STATUSES, type IssueStatus, type RoundStatus } from '@/lib/domain';
import { daysBetween } from '@/lib/dates';
import { isOverdueByEstimate } from '@/lib/homework';
import { groupBy } from '@/lib/group-by';
import { markdownTitle } from '@/lib/markdown';

/** Reliability grades (Admiralty scale) too weak to rest a position on alone. */
export const LOW_RELIABILITY = ['D', 'E', 'F'] as const;

export type OverdueHomework = {
  id: number;
  title: string;
  negotiationName: string;
  dueOn: string | null;
  dueRoundName: string | null;
  /** 'cancelled': the item needs a new due round or date (lib/homework.ts isDueRoundCancelled; every item here is still owed). */
  dueRoundStatus: RoundStatus | null;
  /** The day the due round was planned for: a cancelled round's items count as overdue from it. */
  dueRoundStartsOn: string | null;
  /** How precisely the due date and the due round's start are known (lib/partial-date.ts). */
  dueOnPrecision: string;
  dueOnLabel: string;
  dueRoundStartsOnPrecision: string | null;
  dueRoundStartsOnLabel: string | null;
  /** Overdue only because the window of a vague date has passed: shown "overdue (estimated)". */
  estimated: boolean;
  owners: string;
};
/** An issue gone quiet: the date of its latest event (null: nothing dated recorded) and the days since. */
export type StaleIssue = { id: number; title: string; negotiationName: string; lastEventOn: string | null; days: number | null };
export type WeakPosition = { id: number; issueId: number; issueTitle: string; partyName: string; sources: string[] };
/** An update logged without a source, the analyst saying it has none yet (lib/update-sourcing.ts). */
export type UnsourcedUpdate = { id: number; title: string; occurredOn: string; occurredOnPrecision: string; occurredOnLabel: string; negotiationName: string };

/** Overdue homework on the reader's date (`today`), in SQL so it runs over any number of items. "Overdue" is never stored. */
const OVERDUE_WHERE = `${overdueHomeworkWhere({ homework: 'h', dueRound: 'r', today: '@today' })}
          AND (@negotiationId IS NULL OR h.negotiation_id = @negotiationId) AND ${IN_SCOPE('h.negotiation_id')}`;

export function overdueHomework(db: DB, scope: ReaderScope, today: string, negotiationId?: number, limit = -1): OverdueHomework[] {
  // The owners are looked up only for the rows kept: in a subquery after the LIMIT, not for every overdue item.
  // A vague date is due by the end of its window (lib/partial-date.ts sortKey).
  const rows = db.$client
    .prepare(
      `SELECT h.id, h.title, n.name negotiationName, h.due_on dueOn, h.dueRoundName, h.dueRoundStatus, h.dueRoundStartsOn,
              h.dueOnPrecision, h.dueOnLabel, h.dueRoundStartsOnPrecision, h.dueRoundStartsOnLabel,
              coalesce((SELECT group_concat(p.short_name, ', ') FROM homework_owners o JOIN parties p ON p.id = o.party_id WHERE o.homework_id = h.id), '') owners
         FROM (SELECT h.id, h.title, h.negotiation_id, h.due_on, h.due_on_precision dueOnPrecision, h.due_on_label dueOnLabel,
                      r.name dueRoundName, r.status dueRoundStatus, r.starts_on dueRoundStartsOn,
                      r.starts_on_precision dueRoundStartsOnPrecision, r.starts_on_label dueRoundStartsOnLabel,
                      coalesce(h.due_on_until, h.due_on, r.ends_on, r.starts_on_until, r.starts_on) dueBy
                 FROM homework h LEFT JOIN rounds r ON r.id = h.due_round_id
                WHERE ${OVERDUE_WHERE}
                ORDER BY dueBy, h.id
                LIMIT @limit) h
         JOIN negotiations n ON n.id = h.negotiation_id
        ORDER BY h.dueBy, h.id`,
    )
    .all({ today, negotiationId: negotiationId ?? null, limit, ...scopeParams(scope) }) as Omit<OverdueHomework, 'estimated'>[];
  return rows.map((h) => {
    const dueRound = h.dueRoundStatus
      ? { status: h.dueRoundStatus, startsOn: h.dueRoundStartsOn, startsOnPrecision: h.dueRoundStartsOnPrecision ?? undefined, startsOnLabel: h.dueRoundStartsOnLabel ?? undefined }
      : null;
    return { ...h, estimated: isOverdueByEstimate({ status: 'open', dueOn: h.dueOn, dueOnPrecision: h.dueOnPrecision, dueOnLabel: h.dueOnLabel }, dueRound, today) };
  });
}

export function countOverdueHomework(db: DB, scope: ReaderScope, today: string, negotiationId?: number): number {
  return (
    db.$client
      .prepare(`SELECT count(*) n FROM homework h LEFT JOIN rounds r ON r.id = h.due_round_id WHERE ${OVERDUE_WHERE}`)
      .get({ today, negotiationId: negotiationId ?? null, ...scopeParams(scope) }) as { n: number }
  ).n;
}

/**
 * Open issues the reader sees whose latest event (db/mutations/last-event.ts: the latest event date of
 * anything recorded on the issue) is `days` or more days before `today`, or with nothing dated recorded, quietest first.
 */
export function staleIssues(db: DB, scope: ReaderScope, today: string, days: number, negotiationId?: number): StaleIssue[] {
  const rows = db
    .select({ id: issues.id, title: issues.title, negotiationName: negotiations.name, lastActivityAt: issues.lastActivityAt, status: issues.status })
    .from(issues)
    .innerJoin(negotiations, eq(negotiations.id, issues.negotiationId))
    .where(and(negotiationId ? eq(issues.negotiationId, negotiationId) : undefined, visible(scope, issues.negotiationId)))
    .all();
  return rows
    // A closed question does not go stale: it is not expected to move.
    .filter((i) => !(CLOSED_ISSUE_STATUSES as readonly IssueStatus[]).includes(i.status))
    .map(({ status: _, lastActivityAt, ...i }) => {
      const lastEventOn = lastActivityAt?.slice(0, 10) ?? null;
      return { ...i, lastEventOn, days: lastEventOn ? daysBetween(lastEventOn, today) : null };
    })
    .filter((i) => i.days === null || i.days >= days)
    .sort((a, b) => (b.days ?? Infinity) - (a.days ?? Infinity) || a.id - b.id);
}

/**
 * Current positions that rest only on weak ground: no source at all, or every source they cite
 * (their own and their update's) traces back to an outlet rated D, E or F. A claim relayed by a
 * good outlet is only as reliable as its origin: El País quoting TASS rests on TASS.
 */
export function weaklySourcedPositions(db: DB, scope: ReaderScope, negotiationId?: number): WeakPosition[] {
  const current = db
    .select({
      id: positions.id,
      issueId: positions.issueId,
      issueTitle: issues.title,
      partyName: parties.name,
      sourceId: positions.sourceId,
      updateId: positions.updateId,
    })
    .from(positions)
    .innerJoin(issues, eq(issues.id, positions.issueId))
    .innerJoin(parties, eq(parties.id, positions.partyId))
    .where(and(eq(positions.isCurrent, true), negotiationId ? eq(issues.negotiationId, negotiationId) : undefined, visible(scope, issues.negotiationId)))
    .all();
  const updateIds = [...new Set(current.map((p) => p.updateId).filter((u): u is number => u !== null))];
  const viaUpdates = updateIds.length
    ? db.select({ updateId: updateSources.updateId, sourceId: updateSources.targetId }).from(updateSources).where(inArray(updateSources.updateId, updateIds)).all()
    : [];
  const sourcesByUpdate = groupBy(viaUpdates, (u) => u.updateId);
  const sourceIdsOf = new Map(
    current.map((p) => [
      p.id,
      [...new Set([p.sourceId, ...(p.updateId === null ? [] : (sourcesByUpdate.get(p.updateId) ?? [])).map((u) => u.sourceId)].filter((s): s is number => s !== null))],
    ]),
  );
  const known = loadSourceChains(db, [...sourceIdsOf.values()].flat());
  const weak: WeakPosition[] = [];
  for (const p of current) {
    const chains = sourceIdsOf
      .get(p.id)!
      .map((s) => chainOf(known, s))
      .filter((c) => c.length > 0);
    const origins = chains.map((c) => c[c.length - 1]);
    if (origins.every((o) => (LOW_RELIABILITY as readonly string[]).includes(o.reliability))) {
      weak.push({
        id: p.id,
        issueId: p.issueId,
        issueTitle: p.issueTitle,
        partyName: p.partyName,
        sources: chains.map((c) =>
          [...c]
            .reverse()
            .map((l) => `${l.outlet} (${l.reliability})`)
            .join(' via '),
        ),
      });
    }
  }
  return weak;
}

/** Updates the reader sees that were logged without a source, and how many there are: the latest first. */
export function unsourcedUpdates(db: DB, scope: ReaderScope, negotiationId: number | undefined, limit: number): { count: number; items: UnsourcedUpdate[] } {
  const rows = db
    .select({
      id: updates.id,
      body: updates.body,
      occurredOn: updates.occurredOn,
      occurredOnPrecision: updates.occurredOnPrecision,
      occurredOnLabel: updates.occurredOnLabel,
      negotiationName: negotiations.name,
      // Counted before the limit, in the same statement.
      total: sql<number>`count(*) over ()`,
    })
    .from(updates)
    .innerJoin(negotiations, eq(negotiations.id, updates.negotiationId))
    .where(and(eq(updates.unsourced, true), negotiationId ? eq(updates.negotiationId, negotiationId) : undefined, visible(scope, updates.negotiationId)))
    .orderBy(desc(updates.occurredOn), desc(updates.id))
    .limit(limit)
    .all();
  return {
    count: rows[0]?.total ?? 0,
    items: rows.map(({ body, total: _, ...u }) => ({ ...u, title: markdownTitle(body, 100) || `Update #${u.id}` })),
  };
}

/** Each list's total and its first `shown` items, for the dashboard. */
export function needsAttention(db: DB, scope: ReaderScope, options: { today: string; staleDays: number; negotiationId?: number; shown: number }) {
  const { today, staleDays, negotiationId, shown } = options;
  const stale = staleIssues(db, scope, today, staleDays, negotiationId);
  const weak = weaklySourcedPositions(db, scope, negotiationId);
  return {
    overdue: { count: countOverdueHomework(db, scope, today, negotiationId), items: overdueHomework(db, scope, today, negotiationId, shown) },
    stale: { count: stale.length, items: stale.slice(0, shown) },
    weak: { count: weak.length, items: weak.slice(0, shown) },
    // Apart from the weak grades: an update with no source at all is not a weak source but a missing one.
    unsourced: unsourcedUpdates(db, scope, negotiationId, shown),
  };
}
