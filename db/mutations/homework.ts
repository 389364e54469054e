import { eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { homework, homeworkOwners, homeworkRevisions, issues, negotiationParties, parties, rounds } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { assertWriteIn } from './write-access';
import { writeVersioned, type VersionedRecord } from './versions';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { label } from '@/lib/domain';
import { storedColumns, storedDate } from '@/lib/partial-date';
import type { HomeworkInput, HomeworkStatusInput } from '@/lib/validation/homework';

const now = () => new Date().toISOString();

/** Checks what only the database can: owners seated, issue and rounds of this negotiation, due round not before the assigning one. */
function assertConsistent(tx: Executor, input: HomeworkInput) {
  const seated = new Set(
    tx
      .select({ partyId: negotiationParties.partyId })
      .from(negotiationParties)
      .where(eq(negotiationParties.negotiationId, input.negotiationId))
      .all()
      .map((r) => r.partyId),
  );
  if (input.ownerPartyIds.some((p) => !seated.has(p))) {
    throw new InvalidInputError('An owner is not a party of this negotiation.', { ownerPartyIds: ['Choose parties of this negotiation.'] });
  }
  if (input.issueId) {
    const issue = tx.select({ negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, input.issueId)).get();
    if (!issue) throw new NotFoundError('The issue');
    if (issue.negotiationId !== input.negotiationId) {
      throw new InvalidInputError('That issue is not part of this negotiation.', { issueId: ['Choose an issue of this negotiation.'] });
    }
  }
  const roundIds = [input.assignedRoundId, input.dueRoundId].filter((r): r is number => !!r);
  const found = roundIds.length ? tx.select().from(rounds).where(inArray(rounds.id, roundIds)).all() : [];
  const byId = new Map(found.map((r) => [r.id, r]));
  for (const [field, rid] of [['assignedRoundId', input.assignedRoundId], ['dueRoundId', input.dueRoundId]] as const) {
    if (rid && byId.get(rid)?.negotiationId !== input.negotiationId) {
      throw new InvalidInputError('That round is not part of this negotiation.', { [field]: ['Choose a round of this negotiation.'] });
    }
  }
  const assigned = input.assignedRoundId ? byId.get(input.assignedRoundId) : undefined;
  const due = input.dueRoundId ? byId.get(input.dueRoundId) : undefined;
  if (assigned && due && due.sequence < assigned.sequence) {
    throw new InvalidInputError('The due round comes before the round that assigned the homework.', {
      dueRoundId: ['Choose a round at or after the assigning round.'],
    });
  }
  const assignedDate = assigned?.endsOn ?? assigned?.startsOn;
  // "May 2025" may be due after a round of 10 May: the window's last day is what must not come before it.
  const dueUntil = storedDue(input).dueOnUntil;
  if (assignedDate && dueUntil && dueUntil < assignedDate) {
    throw new InvalidInputError('The due date comes before the round that assigned the homework.', { dueOn: ['Choose a date after the assigning round.'] });
  }
}

/** The due date's columns: its day, precision and label, and the last day of its window, the day after which it is overdue. */
function storedDue(input: HomeworkInput) {
  const due = storedColumns(storedDate(input.dueOn, input.dueOnPrecision, input.dueOnLabel));
  return { dueOn: due.date, dueOnPrecision: due.precision, dueOnLabel: due.label, dueOnUntil: due.until };
}

function setOwners(tx: Executor, homeworkId: number, partyIds: number[]) {
  tx.delete(homeworkOwners).where(eq(homeworkOwners.homeworkId, homeworkId)).run();
  for (const partyId of new Set(partyIds)) tx.insert(homeworkOwners).values({ homeworkId, partyId }).run();
}

/** The item as its forms show it: its fields, its owners and its status. */
type HomeworkSnapshot = typeof homework.$inferSelect & { ownerPartyIds: number[] };

function homeworkRecord(tx: Executor, id: number): VersionedRecord<HomeworkSnapshot> {
  const partyNames = (ids: unknown) => {
    const list = (ids as number[]) ?? [];
    const rows = list.length ? tx.select({ id: parties.id, name: parties.name }).from(parties).where(inArray(parties.id, list)).all() : [];
    return list.map((p) => rows.find((r) => r.id === p)?.name ?? String(p));
  };
  const roundName = (rid: unknown) => (typeof rid === 'number' ? (tx.select({ name: rounds.name }).from(rounds).where(eq(rounds.id, rid)).get()?.name ?? null) : null);
  const issueTitle = (iid: unknown) => (typeof iid === 'number' ? (tx.select({ title: issues.title }).from(issues).where(eq(issues.id, iid)).get()?.title ?? null) : null);
  return {
    what: 'this homework item',
    audit: { entities: ['homework'], entityId: id },
    read: () => {
      const row = tx.select().from(homework).where(eq(homework.id, id)).get();
      if (!row) return undefined;
      const owners = tx.select({ partyId: homeworkOwners.partyId }).from(homeworkOwners).where(eq(homeworkOwners.homeworkId, id)).all();
      return { ...row, ownerPartyIds: owners.map((o) => o.partyId) };
    },
    bump: () => tx.update(homework).set({ version: sql`${homework.version} + 1` }).where(eq(homework.id, id)).run(),
    fields: {
      title: { label: 'title' },
      description: { label: 'description' },
      issueId: { label: 'issue', show: issueTitle },
      ownerPartyIds: { label: 'owners', show: partyNames },
      assignedRoundId: { label: 'round that assigned it', show: roundName },
      dueRoundId: { label: 'round it is due at', show: roundName },
      dueOn: { label: 'due date' },
      dueOnPrecision: { label: 'precision of the due date' },
      dueOnLabel: { label: 'approximate due date' },
      status: { label: 'status', show: (v) => label(String(v)) },
      resolution: { label: 'resolution' },
      vague: { label: 'vagueness', show: (v) => (v ? 'vague' : 'specific'), phrase: (v) => (v === 'vague' ? 'it is now marked vague' : 'it is no longer marked vague') },
    },
  };
}

// Who may write is checked before the version: one who may not see the item learns nothing of its changes.
const negotiationOfHomework = (tx: Executor, id: number) => tx.select({ negotiationId: homework.negotiationId }).from(homework).where(eq(homework.id, id)).get()?.negotiationId;

/** The item as it stands, kept as a revision before a change. */
function keepRevision(tx: Executor, user: CurrentUser, before: HomeworkSnapshot, updateId: number | null) {
  tx.insert(homeworkRevisions).values({ homeworkId: before.id, snapshot: JSON.stringify(before), updateId, changedBy: user.id }).run();
}

/** Adds a homework item inside the caller's transaction. */
export function applyNewHomework(tx: Executor, user: CurrentUser, input: HomeworkInput, updateId: number | null = null): number {
  assertWriteIn(tx, user, input.negotiationId, 'The negotiation');
  assertConsistent(tx, input);
  const { ownerPartyIds, ...fields } = input;
  const row = tx
    .insert(homework)
    .values({ ...fields, ...storedDue(input), createdBy: user.id })
    .returning()
    .get();
  setOwners(tx, row.id, ownerPartyIds);
  recordAudit(tx, { userId: user.id, action: 'create', entity: 'homework', entityId: row.id, after: { ...row, ownerPartyIds, updateId } });
  return row.id;
}

/**
 * Refines an item (vague to specific, new owners, new due round); the earlier version is kept.
 * `version`: the one the form was opened on (null: no form).
 */
export function applyHomeworkEdit(tx: Executor, user: CurrentUser, id: number, version: number | null, input: HomeworkInput, updateId: number | null = null) {
  assertWriteIn(tx, user, negotiationOfHomework(tx, id), 'The homework item');
  writeVersioned(tx, user, homeworkRecord(tx, id), version, (before) => {
    if (!before) throw new NotFoundError('The homework item');
    if (before.negotiationId !== input.negotiationId) throw new InvalidInputError('Homework cannot move to another negotiation.');
    assertConsistent(tx, input);
    const { ownerPartyIds, ...fields } = input;
    keepRevision(tx, user, before, updateId);
    tx.update(homework)
      .set({ ...fields, ...storedDue(input), version: before.version + 1, updatedAt: now(), updatedBy: user.id })
      .where(eq(homework.id, id))
      .run();
    setOwners(tx, id, ownerPartyIds);
  });
}

export type HomeworkStatusChange = Omit<HomeworkStatusInput, 'version'> & { version: number | null };

/** Changes only the status (delivered, dropped…) and its resolution note; the earlier version is kept. */
export function applyHomeworkStatus(tx: Executor, user: CurrentUser, input: HomeworkStatusChange, updateId: number | null = null) {
  assertWriteIn(tx, user, negotiationOfHomework(tx, input.homeworkId), 'The homework item');
  writeVersioned(tx, user, homeworkRecord(tx, input.homeworkId), input.version, (before) => {
    if (!before) throw new NotFoundError('The homework item');
    keepRevision(tx, user, before, updateId);
    tx.update(homework)
      .set({
        status: input.status,
        resolution: input.resolution || before.resolution,
        version: before.version + 1,
        updatedAt: now(),
        updatedBy: user.id,
      })
      .where(eq(homework.id, input.homeworkId))
      .run();
  });
}

export function createHomework(db: DB, user: CurrentUser, input: HomeworkInput): number {
  assertRole(user, 'analyst');
  return db.transaction((tx) => applyNewHomework(tx, user, input), { behavior: 'immediate' });
}

export function editHomework(db: DB, user: CurrentUser, id: number, version: number | null, input: HomeworkInput) {
  assertRole(user, 'analyst');
  db.transaction((tx) => applyHomeworkEdit(tx, user, id, version, input), { behavior: 'immediate' });
}

export function changeHomeworkStatus(db: DB, user: CurrentUser, input: HomeworkStatusChange) {
  assertRole(user, 'analyst');
  db.transaction((tx) => applyHomeworkStatus(tx, user, input), { behavior: 'immediate' });
}
