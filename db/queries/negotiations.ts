import { and, asc, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiationParties, negotiations, parties, partyDescriptions, rounds } from '@/db/schema';
import { visible, type ReaderScope } from './access';

/** The negotiations the reader sees, by name. */
export function listNegotiations(db: DB, scope: ReaderScope) {
  return db.select().from(negotiations).where(visible(scope, negotiations.id)).orderBy(asc(negotiations.name)).all();
}

/** A negotiation the reader sees, or undefined: one they may not see reads as one that does not exist. */
export function getNegotiation(db: DB, scope: ReaderScope, id: number) {
  return db
    .select()
    .from(negotiations)
    .where(and(eq(negotiations.id, id), visible(scope, negotiations.id)))
    .get();
}

/** The parties at a negotiation's table, in their order, with their role there and what it says of them (and the seat's version, for its form). */
export function listSeatedParties(db: DB, scope: ReaderScope, negotiationId: number) {
  return db
    .select({
      id: parties.id,
      name: parties.name,
      shortName: parties.shortName,
      role: negotiationParties.role,
      note: negotiationParties.note,
      description: sql<string>`coalesce(${partyDescriptions.description}, '')`,
      version: negotiationParties.version,
    })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .leftJoin(partyDescriptions, and(eq(partyDescriptions.negotiationId, negotiationParties.negotiationId), eq(partyDescriptions.partyId, negotiationParties.partyId)))
    .where(and(eq(negotiationParties.negotiationId, negotiationId), visible(scope, negotiationParties.negotiationId)))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
}

export function listIssuesOf(db: DB, scope: ReaderScope, negotiationId: number) {
  return db
    .select()
    .from(issues)
    .where(and(eq(issues.negotiationId, negotiationId), visible(scope, issues.negotiationId)))
    .orderBy(asc(issues.sortOrder), asc(issues.id))
    .all();
}

export function listRoundsOf(db: DB, scope: ReaderScope, negotiationId: number) {
  return db
    .select()
    .from(rounds)
    .where(and(eq(rounds.negotiationId, negotiationId), visible(scope, rounds.negotiationId)))
    .orderBy(asc(rounds.sequence))
    .all();
}
