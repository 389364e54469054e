import { asc, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiationParties, negotiations, parties, rounds } from '@/db/schema';
import { visible, type ReaderScope } from './access';
import type { NegotiationAccess } from '@/lib/domain';

export type NegotiationSummary = {
  id: number;
  name: string;
  description: string;
  access: NegotiationAccess;
  marking: string;
  issueCount: number;
  roundCount: number;
  parties: { shortName: string; name: string; role: string }[];
};

/** Every negotiation the reader sees with its number of issues and rounds and the parties at its table: four queries in all. */
export function listNegotiationSummaries(db: DB, scope: ReaderScope): NegotiationSummary[] {
  const negs = db
    .select({ id: negotiations.id, name: negotiations.name, description: negotiations.description, access: negotiations.access, marking: negotiations.marking })
    .from(negotiations)
    .where(visible(scope, negotiations.id))
    .orderBy(asc(negotiations.name))
    .all();
  const countBy = (rows: { negotiationId: number; n: number }[]) => new Map(rows.map((r) => [r.negotiationId, r.n]));
  const issueCounts = countBy(
    db.select({ negotiationId: issues.negotiationId, n: sql<number>`count(*)` }).from(issues).where(visible(scope, issues.negotiationId)).groupBy(issues.negotiationId).all(),
  );
  const roundCounts = countBy(
    db.select({ negotiationId: rounds.negotiationId, n: sql<number>`count(*)` }).from(rounds).where(visible(scope, rounds.negotiationId)).groupBy(rounds.negotiationId).all(),
  );
  const seats = db
    .select({ negotiationId: negotiationParties.negotiationId, shortName: parties.shortName, name: parties.name, role: negotiationParties.role })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .where(visible(scope, negotiationParties.negotiationId))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
  return negs.map((n) => ({
    ...n,
    issueCount: issueCounts.get(n.id) ?? 0,
    roundCount: roundCounts.get(n.id) ?? 0,
    parties: seats.filter((s) => s.negotiationId === n.id).map(({ negotiationId: _, ...s }) => s),
  }));
}
