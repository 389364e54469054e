import { asc, eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiationParties, negotiations, parties, rounds } from '@/db/schema';
import { visible, type ReaderScope } from './access';

function without<T extends { negotiationId: number }>(row: T): Omit<T, 'negotiationId'> {
  const { negotiationId, ...rest } = row;
  void negotiationId;
  return rest;
}

/** Every negotiation the caller sees with its marking, parties, rounds and issues: what `GET /api/negotiations` returns. */
export function listNegotiationIndex(db: DB, scope: ReaderScope) {
  const list = db
    .select({ id: negotiations.id, name: negotiations.name, marking: negotiations.marking, access: negotiations.access })
    .from(negotiations)
    .where(visible(scope, negotiations.id))
    .orderBy(asc(negotiations.name))
    .all();
  const ids = list.map((n) => n.id);
  if (!ids.length) return [];
  const seated = db
    .select({
      negotiationId: negotiationParties.negotiationId,
      id: parties.id,
      name: parties.name,
      shortName: parties.shortName,
      role: negotiationParties.role,
    })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .where(inArray(negotiationParties.negotiationId, ids))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
  const roundRows = db
    .select({ negotiationId: rounds.negotiationId, id: rounds.id, name: rounds.name, sequence: rounds.sequence, status: rounds.status })
    .from(rounds)
    .where(inArray(rounds.negotiationId, ids))
    .orderBy(asc(rounds.sequence))
    .all();
  const issueRows = db
    .select({ negotiationId: issues.negotiationId, id: issues.id, title: issues.title, status: issues.status })
    .from(issues)
    .where(inArray(issues.negotiationId, ids))
    .orderBy(asc(issues.sortOrder), asc(issues.id))
    .all();
  return list.map((n) => ({
    id: n.id,
    name: n.name,
    marking: n.marking,
    access: n.access,
    parties: seated.filter((p) => p.negotiationId === n.id).map(without),
    rounds: roundRows.filter((r) => r.negotiationId === n.id).map(without),
    issues: issueRows.filter((i) => i.negotiationId === n.id).map(without),
  }));
}
