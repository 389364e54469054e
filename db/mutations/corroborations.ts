import { and, eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { corroborations, corroborationUpdates, updates } from '@/db/schema';
import type { Executor } from '@/db/types';
import { roleInNegotiation } from '@/db/queries/access';
import { recordAudit } from './audit';
import { assertWriteIn } from './write-access';
import { writeVersioned, type VersionedRecord } from './versions';
import { assertRole, ForbiddenError, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import type { GroupPairInput, MarkInput, MemberInput, NewCorroborationInput } from '@/lib/validation/corroborations';

/** The updates a write groups must exist, in negotiations the writer may write in; one they cannot see reads as missing. */
function assertUpdatesExist(tx: Executor, user: CurrentUser, ids: number[], field: string) {
  const found = tx.select({ id: updates.id, negotiationId: updates.negotiationId }).from(updates).where(inArray(updates.id, ids)).all();
  const missing = () => new InvalidInputError('An update was not found; it may have been deleted.', { [field]: ['Give numbers of existing updates.'] });
  if (found.length !== new Set(ids).size) throw missing();
  for (const negotiationId of new Set(found.map((u) => u.negotiationId))) {
    if (roleInNegotiation(tx, user, negotiationId) === null) throw missing();
    assertWriteIn(tx, user, negotiationId, 'The update');
  }
}

/**
 * A group is seen through its updates (db/queries/corroborations.ts): one with none the writer sees is not found.
 * Changing it needs the right to write in every negotiation it draws on: its verdict is about all its updates.
 */
function assertGroupWritable(tx: Executor, user: CurrentUser, corroborationId: number) {
  const negotiationIds = [
    ...new Set(
      tx
        .select({ negotiationId: updates.negotiationId })
        .from(corroborationUpdates)
        .innerJoin(updates, eq(updates.id, corroborationUpdates.updateId))
        .where(eq(corroborationUpdates.corroborationId, corroborationId))
        .all()
        .map((u) => u.negotiationId),
    ),
  ];
  const roles = negotiationIds.map((n) => roleInNegotiation(tx, user, n));
  if (roles.length === 0 ? user.role !== 'admin' : roles.every((r) => r === null)) throw new NotFoundError('The group');
  if (roles.some((r) => r === null)) throw new ForbiddenError('analyst', 'This group also holds updates of a negotiation you cannot see: ask an admin to change it.');
  for (const n of negotiationIds) assertWriteIn(tx, user, n, 'The group');
}

function members(tx: Executor, corroborationId: number): number[] {
  return tx
    .select({ updateId: corroborationUpdates.updateId })
    .from(corroborationUpdates)
    .where(eq(corroborationUpdates.corroborationId, corroborationId))
    .all()
    .map((m) => m.updateId);
}

/** A group as its page shows it: its label, verdict and note, and the updates in it. */
function groupRecord(tx: Executor, id: number): VersionedRecord<typeof corroborations.$inferSelect & { updateIds: number[] }> {
  return {
    what: 'this group',
    audit: { entities: ['corroboration'], entityId: id },
    read: () => {
      const row = tx.select().from(corroborations).where(eq(corroborations.id, id)).get();
      return row && { ...row, updateIds: members(tx, id) };
    },
    bump: () => tx.update(corroborations).set({ version: sql`${corroborations.version} + 1` }).where(eq(corroborations.id, id)).run(),
    fields: {
      label: { label: 'label' },
      consistent: { label: 'verdict', show: (v) => (v === true ? 'consistent' : v === false ? 'inconsistent' : 'not judged yet') },
      note: { label: 'note' },
      updateIds: { label: 'updates in it', show: (v) => (v as number[]).map(String), phrase: (ids) => `the group now holds updates ${(ids as string[]).join(', ')}` },
    },
  };
}

/** Writes a change to a group, which must exist; membership is part of it, so a verdict given on fewer reports is refused. */
function writeGroup(tx: Executor, user: CurrentUser, id: number, version: number | null, write: (before: { updateIds: number[] }) => void) {
  // Who may write is checked before the version: one who may not see the group learns nothing of its changes.
  if (!tx.select({ id: corroborations.id }).from(corroborations).where(eq(corroborations.id, id)).get()) throw new NotFoundError('The group');
  assertGroupWritable(tx, user, id);
  writeVersioned(tx, user, groupRecord(tx, id), version, (before) => {
    if (!before) throw new NotFoundError('The group');
    write(before);
  });
}

/** A new group of updates that report the same event. */
export function applyNewCorroboration(tx: Executor, user: CurrentUser, input: NewCorroborationInput): number {
  assertUpdatesExist(tx, user, input.updateIds, 'updateIds');
  const row = tx.insert(corroborations).values({ label: input.label, note: input.note, consistent: null, createdBy: user.id }).returning().get();
  for (const updateId of input.updateIds) tx.insert(corroborationUpdates).values({ corroborationId: row.id, updateId }).run();
  recordAudit(tx, { userId: user.id, action: 'create', entity: 'corroboration', entityId: row.id, after: { ...row, updateIds: input.updateIds } });
  return row.id;
}

/** Adds one update: a change to the set, not a save of it, so it needs no version; the group's moves on. */
export function applyAddMember(tx: Executor, user: CurrentUser, input: MemberInput): void {
  writeGroup(tx, user, input.corroborationId, null, ({ updateIds }) => {
    assertUpdatesExist(tx, user, [input.updateId], 'updateId');
    if (updateIds.includes(input.updateId)) throw new InvalidInputError('That update is already in this group.', { updateId: ['Already in this group.'] });
    tx.insert(corroborationUpdates).values({ corroborationId: input.corroborationId, updateId: input.updateId }).run();
  });
}

export function applyRemoveMember(tx: Executor, user: CurrentUser, input: MemberInput): void {
  writeGroup(tx, user, input.corroborationId, null, ({ updateIds }) => {
    if (!updateIds.includes(input.updateId)) throw new NotFoundError('That update in this group');
    tx.delete(corroborationUpdates)
      .where(and(eq(corroborationUpdates.corroborationId, input.corroborationId), eq(corroborationUpdates.updateId, input.updateId)))
      .run();
  });
}

/**
 * The analyst's verdict: consistent (314 in all = 157 per side), inconsistent, or not judged yet.
 * `input.version`: the group's when the form was opened (null: no form).
 */
export function applyMark(tx: Executor, user: CurrentUser, input: Omit<MarkInput, 'version'> & { version: number | null }): void {
  const consistent = input.mark === 'consistent' ? true : input.mark === 'inconsistent' ? false : null;
  writeGroup(tx, user, input.corroborationId, input.version, () => {
    tx.update(corroborations).set({ consistent, note: input.note }).where(eq(corroborations.id, input.corroborationId)).run();
  });
}

/** "Group these": joins the group one of the two is already in, or starts a new group. Returns the group. */
export function applyGroupPair(tx: Executor, user: CurrentUser, input: GroupPairInput): number {
  if (input.updateA === input.updateB) throw new InvalidInputError('Choose two different updates.');
  assertUpdatesExist(tx, user, [input.updateA, input.updateB], 'updateB');
  const existing = tx
    .select({ corroborationId: corroborationUpdates.corroborationId, updateId: corroborationUpdates.updateId })
    .from(corroborationUpdates)
    .where(inArray(corroborationUpdates.updateId, [input.updateA, input.updateB]))
    .all();
  const ofA = existing.find((e) => e.updateId === input.updateA)?.corroborationId;
  const ofB = existing.find((e) => e.updateId === input.updateB)?.corroborationId;
  if (ofA && ofB) {
    if (ofA === ofB) return ofA;
    throw new InvalidInputError('Both updates are already in different groups.');
  }
  if (ofA || ofB) {
    const corroborationId = (ofA ?? ofB)!;
    applyAddMember(tx, user, { corroborationId, updateId: ofA ? input.updateB : input.updateA });
    return corroborationId;
  }
  return applyNewCorroboration(tx, user, { label: input.label, note: '', updateIds: [input.updateA, input.updateB] });
}

const write =
  <I, R>(apply: (tx: Executor, user: CurrentUser, input: I) => R) =>
  (db: DB, user: CurrentUser, input: I): R => {
    assertRole(user, 'analyst');
    return db.transaction((tx) => apply(tx, user, input), { behavior: 'immediate' });
  };

export const createCorroboration = write(applyNewCorroboration);
export const addToCorroboration = write(applyAddMember);
export const removeFromCorroboration = write(applyRemoveMember);
export const markCorroboration = write(applyMark);
export const groupPair = write(applyGroupPair);
