import { and, eq, gt } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiationParties, parties, positions } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { refreshLastEvent } from './last-event';
import { appendPosition } from './position-chain';
import { assertVersion, type Stale } from './versions';
import { describeFields, type Field } from '@/lib/stale-edit';
import { assertSourceExists, insertSource } from './sources';
import { assertWriteIn } from './write-access';
import type { NewSource } from '@/lib/validation/sources';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { label } from '@/lib/domain';
import type { PositionInput } from '@/lib/validation/positions';

type Position = typeof positions.$inferSelect;

const POSITION_FIELDS: Record<string, Field> = {
  summary: { label: 'summary' },
  stance: { label: 'stance', show: (v) => label(String(v)) },
  redLines: { label: 'red lines' },
  flexibility: { label: 'flexibility', show: (v) => label(String(v)) },
  asOf: { label: 'as-of date' },
};

/**
 * What the positions of the pair recorded after `basedOn` (null: the form was opened before there was one)
 * changed, and who recorded them.
 */
function positionChangesSince(tx: Executor, pair: { issueId: number; partyId: number }, basedOn: number | null, current: Position | undefined): Stale {
  const party = tx.select({ name: parties.name }).from(parties).where(eq(parties.id, pair.partyId)).get()?.name ?? 'this party';
  const what = `the position of ${party}`;
  if (!current) return { what, by: [], changes: [`there is no position of ${party} on this issue`] };
  const seen = basedOn ? tx.select().from(positions).where(eq(positions.id, basedOn)).get() : undefined;
  const later = tx
    .select({ createdBy: positions.createdBy })
    .from(positions)
    .where(and(eq(positions.issueId, pair.issueId), eq(positions.partyId, pair.partyId), gt(positions.id, basedOn ?? 0)))
    .all();
  const moved = new Set(Object.keys(POSITION_FIELDS).filter((k) => !seen || seen[k as keyof Position] !== current[k as keyof Position]));
  return {
    what,
    added: basedOn === null ? `recorded a position of ${party}` : undefined,
    by: [...new Set(later.map((p) => p.createdBy).filter((id): id is number => id !== null))],
    changes: describeFields(POSITION_FIELDS, current, moved.size ? moved : new Set(Object.keys(POSITION_FIELDS))),
  };
}

export type NewPosition = Omit<PositionInput, 'basedOn'> & { basedOn: number | null; updateId?: number | null };

/**
 * Records a party's new position on an issue inside the caller's transaction.
 * The previous current position is kept as history; `basedOn` must still be the
 * current one, so two analysts editing at once cannot overwrite each other.
 */
export function applyPosition(tx: Executor, user: CurrentUser, input: NewPosition): number {
  const issue = tx.select({ id: issues.id, negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, input.issueId)).get();
  if (!issue) throw new NotFoundError('The issue');
  assertWriteIn(tx, user, issue.negotiationId, 'The issue');
  const seated = tx
    .select({ partyId: negotiationParties.partyId })
    .from(negotiationParties)
    .where(and(eq(negotiationParties.negotiationId, issue.negotiationId), eq(negotiationParties.partyId, input.partyId)))
    .get();
  if (!seated) throw new InvalidInputError('That party is not at the table in this negotiation.', { partyId: ['Choose a party of this negotiation.'] });
  if (input.sourceId) assertSourceExists(tx, user, input.sourceId);

  const current = tx
    .select()
    .from(positions)
    .where(and(eq(positions.issueId, input.issueId), eq(positions.partyId, input.partyId), eq(positions.isCurrent, true)))
    .get();
  // A position's version is the id of the current one: each change appends a new one (position-chain.ts).
  assertVersion(tx, user, input.basedOn ?? 0, current?.id ?? 0, () => positionChangesSince(tx, input, input.basedOn, current));
  const { id } = appendPosition(tx, {
    issueId: input.issueId,
    partyId: input.partyId,
    summary: input.summary,
    stance: input.stance,
    redLines: input.redLines,
    flexibility: input.flexibility,
    asOf: input.asOf,
    sourceId: input.sourceId,
    roundId: input.roundId,
    updateId: input.updateId ?? null,
    createdBy: user.id,
  });
  const created = tx.select().from(positions).where(eq(positions.id, id)).get()!;
  refreshLastEvent(tx, [input.issueId]);
  recordAudit(tx, { userId: user.id, action: 'create', entity: 'position', entityId: created.id, before: current ?? null, after: created });
  return created.id;
}

/** A new position, optionally citing a source entered in the same form; all or nothing. */
export function recordPosition(db: DB, user: CurrentUser, input: NewPosition, newSource?: NewSource | null): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      const issue = tx.select({ negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, input.issueId)).get();
      if (!issue) throw new NotFoundError('The issue');
      // Checked before the new source is written, so a refused write leaves nothing behind (it rolls back anyway).
      assertWriteIn(tx, user, issue.negotiationId, 'The issue');
      const sourceId = newSource ? insertSource(tx, user, newSource, issue.negotiationId) : input.sourceId;
      return applyPosition(tx, user, { ...input, sourceId });
    },
    { behavior: 'immediate' },
  );
}
