import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { formatStoredDate } from '@/lib/partial-date';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '@/db';
import { issues, parties, positions, rounds, citedSources, statusChanges, updateIssues, updateParties, updates, users } from '@/db/schema';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { sourcesOfUpdates } from './updates';
import { visible, type ReaderScope } from './access';
import { citationFields, type Citation } from './citation';

type RoundRef = { roundId: number | null; roundName: string | null; roundSequence: number | null };
/** `when`: the date as reported ("late 2025"), where it may be vaguer than a day; `date` is its window's first day. */
type Base = RoundRef & { key: string; date: string; when?: string; id: number; updateId: number | null; citations: Citation[] };

export type TimelineEvent =
  | (Base & {
      kind: 'update';
      time: string | null;
      body: string;
      authorName: string | null;
      edited: boolean;
      issues: { id: number; title: string }[];
      parties: { id: number; shortName: string }[];
    })
  | (Base & {
      kind: 'position';
      issueId: number;
      issueTitle: string;
      partyName: string;
      stance: string;
      previousStance: string | null;
      summary: string;
    })
  | (Base & { kind: 'status'; issueId: number; issueTitle: string; fromStatus: string | null; toStatus: string; note: string });

export type TimelineOf = { issueId?: number; negotiationId?: number; partyId?: number; limit?: number };

const KIND_ORDER = { update: 0, status: 1, position: 2 } as const;

/**
 * Updates, position changes and status changes of one issue or one negotiation (optionally one
 * issue or party of it), merged newest first, each with its sources. A fixed number of queries.
 */
