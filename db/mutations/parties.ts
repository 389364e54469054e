import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { actors, affiliations, negotiations, parties, partyDescriptions } from '@/db/schema';
import { countNegotiationsNamingActor, findActorByName } from '@/db/queries/parties';
import { recordAudit } from './audit';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import type { ActorInput, AffiliationInput, PartyInput } from '@/lib/validation/negotiations';

function assertNameFree(db: DB, name: string, exceptId?: number) {
  const row = db.select({ id: parties.id }).from(parties).where(eq(parties.name, name)).get();
  if (row && row.id !== exceptId) throw new InvalidInputError('That name is taken.', { name: ['Another party already has this name.'] });
}

export function createParty(db: DB, user: CurrentUser, input: PartyInput): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      assertNameFree(db, input.name);
      const row = tx.insert(parties).values({ ...input, createdBy: user.id }).returning().get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'party', entityId: row.id, after: row });
      return row.id;
    },
    { behavior: 'immediate' },
  );
}

/** A party's own name and short name, the same in every negotiation. */
export function updateParty(db: DB, user: CurrentUser, id: number, input: PartyInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      const before = tx.select().from(parties).where(eq(parties.id, id)).get();
      if (!before) throw new NotFoundError('The party');
      assertNameFree(db, input.name, id);
      const after = tx.update(parties).set(input).where(eq(parties.id, id)).returning().get();
      recordAudit(tx, { userId: user.id, action: 'update', entity: 'party', entityId: id, before, after });
    },
    { behavior: 'immediate' },
  );
}

/**
 * Someone speaking for a party in a negotiation, with a title there. A person of that name already
 * here is the same person (as the importer has it): they gain an affiliation, and the caller learns
 * in how many other negotiations they already speak. Returns null for `matched` when they are new.
 */
export function addActor(db: DB, user: CurrentUser, input: ActorInput): { actorId: number; matched: { otherNegotiations: number } | null } {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      if (!tx.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.id, input.negotiationId)).get()) throw new NotFoundError('The negotiation');
      if (!tx.select({ id: parties.id }).from(parties).where(eq(parties.id, input.partyId)).get()) throw new NotFoundError('The party');
      const found = findActorByName(tx, input.name);
      const matched = found ? { otherNegotiations: countNegotiationsNamingActor(tx, found.id, [input.negotiationId]) } : null;
      const actorId = found?.id ?? tx.insert(actors).values({ name: input.name }).returning({ id: actors.id }).get().id;
      const { name: _, ...affiliation } = input;
      const row = tx.insert(affiliations).values({ ...affiliation, actorId, createdBy: user.id }).returning().get();
      // A party someone speaks for is one the negotiation names: give it a place for what is said of it there.
      tx.insert(partyDescriptions).values({ negotiationId: input.negotiationId, partyId: input.partyId }).onConflictDoNothing().run();
      if (!found) recordAudit(tx, { userId: user.id, action: 'create', entity: 'actor', entityId: actorId, after: { name: input.name } });
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'affiliation', entityId: row.id, after: row });
      return { actorId, matched };
    },
    { behavior: 'immediate' },
  );
}

/** Corrects someone's title in a negotiation, or when they held it. */
export function updateAffiliation(db: DB, user: CurrentUser, id: number, input: AffiliationInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      const before = tx.select().from(affiliations).where(eq(affiliations.id, id)).get();
      if (!before) throw new NotFoundError('The affiliation');
      const after = tx.update(affiliations).set(input).where(eq(affiliations.id, id)).returning().get();
      recordAudit(tx, { userId: user.id, action: 'update', entity: 'affiliation', entityId: id, before, after });
    },
    { behavior: 'immediate' },
  );
}
