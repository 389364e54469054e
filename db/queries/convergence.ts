import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { convergence, issues, rounds, users } from '@/db/schema';
import { trendOf, type Trend } from '@/lib/convergence';
import { visible, type ReaderScope } from './access';

/** Every round of the issue's negotiation, in order, with the judgement recorded for it (or none). */
export function convergenceOfIssue(db: DB, scope: ReaderScope, issueId: number) {
  const issue = db
    .select({ negotiationId: issues.negotiationId })
    .from(issues)
    .where(and(eq(issues.id, issueId), visible(scope, issues.negotiationId)))
    .get();
  if (!issue) return [];
  return db
    .select({
      roundId: rounds.id,
      roundName: rounds.name,
      sequence: rounds.sequence,
      roundStatus: rounds.status,
      startsOn: rounds.startsOn,
      endsOn: rounds.endsOn,
      distance: convergence.distance,
      note: convergence.note,
      // For the judgement form: 0 where the round has none yet.
      version: sql<number>`coalesce(${convergence.version}, 0)`,
      assessedAt: convergence.assessedAt,
      assessedBy: users.name,
    })
    .from(rounds)
    .leftJoin(convergence, and(eq(convergence.roundId, rounds.id), eq(convergence.issueId, issueId)))
    .leftJoin(users, eq(users.id, convergence.assessedBy))
    .where(eq(rounds.negotiationId, issue.negotiationId))
    .orderBy(asc(rounds.sequence))
    .all();
}

/** For the dashboard: each issue's trend (last judgement minus the previous one), for all issues in one query. */
export function convergenceTrends(db: DB, scope: ReaderScope, issueIds?: number[]): Map<number, Trend> {
  const rows = db
    .select({ issueId: convergence.issueId, distance: convergence.distance })
    .from(convergence)
    .innerJoin(rounds, eq(rounds.id, convergence.roundId))
    .where(and(issueIds ? inArray(convergence.issueId, issueIds) : undefined, visible(scope, rounds.negotiationId)))
    .orderBy(asc(convergence.issueId), asc(rounds.sequence))
    .all();
  const byIssue = new Map<number, number[]>();
  for (const r of rows) byIssue.set(r.issueId, [...(byIssue.get(r.issueId) ?? []), r.distance]);
  const trends = new Map<number, Trend>();
  for (const [issueId, distances] of byIssue) {
    const trend = trendOf(distances);
    if (trend) trends.set(issueId, trend);
  }
  return trends;
}
