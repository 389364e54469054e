import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '../index';
import { issues, negotiations, parties, positions, rounds, sources, statusChanges, users } from '../schema';

export function getIssue(db: DB, id: number) {
  return db
    .select({ issue: issues, negotiationName: negotiations.name })
    .from(issues)
    .innerJoin(negotiations, eq(negotiations.id, issues.negotiationId))
    .where(eq(issues.id, id))
    .get();
}

const sourceFields = {
  sourceId: sources.id,
  sourceOutlet: sources.outlet,
  sourceTitle: sources.title,
  sourceUrl: sources.url,
  sourcePublishedOn: sources.publishedOn,
  sourceReliability: sources.reliability,
  sourceCredibility: sources.credibility,
  sourceQuote: sources.quote,
};

/** Every position ever recorded on the issue, newest first per party, with its source, round and author. */
export function positionHistory(db: DB, issueId: number) {
  return db
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
      ...sourceFields,
    })
    .from(positions)
    .innerJoin(parties, eq(parties.id, positions.partyId))
    .leftJoin(sources, eq(sources.id, positions.sourceId))
    .leftJoin(rounds, eq(rounds.id, positions.roundId))
    .leftJoin(users, eq(users.id, positions.createdBy))
    .where(eq(positions.issueId, issueId))
    .orderBy(desc(positions.asOf), desc(positions.id))
    .all();
}
export type PositionVersion = ReturnType<typeof positionHistory>[number];

export function statusHistory(db: DB, issueId: number) {
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
      ...sourceFields,
    })
    .from(statusChanges)
    .leftJoin(sources, eq(sources.id, statusChanges.sourceId))
    .leftJoin(rounds, eq(rounds.id, statusChanges.roundId))
    .leftJoin(author, eq(author.id, statusChanges.createdBy))
    .where(eq(statusChanges.issueId, issueId))
    .orderBy(desc(statusChanges.changedOn), desc(statusChanges.id))
    .all();
}

export function currentPosition(db: DB, issueId: number, partyId: number) {
  return db
    .select()
    .from(positions)
    .where(and(eq(positions.issueId, issueId), eq(positions.partyId, partyId), eq(positions.isCurrent, true)))
    .get();
}

export function listAllIssues(db: DB) {
  return db
    .select({ id: issues.id, title: issues.title, negotiationId: issues.negotiationId, negotiationName: negotiations.name })
    .from(issues)
    .innerJoin(negotiations, eq(negotiations.id, issues.negotiationId))
    .orderBy(asc(negotiations.name), asc(issues.sortOrder))
    .all();
}
