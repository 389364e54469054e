import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { negotiationMembers, negotiationParties, negotiations, parties, partyDescriptions } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { writeVersioned, type VersionedRecord } from './versions';
import { assertCanCite, assertWriteIn } from './write-access';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { label, type NegotiationAccess } from '@/lib/domain';
import type { NegotiationPartyInput } from '@/lib/validation/negotiations';

/** A negotiation's own fields as a form or an import gives them; marking and access are optional (none, unchanged). */
export type NegotiationFields = { name: string; description: string; marking?: string; access?: NegotiationAccess };

function nameTaken(db: Executor, name: string, exceptId?: number): boolean {
  const row = db.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.name, name)).get();
  return !!row && row.id !== exceptId;
}

const TAKEN = () => new InvalidInputError('That name is taken.', { name: ['Another negotiation already has this name.'] });

/**
 * A new negotiation is restricted to its creator (docs/decisions/0017): they become its first member, as an
 * analyst, until they open it or an admin adds others. Whatever the input says, it starts restricted.
 */
export function createNegotiation(db: DB, user: CurrentUser, input: NegotiationFields): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      if (nameTaken(tx, input.name)) throw TAKEN();
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

/** The negotiation as its edit form shows it: name, description, marking and who may read it (its seats, issues and rounds are records of their own). */
function negotiationRecord(tx: Executor, id: number): VersionedRecord<typeof negotiations.$inferSelect> {
  return {
    what: 'this negotiation',
    audit: { entities: ['negotiation'], entityId: id },
    read: () => tx.select().from(negotiations).where(eq(negotiations.id, id)).get(),
    bump: () => tx.update(negotiations).set({ version: sql`${negotiations.version} + 1` }).where(eq(negotiations.id, id)).run(),
    fields: {
      name: { label: 'name' },
      description: { label: 'description' },
      marking: { label: 'handling marking' },
      access: { label: 'access', show: (v) => (v === 'open' ? 'every signed-in user' : 'members only') },
    },
  };
}

/**
 * Edits a negotiation's name, description, marking and who may read it. An analyst who restricts a negotiation
 * stays able to work in it: they become a member, if they were not one, rather than lock themselves out.
 * `version`: the one the edit form was opened on (null: no form, e.g. a script).
 */
export function updateNegotiation(db: DB, user: CurrentUser, id: number, version: number | null, input: NegotiationFields) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      assertWriteIn(tx, user, id, 'The negotiation');
      const accessBefore = tx.select({ access: negotiations.access }).from(negotiations).where(eq(negotiations.id, id)).get()!.access;
      writeVersioned(tx, user, negotiationRecord(tx, id), version, (was) => {
        if (!was) throw new NotFoundError('The negotiation');
        if (nameTaken(tx, input.name, id)) throw TAKEN();
        tx.update(negotiations)
          .set({
            name: input.name,
            description: input.description,
            marking: input.marking ?? was.marking,
            access: input.access ?? was.access,
            version: was.version + 1,
            updatedAt: new Date().toISOString(),
            updatedBy: user.id,
          })
          .where(eq(negotiations.id, id))
          .run();
      });
      const access = input.access ?? accessBefore;
      const member = tx
        .select({ userId: negotiationMembers.userId })
        .from(negotiationMembers)
        .where(and(eq(negotiationMembers.negotiationId, id), eq(negotiationMembers.userId, user.id)))
        .get();
      if (access === 'restricted' && accessBefore === 'open' && user.role !== 'admin' && !member) joinAsAnalyst(tx, user, id);
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
      assertWriteIn(tx, user, input.negotiationId, 'The negotiation');
      assertCanCite(tx, user, 'party', [input.partyId], 'The party');
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
