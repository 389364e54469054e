import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { negotiationParties, negotiations, parties, partyDescriptions } from '@/db/schema';
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

/** A seat's role and note, and what the negotiation says of the party (left as it is when not given). */
type SeatInput = Omit<NegotiationPartyInput, 'description'> & { description?: string };

/** Seats a party at a negotiation, or changes its role there, and what this negotiation says of it. */
export function seatParty(db: DB, user: CurrentUser, input: SeatInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      if (!tx.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.id, input.negotiationId)).get()) {
        throw new NotFoundError('The negotiation');
      }
      if (!tx.select({ id: parties.id }).from(parties).where(eq(parties.id, input.partyId)).get()) throw new NotFoundError('The party');
      const { description, ...seat } = input;
      const key = and(eq(negotiationParties.negotiationId, input.negotiationId), eq(negotiationParties.partyId, input.partyId));
      const describedKey = and(eq(partyDescriptions.negotiationId, input.negotiationId), eq(partyDescriptions.partyId, input.partyId));
      const seatBefore = tx.select().from(negotiationParties).where(key).get();
      const describedBefore = tx.select({ description: partyDescriptions.description }).from(partyDescriptions).where(describedKey).get();
      const before = seatBefore ? { ...seatBefore, description: describedBefore?.description ?? '' } : null;
      if (seatBefore) {
        tx.update(negotiationParties).set({ role: input.role, note: input.note }).where(key).run();
      } else {
        const order = tx
          .select({ n: sql<number>`coalesce(max(${negotiationParties.sortOrder}), 0) + 1` })
          .from(negotiationParties)
          .where(eq(negotiationParties.negotiationId, input.negotiationId))
          .get()!.n;
        tx.insert(negotiationParties).values({ ...seat, sortOrder: order }).run();
      }
      const described = tx.insert(partyDescriptions).values({ negotiationId: input.negotiationId, partyId: input.partyId, description: description ?? '' });
      // A new seat's empty description keeps what the negotiation already said of a party it named.
      if (description === undefined || (!seatBefore && description === '')) described.onConflictDoNothing().run();
      else described.onConflictDoUpdate({ target: [partyDescriptions.negotiationId, partyDescriptions.partyId], set: { description } }).run();
      recordAudit(tx, {
        userId: user.id,
        action: before ? 'update' : 'create',
        entity: 'negotiation_party',
        entityId: input.negotiationId,
        before,
        after: input,
      });
    },
    { behavior: 'immediate' },
  );
}