export function timeline(db: DB, reader: ReaderScope, scope: TimelineOf): TimelineEvent[] {
  const limit = scope.limit ?? 300;
  const roundCols = { roundId: rounds.id, roundName: rounds.name, roundSequence: rounds.sequence };
  // A record may cite a round of another negotiation (docs/decisions/0010): named only to those who see that one.
  const roundOf = (column: SQLiteColumn) => and(eq(rounds.id, column), visible(reader, rounds.negotiationId));

  // Updates.
  const updateWhere: SQL[] = [];
  const updatesSeen = visible(reader, updates.negotiationId);
  if (updatesSeen) updateWhere.push(updatesSeen);
  if (scope.negotiationId) updateWhere.push(eq(updates.negotiationId, scope.negotiationId));
  if (scope.issueId) {
    updateWhere.push(inArray(updates.id, db.select({ id: updateIssues.updateId }).from(updateIssues).where(eq(updateIssues.targetId, scope.issueId))));
  }
  if (scope.partyId) {
    updateWhere.push(inArray(updates.id, db.select({ id: updateParties.updateId }).from(updateParties).where(eq(updateParties.targetId, scope.partyId))));
  }
  const updateRows = db
    .select({
      id: updates.id,
      date: updates.occurredOn,
      precision: updates.occurredOnPrecision,
      label: updates.occurredOnLabel,
      time: updates.occurredTime,
      body: updates.body,
      editedAt: updates.editedAt,
      authorName: users.name,
      ...roundCols,
    })
    .from(updates)
    .leftJoin(rounds, roundOf(updates.roundId))
    .leftJoin(users, eq(users.id, updates.authorId))
    .where(and(...updateWhere))
    .orderBy(desc(updates.occurredOn), desc(updates.id))
    .limit(limit)
    .all();
  const updateIds = updateRows.map((u) => u.id);
  const citations = sourcesOfUpdates(db, updateIds);
  const issueLinks = updateIds.length
    ? db
        .select({ updateId: updateIssues.updateId, id: issues.id, title: issues.title })
        .from(updateIssues)
        .innerJoin(issues, eq(issues.id, updateIssues.targetId))
        .where(and(inArray(updateIssues.updateId, updateIds), visible(reader, issues.negotiationId)))
        .all()
    : [];
  const partyLinks = updateIds.length
    ? db
        .select({ updateId: updateParties.updateId, id: parties.id, shortName: parties.shortName })
        .from(updateParties)
        .innerJoin(parties, eq(parties.id, updateParties.targetId))
        .where(inArray(updateParties.updateId, updateIds))
        .all()
    : [];

  // Issue scope for positions and status changes.
  const issueWhere = (column: typeof positions.issueId | typeof statusChanges.issueId): SQL | undefined =>
    scope.issueId
      ? eq(column, scope.issueId)
      : scope.negotiationId
        ? inArray(column, db.select({ id: issues.id }).from(issues).where(eq(issues.negotiationId, scope.negotiationId)))
        : undefined;

  const previous = alias(positions, 'previous');
  const positionRows = db
    .select({
      id: positions.id,
      date: positions.asOf,
      updateId: positions.updateId,
      issueId: issues.id,
      issueTitle: issues.title,
      partyName: parties.name,
      stance: positions.stance,
      previousStance: previous.stance,
      summary: positions.summary,
      ...roundCols,
      ...citationFields,
    })
    .from(positions)
    .innerJoin(issues, eq(issues.id, positions.issueId))
    .innerJoin(parties, eq(parties.id, positions.partyId))
    .leftJoin(previous, eq(previous.id, positions.supersedesId))
    .leftJoin(rounds, roundOf(positions.roundId))
    .leftJoin(citedSources, eq(citedSources.id, positions.sourceId))
    .where(and(issueWhere(positions.issueId), visible(reader, issues.negotiationId), scope.partyId ? eq(positions.partyId, scope.partyId) : undefined))
    .orderBy(desc(positions.asOf), desc(positions.id))
    .limit(limit)
    .all();

  // A status is the issue's, not a party's: filtered out when one party is asked for.
  const statusRows = scope.partyId
    ? []
    : db
        .select({
          id: statusChanges.id,
          date: statusChanges.changedOn,
          updateId: statusChanges.updateId,
          issueId: issues.id,
          issueTitle: issues.title,
          fromStatus: statusChanges.fromStatus,
          toStatus: statusChanges.toStatus,
          note: statusChanges.note,
          ...roundCols,
          ...citationFields,
        })
        .from(statusChanges)
        .innerJoin(issues, eq(issues.id, statusChanges.issueId))
        .leftJoin(rounds, roundOf(statusChanges.roundId))
        .leftJoin(citedSources, eq(citedSources.id, statusChanges.sourceId))
        .where(and(issueWhere(statusChanges.issueId), visible(reader, issues.negotiationId)))
        .orderBy(desc(statusChanges.changedOn), desc(statusChanges.id))
        .limit(limit)
        .all();

  const citationOf = (r: Citation): Citation[] => (r.sourceId ? [r] : []);
  const events: TimelineEvent[] = [
    ...updateRows.map(
      (u): TimelineEvent => ({
        kind: 'update',
        key: `u${u.id}`,
        id: u.id,
        updateId: u.id,
        date: u.date,
        when: formatStoredDate(u.date, u.precision, u.label),
        time: u.time,
        body: u.body,
        authorName: u.authorName,
        edited: !!u.editedAt,
        roundId: u.roundId,
        roundName: u.roundName,
        roundSequence: u.roundSequence,
        issues: issueLinks.filter((l) => l.updateId === u.id).map(({ id, title }) => ({ id, title })),
        parties: partyLinks.filter((l) => l.updateId === u.id).map(({ id, shortName }) => ({ id, shortName })),
        citations: citations.get(u.id) ?? [],
      }),
    ),
    ...positionRows.map((p): TimelineEvent => ({ ...p, kind: 'position', key: `p${p.id}`, citations: citationOf(p) })),
    ...statusRows.map((s): TimelineEvent => ({ ...s, kind: 'status', key: `s${s.id}`, citations: citationOf(s) })),
  ];
  events.sort((a, b) => (a.date === b.date ? KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || b.id - a.id : a.date < b.date ? 1 : -1));
  return events.slice(0, limit);
}

export type RoundGroup = { round: { id: number; name: string; sequence: number } | null; events: TimelineEvent[] };

/** The same events grouped by the round they are tied to, latest round first; events tied to no round come last. */
export function groupByRound(events: TimelineEvent[]): RoundGroup[] {
  const groups = new Map<number | null, RoundGroup>();
  for (const e of events) {
    const key = e.roundId;
    if (!groups.has(key)) {
      groups.set(key, { round: e.roundId !== null ? { id: e.roundId, name: e.roundName ?? '', sequence: e.roundSequence ?? 0 } : null, events: [] });
    }
    groups.get(key)!.events.push(e);
  }
  return [...groups.values()].sort((a, b) => (a.round === null ? 1 : b.round === null ? -1 : b.round.sequence - a.round.sequence));
}
