import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, statusChanges } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { assertSourceExists, insertSource } from './sources';
import { assertWriteIn } from './write-access';
import type { NewSource } from '@/lib/validation/sources';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { ConflictError, NotFoundError } from '@/lib/errors';
import type { IssueInput, StatusChangeInput } from '@/lib/validation/issues';
import type { IssueStatus } from '@/lib/domain';

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
        .values({ ...input, sortOrder: nextOrder, createdBy: user.id, lastActivityAt: now() })
        .returning()
        .get();
      tx.insert(statusChanges)
        .values({ issueId: row.id, fromStatus: null, toStatus: input.status, changedOn: now().slice(0, 10), createdBy: user.id })
        .run();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'issue', entityId: row.id, after: row });
      return row.id;
    },
    { behavior: 'immediate' },
  );
}

/** Edits an issue's description fields. Its status changes only through `changeIssueStatus`, so each change is dated and sourced. */
export function updateIssue(db: DB, user: CurrentUser, id: number, version: number, input: Omit<IssueInput, 'status' | 'negotiationId'>) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      const before = tx.select().from(issues).where(eq(issues.id, id)).get();
      if (!before) throw new NotFoundError('The issue');
      assertWriteIn(tx, user, before.negotiationId, 'The issue');
      const changed = tx
        .update(issues)
        .set({ ...input, version: before.version + 1, updatedAt: now(), updatedBy: user.id })
        .where(and(eq(issues.id, id), eq(issues.version, version)))
        .returning()
        .get();
      if (!changed) throw new ConflictError('Another analyst edited this issue since you opened the form. Reload to see their change.');
      recordAudit(tx, { userId: user.id, action: 'update', entity: 'issue', entityId: id, before, after: changed });
    },
    { behavior: 'immediate' },
  );
}

export type StatusChange = Omit<StatusChangeInput, 'version'> & { version: number | null; updateId?: number | null };

/** Changes an issue's status inside the caller's transaction, keeping the change as history. */
export function applyStatusChange(tx: Executor, user: CurrentUser, input: StatusChange): number {
  const before = tx.select().from(issues).where(eq(issues.id, input.issueId)).get();
  if (!before) throw new NotFoundError('The issue');
  assertWriteIn(tx, user, before.negotiationId, 'The issue');
  if (input.version !== null && before.version !== input.version) {
    throw new ConflictError('Another analyst changed this issue since you opened the form. Review its status and submit again.');
  }
  if (input.sourceId) assertSourceExists(tx, user, input.sourceId);
  tx.update(issues)
    .set({ status: input.status as IssueStatus, version: before.version + 1, updatedAt: now(), updatedBy: user.id, lastActivityAt: now() })
    .where(eq(issues.id, input.issueId))
    .run();
  const change = tx
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
    .get();
  recordAudit(tx, {
    userId: user.id,
    action: 'update',
    entity: 'issue',
    entityId: input.issueId,
    before: { status: before.status },
    after: { status: input.status },
  });
  return change.id;
}

/** A status change, optionally citing a source entered in the same form; all or nothing. */
export function changeIssueStatus(db: DB, user: CurrentUser, input: StatusChange, newSource?: NewSource | null): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      const issue = tx.select({ negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, input.issueId)).get();
      if (!issue) throw new NotFoundError('The issue');
      assertWriteIn(tx, user, issue.negotiationId, 'The issue');
      const sourceId = newSource ? insertSource(tx, user.id, newSource, issue.negotiationId) : input.sourceId;
      return applyStatusChange(tx, user, { ...input, sourceId });
    },
    { behavior: 'immediate' },
  );
}
