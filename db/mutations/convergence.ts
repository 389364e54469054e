import { and, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { convergence, issues, rounds } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { assertWriteIn } from './write-access';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import type { ConvergenceInput } from '@/lib/validation/convergence';

/** Records (or replaces) the judgement for one issue at one round, inside the caller's transaction. */
export function applyConvergence(tx: Executor, user: CurrentUser, input: ConvergenceInput): void {
  const issue = tx.select({ negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, input.issueId)).get();
  if (!issue) throw new NotFoundError('The issue');
  assertWriteIn(tx, user, issue.negotiationId, 'The issue');
  const round = tx.select({ negotiationId: rounds.negotiationId }).from(rounds).where(eq(rounds.id, input.roundId)).get();
  if (!round || round.negotiationId !== issue.negotiationId) {
    throw new InvalidInputError('That round is not part of this negotiation.', { roundId: ['Choose a round of this negotiation.'] });
  }
  const where = and(eq(convergence.issueId, input.issueId), eq(convergence.roundId, input.roundId));
  const before = tx.select().from(convergence).where(where).get();
  const values = { distance: input.distance, note: input.note, assessedBy: user.id, assessedAt: new Date().toISOString() };
  const after = before
    ? tx.update(convergence).set(values).where(where).returning().get()
    : tx
        .insert(convergence)
        .values({ issueId: input.issueId, roundId: input.roundId, ...values })
        .returning()
        .get();
  // The table has a composite key: the audit row points at the issue and carries the round in its JSON.
  recordAudit(tx, { userId: user.id, action: before ? 'update' : 'create', entity: 'convergence', entityId: input.issueId, before: before ?? null, after });
}

export function setConvergence(db: DB, user: CurrentUser, input: ConvergenceInput): void {
  assertRole(user, 'analyst');
  db.transaction((tx) => applyConvergence(tx, user, input), { behavior: 'immediate' });
}
