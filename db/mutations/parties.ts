import { eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { actors, affiliations, parties, partyDescriptions } from '@/db/schema';
import { countNegotiationsNamingActor, findActorByName } from '@/db/queries/parties';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { assertCanCite, assertWriteIn } from './write-access';
import { writeVersioned, type VersionedRecord } from './versions';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import type { ActorInput, AffiliationInput, PartyInput } from '@/lib/validation/negotiations';

function assertNameFree(db: Executor, name: string, exceptId?: number) {
  const row = db.select({ id: parties.id }).from(parties).where(eq(parties.name, name)).get();
  if (row && row.id !== exceptId) throw new InvalidInputError('That name is taken.', { name: ['Another party already has this name.'] });
}

export function createParty(db: DB, user: CurrentUser, input: PartyInput): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      assertNameFree(tx, input.name);
      const row = tx.insert(parties).values({ ...input, createdBy: user.id }).returning().get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'party', entityId: row.id, after: row });
      return row.id;
    },
    { behavior: 'immediate' },
  );
}

/** The party as its edit form shows it (its actors are records of their own). */
function partyRecord(tx: Executor, id: number): VersionedRecord<typeof parties.$inferSelect> {
  return {
    what: 'this party',
    audit: { entities: ['party'], entityId: id },
    read: () => tx.select().from(parties).where(eq(parties.id, id)).get(),
    bump: () => tx.update(parties).set({ version: sql`${parties.version} + 1` }).where(eq(parties.id, id)).run(),
    fields: { name: { label: 'name' }, shortName: { label: 'short name' } },
  };
}

/** A party's own name and short name, the same in every negotiation. `version`: the one its edit form was opened on (null: no form). */
export function updateParty(db: DB, user: CurrentUser, id: number, version: number | null, input: PartyInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      // Who may write is checked before the version: one who may not see the party learns nothing of its changes.
      assertCanCite(tx, user, 'party', [id], 'The party');
      writeVersioned(tx, user, partyRecord(tx, id), version, (before) => {
        if (!before) throw new NotFoundError('The party');
        assertNameFree(tx, input.name, id);
        tx.update(parties).set({ ...input, version: before.version + 1 }).where(eq(parties.id, id)).run();
      });
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
      assertWriteIn(tx, user, input.negotiationId, 'The negotiation');
      assertCanCite(tx, user, 'party', [input.partyId], 'The party');
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

/** Whom someone speaks for in a negotiation, as its form shows it: their title there and when. */
function affiliationRecord(tx: Executor, id: number, actorName: string): VersionedRecord<typeof affiliations.$inferSelect> {
  return {
    what: `${actorName}'s title and dates`,
    audit: { entities: ['affiliation'], entityId: id },
    read: () => tx.select().from(affiliations).where(eq(affiliations.id, id)).get(),
    bump: () => tx.update(affiliations).set({ version: sql`${affiliations.version} + 1` }).where(eq(affiliations.id, id)).run(),
    fields: { title: { label: 'title' }, startsOn: { label: 'from' }, endsOn: { label: 'to' } },
  };
}

/** Corrects someone's title in a negotiation, or when they held it. `version`: the one its form was opened on (null: no form). */
export function updateAffiliation(db: DB, user: CurrentUser, id: number, version: number | null, input: AffiliationInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      const actor = tx
        .select({ name: actors.name, negotiationId: affiliations.negotiationId })
        .from(affiliations)
        .innerJoin(actors, eq(actors.id, affiliations.actorId))
        .where(eq(affiliations.id, id))
        .get();
      assertWriteIn(tx, user, actor?.negotiationId, 'The affiliation');
      if (!actor) throw new NotFoundError('The affiliation');
      writeVersioned(tx, user, affiliationRecord(tx, id, actor.name), version, (before) => {
        tx.update(affiliations).set({ ...input, version: before!.version + 1 }).where(eq(affiliations.id, id)).run();
      });
    },
    { behavior: 'immediate' },
  );
}
