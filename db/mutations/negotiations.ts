import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { negotiationParties, negotiations, parties } from '@/db/schema';
import { recordAudit } from './audit';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import type { NegotiationInput, NegotiationPartyInput } from '@/lib/validation/negotiations';

function nameTaken(db: DB, name: string, exceptId?: number): boolean {
  const row = db.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.name, name)).get();
  return !!row && row.id !== exceptId;
}

const TAKEN = () => new InvalidInputError('That name is taken.', { name: ['Another negotiation already has this name.'] });

export function createNegotiation(db: DB, user: CurrentUser, input: NegotiationInput): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      if (nameTaken(db, input.name)) throw TAKEN();
      const row = tx.insert(negotiations).values({ ...input, createdBy: user.id }).returning().get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'negotiation', entityId: row.id, after: row });
      return row.id;
    },
    { behavior: 'immediate' },
  );
}

export function updateNegotiation(db: DB, user: CurrentUser, id: number, input: NegotiationInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      const before = tx.select().from(negotiations).where(eq(negotiations.id, id)).get();
      if (!before) throw new NotFoundError('The negotiation');
      if (nameTaken(db, input.name, id)) throw TAKEN();
      const after = tx
        .update(negotiations)
        .set({ ...input, updatedAt: new Date().toISOString(), updatedBy: user.id })
        .where(eq(negotiations.id, id))
        .returning()
        .get();
      recordAudit(tx, { userId: user.id, action: 'update', entity: 'negotiation', entityId: id, before, after });
    },
    { behavior: 'immediate' },
  );
}

/** Seats a party at a negotiation, or changes its role there. */
export function seatParty(db: DB, user: CurrentUser, input: NegotiationPartyInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      if (!tx.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.id, input.negotiationId)).get()) {
        throw new NotFoundError('The negotiation');
      }
      if (!tx.select({ id: parties.id }).from(parties).where(eq(parties.id, input.partyId)).get()) throw new NotFoundError('The party');
      const key = and(eq(negotiationParties.negotiationId, input.negotiationId), eq(negotiationParties.partyId, input.partyId));
      const before = tx.select().from(negotiationParties).where(key).get();
      if (before) {
        tx.update(negotiationParties).set({ role: input.role, note: input.note }).where(key).run();
      } else {
        const order = tx
          .select({ n: sql<number>`coalesce(max(${negotiationParties.sortOrder}), 0) + 1` })
          .from(negotiationParties)
          .where(eq(negotiationParties.negotiationId, input.negotiationId))
          .get()!.n;
        tx.insert(negotiationParties).values({ ...input, sortOrder: order }).run();
      }
      recordAudit(tx, {
        userId: user.id,
        action: before ? 'update' : 'create',
        entity: 'negotiation_party',
        entityId: input.negotiationId,
        before: before ?? null,
        after: input,
      });
    },
    { behavior: 'immediate' },
  );
}
