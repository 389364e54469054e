import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { negotiationParties, negotiations, parties, partyDescriptions } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { writeVersioned, type VersionedRecord } from './versions';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { label } from '@/lib/domain';
import type { NegotiationInput, NegotiationPartyInput } from '@/lib/validation/negotiations';

function nameTaken(db: Executor, name: string, exceptId?: number): boolean {
  const row = db.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.name, name)).get();
  return !!row && row.id !== exceptId;
}

const TAKEN = () => new InvalidInputError('That name is taken.', { name: ['Another negotiation already has this name.'] });

export function createNegotiation(db: DB, user: CurrentUser, input: NegotiationInput): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      if (nameTaken(tx, input.name)) throw TAKEN();
      const row = tx.insert(negotiations).values({ ...input, createdBy: user.id }).returning().get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'negotiation', entityId: row.id, after: row });
      return row.id;
    },
    { behavior: 'immediate' },
  );
}

/** The negotiation as its edit form shows it: a name and a description (its seats, issues and rounds are records of their own). */
function negotiationRecord(tx: Executor, id: number): VersionedRecord<typeof negotiations.$inferSelect> {
  return {
    what: 'this negotiation',
    audit: { entities: ['negotiation'], entityId: id },
    read: () => tx.select().from(negotiations).where(eq(negotiations.id, id)).get(),
    bump: () => tx.update(negotiations).set({ version: sql`${negotiations.version} + 1` }).where(eq(negotiations.id, id)).run(),
    fields: { name: { label: 'name' }, description: { label: 'description' } },
  };
}

/** `version`: the one the edit form was opened on (null: no form, e.g. a script). */
export function updateNegotiation(db: DB, user: CurrentUser, id: number, version: number | null, input: NegotiationInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      writeVersioned(tx, user, negotiationRecord(tx, id), version, (before) => {
        if (!before) throw new NotFoundError('The negotiation');
        if (nameTaken(tx, input.name, id)) throw TAKEN();
        tx.update(negotiations)
          .set({ ...input, version: before.version + 1, updatedAt: new Date().toISOString(), updatedBy: user.id })
          .where(eq(negotiations.id, id))
          .run();
      });
    },
    { behavior: 'immediate' },
  );
}

/** A party's seat at a negotiation, as its form shows it: its role and note there, and what this negotiation says of it. */
type Seat = typeof negotiationParties.$inferSelect & { description: string };

function seatRecord(tx: Executor, negotiationId: number, partyId: number, partyName: string): VersionedRecord<Seat> {
  const key = and(eq(negotiationParties.negotiationId, negotiationId), eq(negotiationParties.partyId, partyId));
  const describedKey = and(eq(partyDescriptions.negotiationId, negotiationId), eq(partyDescriptions.partyId, partyId));
  return {
    what: `the seat of ${partyName}`,
    added: `seated ${partyName} at this negotiation`,
    audit: { entities: ['negotiation_party'], entityId: negotiationId, key: { partyId } },
    read: () => {
      const seat = tx.select().from(negotiationParties).where(key).get();
      if (!seat) return undefined;
      const described = tx.select({ description: partyDescriptions.description }).from(partyDescriptions).where(describedKey).get();
      return { ...seat, description: described?.description ?? '' };
    },
    bump: () => tx.update(negotiationParties).set({ version: sql`${negotiationParties.version} + 1` }).where(key).run(),
    fields: { role: { label: 'role', show: (v) => label(String(v)) }, note: { label: 'note' }, description: { label: 'description' } },
  };
}

/** A seat's role and note, and what the negotiation says of the party (left as it is when not given). */
type SeatInput = Omit<NegotiationPartyInput, 'description' | 'version'> & { description?: string; version: number | null };

/**
 * Seats a party at a negotiation, or changes its role there and what this negotiation says of it.
 * `input.version` is the seat's version when the form was opened: 0 on the form that seats a party not
 * yet at the table, so seating one that another analyst seated meanwhile is refused too (null: no form).
 */
export function seatParty(db: DB, user: CurrentUser, input: SeatInput) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      if (!tx.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.id, input.negotiationId)).get()) {
        throw new NotFoundError('The negotiation');
      }
      const party = tx.select({ id: parties.id, name: parties.name }).from(parties).where(eq(parties.id, input.partyId)).get();
      if (!party) throw new NotFoundError('The party');
      const { version, description, ...seat } = input;
      const key = and(eq(negotiationParties.negotiationId, input.negotiationId), eq(negotiationParties.partyId, input.partyId));
      writeVersioned(tx, user, seatRecord(tx, input.negotiationId, input.partyId, party.name), version, (before) => {
        const described = tx.insert(partyDescriptions).values({ negotiationId: input.negotiationId, partyId: input.partyId, description: description ?? '' });
        // A new seat's empty description keeps what the negotiation already said of a party it named.
        if (description === undefined || (!before && description === '')) described.onConflictDoNothing().run();
        else described.onConflictDoUpdate({ target: [partyDescriptions.negotiationId, partyDescriptions.partyId], set: { description } }).run();
        if (before) {
          // The description's trigger may have moved the version already: move it on from wherever it is.
          tx.update(negotiationParties)
            .set({ role: seat.role, note: seat.note, version: sql`${negotiationParties.version} + 1` })
            .where(key)
            .run();
          return;
        }
        const order = tx
          .select({ n: sql<number>`coalesce(max(${negotiationParties.sortOrder}), 0) + 1` })
          .from(negotiationParties)
          .where(eq(negotiationParties.negotiationId, input.negotiationId))
          .get()!.n;
        tx.insert(negotiationParties).values({ ...seat, sortOrder: order }).run();
      });
    },
    { behavior: 'immediate' },
  );
}
