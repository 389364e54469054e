import { auditLog } from '@/db/schema';
import type { Executor } from '@/db/types';

export type AuditEntry = {
  userId: number | null;
  action: 'create' | 'update' | 'delete' | 'login' | 'logout' | 'import';
  entity: string;
  entityId?: number | null;
  before?: unknown;
  after?: unknown;
};

/** Called inside the transaction of the write it records, so the two land or fail together. */
export function recordAudit(tx: Executor, entry: AuditEntry): void {
  tx.insert(auditLog)
    .values({
      userId: entry.userId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}
