import { and, asc, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiationParties, negotiations, parties, partyDescriptions, rounds } from '@/db/schema';

export function listNegotiations(db: DB) {
  return db.select().from(negotiations).orderBy(asc(negotiations.name)).all();
}

export function getNegotiation(db: DB, id: number) {
  return db.select().from(negotiations).where(eq(negotiations.id, id)).get();
}

/** The parties at a negotiation's table, in their order, with their role there and what it says of them (and the seat's version, for its form). */
export function listSeatedParties(db: DB, negotiationId: number) {
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
    .where(eq(negotiationParties.negotiationId, negotiationId))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
}

export function listIssuesOf(db: DB, negotiationId: number) {
  return db.select().from(issues).where(eq(issues.negotiationId, negotiationId)).orderBy(asc(issues.sortOrder), asc(issues.id)).all();
}

export function listRoundsOf(db: DB, negotiationId: number) {
  return db.select().from(rounds).where(eq(rounds.negotiationId, negotiationId)).orderBy(asc(rounds.sequence)).all();
}

