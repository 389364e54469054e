import { eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, statusChanges } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { refreshLastEvent } from './last-event';
import { writeVersioned, type VersionedRecord } from './versions';
import { assertSourceExists, insertSource } from './sources';
import { assertWriteIn } from './write-access';
import type { NewSource } from '@/lib/validation/sources';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { NotFoundError } from '@/lib/errors';
import type { IssueInput, StatusChangeInput } from '@/lib/validation/issues';
import { label, type IssueStatus } from '@/lib/domain';

const now = () => new Date().toISOString();

export function createIssue(db: DB, user: CurrentUser, input: IssueInput): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      assertWriteIn(tx, user, input.negotiationId, 'The negotiation');
      const nextOrder = tx
        .select({ n: sql<number>`coalesce(max(${issues.sortOrder}), 0) + 1` })
        .from(issues)
        .where(eq(issues.negotiationId, input.negotiationId))
        .get()!.n;
      const row = tx
        .insert(issues)
        .values({ ...input, sortOrder: nextOrder, createdBy: user.id })
        .returning()
        .get();
      tx.insert(statusChanges)
        .values({ issueId: row.id, fromStatus: null, toStatus: input.status, changedOn: now().slice(0, 10), createdBy: user.id })
        .run();
      refreshLastEvent(tx, [row.id]);
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'issue', entityId: row.id, after: row });
      return row.id;
    },
    { behavior: 'immediate' },
  );
}

// Who may write is checked before the version: one who may not see the issue learns nothing of its changes.
const negotiationOfIssue = (tx: Executor, id: number) => tx.select({ negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, id)).get()?.negotiationId;

/** The issue as its forms show it: the edit form's fields and its status (its positions are records of their own). */
function issueRecord(tx: Executor, id: number): VersionedRecord<typeof issues.$inferSelect> {
  return {
    what: 'this issue',
    audit: { entities: ['issue'], entityId: id },
    read: () => tx.select().from(issues).where(eq(issues.id, id)).get(),
    bump: () => tx.update(issues).set({ version: sql`${issues.version} + 1` }).where(eq(issues.id, id)).run(),
    fields: {
      title: { label: 'title' },
      description: { label: 'description' },
      status: { label: 'status', show: (v) => label(String(v)) },
      priority: { label: 'priority', show: (v) => label(String(v)) },
      keyDate: { label: 'key date' },
      keyDateLabel: { label: 'key date label' },
      keywords: { label: 'keywords' },
    },
  };
}

/** Edits an issue's description fields. Its status changes only through `changeIssueStatus`, so each change is dated and sourced. */
export function updateIssue(db: DB, user: CurrentUser, id: number, version: number | null, input: Omit<IssueInput, 'status' | 'negotiationId'>) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      assertWriteIn(tx, user, negotiationOfIssue(tx, id), 'The issue');
      writeVersioned(tx, user, issueRecord(tx, id), version, (before) => {
        if (!before) throw new NotFoundError('The issue');
        tx.update(issues)
          .set({ ...input, version: before.version + 1, updatedAt: now(), updatedBy: user.id })
          .where(eq(issues.id, id))
          .run();
      });
    },
    { behavior: 'immediate' },
  );
}

export type StatusChange = Omit<StatusChangeInput, 'version'> & { version: number | null; updateId?: number | null };

/** Changes an issue's status inside the caller's transaction, keeping the change as history. */
export function applyStatusChange(tx: Executor, user: CurrentUser, input: StatusChange): number {
  assertWriteIn(tx, user, negotiationOfIssue(tx, input.issueId), 'The issue');
  let changeId = 0;
  writeVersioned(tx, user, issueRecord(tx, input.issueId), input.version, (before) => {
    if (!before) throw new NotFoundError('The issue');
    if (input.sourceId) assertSourceExists(tx, user, input.sourceId);
    tx.update(issues)
      .set({ status: input.status as IssueStatus, version: before.version + 1, updatedAt: now(), updatedBy: user.id })
      .where(eq(issues.id, input.issueId))
      .run();
    changeId = tx
      .insert(statusChanges)
      .values({
        issueId: input.issueId,
        fromStatus: before.status,
        toStatus: input.status,
        changedOn: input.changedOn,
        note: input.note,
        roundId: input.roundId,
        sourceId: input.sourceId,
        updateId: input.updateId ?? null,
        createdBy: user.id,
      })
      .returning({ id: statusChanges.id })
      .get().id;
    refreshLastEvent(tx, [input.issueId]);
  });
  return changeId;
}

/** A status change, optionally citing a source entered in the same form; all or nothing. */
export function changeIssueStatus(db: DB, user: CurrentUser, input: StatusChange, newSource?: NewSource | null): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      const issue = tx.select({ negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, input.issueId)).get();
      if (!issue) throw new NotFoundError('The issue');
      assertWriteIn(tx, user, issue.negotiationId, 'The issue');
      const sourceId = newSource ? insertSource(tx, user, newSource, issue.negotiationId) : input.sourceId;
      return applyStatusChange(tx, user, { ...input, sourceId });
    },
    { behavior: 'immediate' },
  );
}
