import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { negotiationMembers, negotiationParties, negotiations } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { assertCanCite, assertWriteIn } from './write-access';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import type { NegotiationAccess } from '@/lib/domain';
import type { NegotiationPartyInput } from '@/lib/validation/negotiations';

/** A negotiation's own fields as a form or an import gives them; marking and access are optional (none, unchanged). */
export type NegotiationFields = { name: string; description: string; marking?: string; access?: NegotiationAccess };

function nameTaken(db: DB, name: string, exceptId?: number): boolean {
  const row = db.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.name, name)).get();
  return !!row && row.id !== exceptId;
}

const TAKEN = () => new InvalidInputError('That name is taken.', { name: ['Another negotiation already has this name.'] });

/**
 * A new negotiation is restricted to its creator (docs/decisions/0015): they become its first member, as an
 * analyst, until they open it or an admin adds others. Whatever the input says, it starts restricted.
 */
export function createNegotiation(db: DB, user: CurrentUser, input: NegotiationFields): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      if (nameTaken(db, input.name)) throw TAKEN();
      const row = tx
        .insert(negotiations)
        .values({ name: input.name, description: input.description, marking: input.marking ?? '', access: 'restricted', createdBy: user.id })
        .returning()
        .get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'negotiation', entityId: row.id, after: row });
      joinAsAnalyst(tx, user, row.id);
      return row.id;
    },
    { behavior: 'immediate' },
  );
}

/** Makes `user` an analyst member: the creator of a new negotiation (the importer's too), or an analyst who restricts one. */
export function joinAsAnalyst(tx: Executor, user: CurrentUser, negotiationId: number): void {
  tx.insert(negotiationMembers).values({ negotiationId, userId: user.id, role: 'analyst', createdBy: user.id }).run();
  recordAudit(tx, { userId: user.id, action: 'create', entity: 'negotiation_member', entityId: negotiationId, after: { userId: user.id, role: 'analyst' } });
}

/**
 * Edits a negotiation's name, description, marking and who may read it. An analyst who restricts a negotiation
 * stays able to work in it: they become a member, if they were not one, rather than lock themselves out.
 */
export function updateNegotiation(db: DB, user: CurrentUser, id: number, input: NegotiationFields) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      const before = tx.select().from(negotiations).where(eq(negotiations.id, id)).get();
      if (!before) throw new NotFoundError('The negotiation');
      assertWriteIn(tx, user, id, 'The negotiation');
      if (nameTaken(db, input.name, id)) throw TAKEN();
      const access = input.access ?? before.access;
      const after = tx
        .update(negotiations)
        .set({ name: input.name, description: input.description, marking: input.marking ?? before.marking, access, updatedAt: new Date().toISOString(), updatedBy: user.id })
        .where(eq(negotiations.id, id))
        .returning()
        .get();
      recordAudit(tx, { userId: user.id, action: 'update', entity: 'negotiation', entityId: id, before, after });
      const member = tx
        .select({ userId: negotiationMembers.userId })
        .from(negotiationMembers)
        .where(and(eq(negotiationMembers.negotiationId, id), eq(negotiationMembers.userId, user.id)))
        .get();
      if (access === 'restricted' && before.access === 'open' && user.role !== 'admin' && !member) joinAsAnalyst(tx, user, id);
    },
    { behavior: 'immediate' },
  );
}

/** Seats a party at a negotiation, or changes its role there. */
export function seatParty(db: DB, user: CurrentUser, input: NegotiationPartyInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      assertWriteIn(tx, user, input.negotiationId, 'The negotiation');
      assertCanCite(tx, user, 'party', [input.partyId], 'The party');
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
