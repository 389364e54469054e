import { asc, eq } from 'drizzle-orm';
import { affiliations, auditLog, corroborationUpdates, homework, issues, positions, rounds, updates } from '@/db/schema';
import type { Executor } from '@/db/types';

export type AuditEntry = {
  userId: number | null;
  action: 'create' | 'update' | 'delete' | 'login' | 'logout' | 'import';
  entity: string;
  entityId?: number | null;
  /** The negotiation the change was made in; derived from the entity when not given (`negotiationOfChange`). */
  negotiationId?: number | null;
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
      negotiationId: entry.negotiationId !== undefined ? entry.negotiationId : negotiationOfChange(tx, entry),
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .run();
}

/**
 * The negotiation a change belongs to, so the activity feed shows it only to those who may see it
 * (docs/decisions/0017). The same mapping filled the column for the rows written before it existed
 * (db/migrations/0006_need_to_know.sql). Null for what belongs to no negotiation (users, tokens, parties).
 */
function negotiationOfChange(tx: Executor, entry: AuditEntry): number | null {
  const id = entry.entityId ?? null;
  if (id === null) return null;
  const one = (row: { negotiationId: number } | undefined) => row?.negotiationId ?? null;
  switch (entry.entity) {
    case 'negotiation':
    case 'negotiation_party':
    case 'negotiation_member':
      return id;
    case 'update':
      return entry.action === 'import' ? id : one(tx.select({ negotiationId: updates.negotiationId }).from(updates).where(eq(updates.id, id)).get());
    case 'issue':
    case 'convergence':
      return one(tx.select({ negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, id)).get());
    case 'position':
      return one(
        tx.select({ negotiationId: issues.negotiationId }).from(positions).innerJoin(issues, eq(issues.id, positions.issueId)).where(eq(positions.id, id)).get(),
      );
    case 'affiliation':
      return one(tx.select({ negotiationId: affiliations.negotiationId }).from(affiliations).where(eq(affiliations.id, id)).get());
    case 'homework':
      return one(tx.select({ negotiationId: homework.negotiationId }).from(homework).where(eq(homework.id, id)).get());
    case 'round':
    case 'round_agenda':
    case 'round_delegations':
      return one(tx.select({ negotiationId: rounds.negotiationId }).from(rounds).where(eq(rounds.id, id)).get());
    case 'outcome': {
      const roundId = (entry.after ?? entry.before) as { roundId?: unknown } | null | undefined;
      return typeof roundId?.roundId === 'number'
        ? one(tx.select({ negotiationId: rounds.negotiationId }).from(rounds).where(eq(rounds.id, roundId.roundId)).get())
        : null;
    }
    case 'corroboration':
      return one(
        tx
          .select({ negotiationId: updates.negotiationId })
          .from(corroborationUpdates)
          .innerJoin(updates, eq(updates.id, corroborationUpdates.updateId))
          .where(eq(corroborationUpdates.corroborationId, id))
          .orderBy(asc(updates.id))
          .limit(1)
          .get(),
      );
    default:
      return null;
  }
}
