import { eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { actors, parties } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { writeVersioned, type VersionedRecord } from './versions';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import type { ActorInput, PartyInput } from '@/lib/validation/negotiations';

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
    fields: { name: { label: 'name' }, shortName: { label: 'short name' }, description: { label: 'description' } },
  };
}

/** `version`: the one the edit form was opened on (null: no form). */
export function updateParty(db: DB, user: CurrentUser, id: number, version: number | null, input: PartyInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      writeVersioned(tx, user, partyRecord(tx, id), version, (before) => {
        if (!before) throw new NotFoundError('The party');
        assertNameFree(tx, input.name, id);
        tx.update(parties).set({ ...input, version: before.version + 1 }).where(eq(parties.id, id)).run();
      });
    },
    { behavior: 'immediate' },
  );
}

export function createActor(db: DB, user: CurrentUser, input: ActorInput): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      if (!tx.select({ id: parties.id }).from(parties).where(eq(parties.id, input.partyId)).get()) throw new NotFoundError('The party');
      const row = tx.insert(actors).values(input).returning().get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'actor', entityId: row.id, after: row });
      return row.id;
    },
    { behavior: 'immediate' },
  );
}
