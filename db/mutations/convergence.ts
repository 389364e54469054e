import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { convergence, issues, rounds } from '@/db/schema';
import type { Executor } from '@/db/types';
import { assertWriteIn } from './write-access';
import { writeVersioned, type VersionedRecord } from './versions';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { DISTANCE_LABELS } from '@/lib/convergence';
import type { ConvergenceInput } from '@/lib/validation/convergence';

/** One analyst's judgement of an issue at one round (the table's key is the pair). */
function judgementRecord(tx: Executor, issueId: number, roundId: number, roundName: string): VersionedRecord<typeof convergence.$inferSelect> {
  const key = and(eq(convergence.issueId, issueId), eq(convergence.roundId, roundId));
  return {
    what: `the judgement for ${roundName}`,
    added: `recorded a judgement for ${roundName}`,
    // The audit row points at the issue and carries the round in its JSON.
    audit: { entities: ['convergence'], entityId: issueId, key: { roundId } },
    read: () => tx.select().from(convergence).where(key).get(),
    bump: () => tx.update(convergence).set({ version: sql`${convergence.version} + 1` }).where(key).run(),
    fields: {
      distance: { label: 'distance', show: (v) => DISTANCE_LABELS[v as keyof typeof DISTANCE_LABELS] ?? String(v) },
      note: { label: 'note' },
    },
  };
}

/**
 * Records (or replaces) the judgement for one issue at one round, inside the caller's transaction.
 * `input.version`: the judgement's version when the form was opened, 0 when there was none (null: no form).
 */
export function applyConvergence(tx: Executor, user: CurrentUser, input: Omit<ConvergenceInput, 'version'> & { version: number | null }): void {
  const issue = tx.select({ negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, input.issueId)).get();
  if (!issue) throw new NotFoundError('The issue');
  assertWriteIn(tx, user, issue.negotiationId, 'The issue');
  const round = tx.select({ negotiationId: rounds.negotiationId, name: rounds.name }).from(rounds).where(eq(rounds.id, input.roundId)).get();
  if (!round || round.negotiationId !== issue.negotiationId) {
    throw new InvalidInputError('That round is not part of this negotiation.', { roundId: ['Choose a round of this negotiation.'] });
  }
  const key = and(eq(convergence.issueId, input.issueId), eq(convergence.roundId, input.roundId));
  writeVersioned(tx, user, judgementRecord(tx, input.issueId, input.roundId, round.name), input.version, (before) => {
    const values = { distance: input.distance, note: input.note, assessedBy: user.id, assessedAt: new Date().toISOString() };
    if (before) tx.update(convergence).set({ ...values, version: before.version + 1 }).where(key).run();
    else tx.insert(convergence).values({ issueId: input.issueId, roundId: input.roundId, ...values }).run();
  });
}

export function setConvergence(db: DB, user: CurrentUser, input: Omit<ConvergenceInput, 'version'> & { version: number | null }): void {
  assertRole(user, 'analyst');
  db.transaction((tx) => applyConvergence(tx, user, input), { behavior: 'immediate' });
}
