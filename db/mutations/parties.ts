import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { actors, parties } from '@/db/schema';
import { recordAudit } from './audit';
import { assertCanCite } from './write-access';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import type { ActorInput, PartyInput } from '@/lib/validation/negotiations';

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

export function updateParty(db: DB, user: CurrentUser, id: number, input: PartyInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      const before = tx.select().from(parties).where(eq(parties.id, id)).get();
      if (!before) throw new NotFoundError('The party');
      assertCanCite(tx, user, 'party', [id], 'The party');
      assertNameFree(db, input.name, id);
      const after = tx.update(parties).set(input).where(eq(parties.id, id)).returning().get();
      recordAudit(tx, { userId: user.id, action: 'update', entity: 'party', entityId: id, before, after });
    },
    { behavior: 'immediate' },
  );
}

export function createActor(db: DB, user: CurrentUser, input: ActorInput): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      assertCanCite(tx, user, 'party', [input.partyId], 'The party');
      const row = tx.insert(actors).values(input).returning().get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'actor', entityId: row.id, after: row });
      return row.id;
    },
    { behavior: 'immediate' },
  );
}
