import { and, asc, desc, eq, lte, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '@/db';
import { citationFields } from './citation';
import { visible, type ReaderScope } from './access';
import { issues, negotiations, parties, positions, rounds, citedSources, statusChanges, users } from '@/db/schema';

/** An issue the reader sees, with its negotiation's name and marking; undefined otherwise. */
export function getIssue(db: DB, scope: ReaderScope, id: number) {
  return db
    .select({ issue: issues, negotiationName: negotiations.name, marking: negotiations.marking })
    .from(issues)
    .innerJoin(negotiations, eq(negotiations.id, issues.negotiationId))
    .where(and(eq(issues.id, id), visible(scope, issues.negotiationId)))
    .get();
}

/** The issue's own negotiation is the reader's to see: the histories below read nothing of an issue they may not. */
const issueSeen = (scope: ReaderScope, issueId: number) =>
  visible(scope, sql`(SELECT ${issues.negotiationId} FROM ${issues} WHERE ${issues.id} = ${issueId})`);
/** A round cited from another negotiation (docs/decisions/0010) is named only to those who see that one. */
const roundSeen = (scope: ReaderScope, roundColumn: typeof positions.roundId | typeof statusChanges.roundId) =>
  and(eq(rounds.id, roundColumn), visible(scope, rounds.negotiationId));

/**
 * Positions recorded on the issue, newest first per party, with source, round and author.
 * With `perParty`, only that many of each party's latest versions (plus its current one and the one
 * before the oldest shown, so "what changed" can still be told): a long history stays a short page.
 */
export function positionHistory(db: DB, scope: ReaderScope, issueId: number, options: { perParty?: number } = {}) {
  const ranked = db.$with('ranked').as(
    db
      .select({
        id: positions.id,
        rank: sql<number>`row_number() over (partition by ${positions.partyId} order by ${positions.asOf} desc, ${positions.id} desc)`.as('rank'),
      })
      .from(positions)
      .where(eq(positions.issueId, issueId)),
  );
  const keep = options.perParty ? or(lte(ranked.rank, options.perParty + 1), eq(positions.isCurrent, true)) : undefined;
  return db
    .with(ranked)
    .select({
      id: positions.id,
      partyId: positions.partyId,
      partyName: parties.name,
      partyShort: parties.shortName,
      summary: positions.summary,
      stance: positions.stance,
      redLines: positions.redLines,
      flexibility: positions.flexibility,
      asOf: positions.asOf,
      isCurrent: positions.isCurrent,
      supersedesId: positions.supersedesId,
      updateId: positions.updateId,
      createdAt: positions.createdAt,
      roundId: positions.roundId,
      roundName: rounds.name,
      authorName: users.name,
      ...citationFields,
    })
    .from(positions)
    .innerJoin(ranked, eq(ranked.id, positions.id))
    .innerJoin(parties, eq(parties.id, positions.partyId))
    .leftJoin(citedSources, eq(citedSources.id, positions.sourceId))
    .leftJoin(rounds, roundSeen(scope, positions.roundId))
    .leftJoin(users, eq(users.id, positions.createdBy))
    .where(and(eq(positions.issueId, issueId), keep, issueSeen(scope, issueId)))
    .orderBy(desc(positions.asOf), desc(positions.id))
    .all();
}

/** How many position versions each party has on the issue. */
export function positionCounts(db: DB, scope: ReaderScope, issueId: number): Map<number, number> {
  const rows = db
    .select({ partyId: positions.partyId, n: sql<number>`count(*)` })
    .from(positions)
    .where(and(eq(positions.issueId, issueId), issueSeen(scope, issueId)))
    .groupBy(positions.partyId)
    .all();
  return new Map(rows.map((r) => [r.partyId, r.n]));
}
export type PositionVersion = ReturnType<typeof positionHistory>[number];

export function statusHistory(db: DB, scope: ReaderScope, issueId: number) {
  const author = alias(users, 'author');
  return db
    .select({
      id: statusChanges.id,
      fromStatus: statusChanges.fromStatus,
      toStatus: statusChanges.toStatus,
      changedOn: statusChanges.changedOn,
      note: statusChanges.note,
      updateId: statusChanges.updateId,
      roundName: rounds.name,
      authorName: author.name,
      ...citationFields,
    })
    .from(statusChanges)
    .leftJoin(citedSources, eq(citedSources.id, statusChanges.sourceId))
    .leftJoin(rounds, roundSeen(scope, statusChanges.roundId))
    .leftJoin(author, eq(author.id, statusChanges.createdBy))
    .where(and(eq(statusChanges.issueId, issueId), issueSeen(scope, issueId)))
    .orderBy(desc(statusChanges.changedOn), desc(statusChanges.id))
    .all();
}

export function currentPosition(db: DB, scope: ReaderScope, issueId: number, partyId: number) {
  return db
    .select()
    .from(positions)
    .where(and(eq(positions.issueId, issueId), eq(positions.partyId, partyId), eq(positions.isCurrent, true), issueSeen(scope, issueId)))
    .get();
}

export function listAllIssues(db: DB, scope: ReaderScope) {
  return db
    .select({ id: issues.id, title: issues.title, negotiationId: issues.negotiationId, negotiationName: negotiations.name })
    .from(issues)
    .innerJoin(negotiations, eq(negotiations.id, issues.negotiationId))
    .where(visible(scope, issues.negotiationId))
    .orderBy(asc(negotiations.name), asc(issues.sortOrder))
    .all();
}
