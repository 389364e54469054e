import { and, eq, gt, inArray, lt, sql, asc, desc } from 'drizzle-orm';
import type { DB } from '@/db';
import { homework, issues, negotiationParties, outcomes, parties, roundAgenda, roundDelegations, rounds, citedSources } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { assertSourceExists, insertSource } from './sources';
import { assertWriteIn } from './write-access';
import { writeVersioned, type VersionedRecord } from './versions';
import { quote } from '@/lib/stale-edit';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import { label } from '@/lib/domain';
import { storedColumns, storedDate } from '@/lib/partial-date';
import type { NewSource } from '@/lib/validation/sources';
import type { AgendaInput, DelegationsInput, MoveRoundInput, OutcomeInput, RoundInput } from '@/lib/validation/rounds';

const now = () => new Date().toISOString();

/**
 * The facts to store: a cancellation is kept only on a cancelled round, citing a source the writer sees or the new
 * one typed with it (written here, in the caller's transaction).
 */
function storedFacts(tx: Executor, user: CurrentUser, given: RoundInput, newSource: NewSource | null | undefined): Required<RoundInput> & { startsOnUntil: string | null } {
  const start = storedColumns(storedDate(given.startsOn, given.startsOnPrecision, given.startsOnLabel));
  const input = { ...given, startsOn: start.date, startsOnPrecision: start.precision, startsOnLabel: start.label, startsOnUntil: start.until };
  if (input.status !== 'cancelled') return { ...input, cancelledOn: null, cancellationReason: '', cancellationSourceId: null };
  if (input.cancellationSourceId) assertSourceExists(tx, user, input.cancellationSourceId);
  return {
    ...input,
    cancelledOn: input.cancelledOn ?? null,
    cancellationReason: input.cancellationReason ?? '',
    cancellationSourceId: newSource ? insertSource(tx, user, newSource, input.negotiationId) : (input.cancellationSourceId ?? null),
  };
}

/** The zod schema checks this for forms; the mutation checks again so no caller can store a backwards round. */
function assertDates(input: Pick<RoundInput, 'startsOn' | 'endsOn' | 'status'>) {
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn) {
    throw new InvalidInputError('The round would end before it starts.', { endsOn: ['The end date comes before the start date.'] });
  }
  if (input.endsOn && !input.startsOn) {
    throw new InvalidInputError('A round with an end date needs a start date.', { startsOn: ['Give a start date as well as an end date.'] });
  }
  if (input.status === 'held' && !input.startsOn) {
    throw new InvalidInputError('A held round needs a start date.', { startsOn: ['A held round needs a start date.'] });
  }
}

/** The round a write changes, once the writer's role in its negotiation is checked. */
function getRoundRow(tx: Executor, user: CurrentUser, roundId: number) {
  const round = tx.select().from(rounds).where(eq(rounds.id, roundId)).get();
  if (!round) throw new NotFoundError('The round');
  assertWriteIn(tx, user, round.negotiationId, 'The round');
  return round;
}

/** A new round, placed after the negotiation's last one. */
export function createRound(db: DB, user: CurrentUser, input: RoundInput, newSource?: NewSource | null): number {
  assertRole(user, 'analyst');
  assertDates(input);
  return db.transaction(
    (tx) => {
      assertWriteIn(tx, user, input.negotiationId, 'The negotiation');
      const sequence = tx
        .select({ n: sql<number>`coalesce(max(${rounds.sequence}), 0) + 1` })
        .from(rounds)
        .where(eq(rounds.negotiationId, input.negotiationId))
        .get()!.n;
      const row = tx
        .insert(rounds)
        .values({ ...storedFacts(tx, user, input, newSource), sequence, createdBy: user.id })
        .returning()
        .get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'round', entityId: row.id, after: row });
      return row.id;
    },
    { behavior: 'immediate' },
  );
}

/**
 * The round as its edit page's forms show it: its facts, its place in the order, its delegation heads, its agenda,
 * and the source of its cancellation as the analyst picked it (its outlet and title).
 */
type RoundSnapshot = typeof rounds.$inferSelect & { heads: string[]; agenda: string[]; cancellationSource: string | null };

function roundRecord(tx: Executor, roundId: number): VersionedRecord<RoundSnapshot> {
  return {
    what: 'this round',
    audit: { entities: ['round', 'round_agenda', 'round_delegations'], entityId: roundId },
    read: () => {
      const round = tx.select().from(rounds).where(eq(rounds.id, roundId)).get();
      if (!round) return undefined;
      const heads = tx
        .select({ party: parties.name, head: roundDelegations.head })
        .from(roundDelegations)
        .innerJoin(parties, eq(parties.id, roundDelegations.partyId))
        .where(eq(roundDelegations.roundId, roundId))
        .orderBy(asc(parties.name))
        .all()
        .map((h) => `${h.party}: ${h.head}`);
      const agenda = tx
        .select({ title: issues.title })
        .from(roundAgenda)
        .innerJoin(issues, eq(issues.id, roundAgenda.issueId))
        .where(eq(roundAgenda.roundId, roundId))
        .orderBy(asc(issues.sortOrder), asc(issues.id))
        .all()
        .map((i) => i.title);
      const source = round.cancellationSourceId
        ? tx.select({ outlet: citedSources.outlet, title: citedSources.title }).from(citedSources).where(eq(citedSources.id, round.cancellationSourceId)).get()
        : undefined;
      const cancellationSource = source ? [source.outlet, source.title].filter(Boolean).join(', ') : null;
      return { ...round, heads, agenda, cancellationSource };
    },
    bump: () => tx.update(rounds).set({ version: sql`${rounds.version} + 1` }).where(eq(rounds.id, roundId)).run(),
    fields: {
      name: { label: 'name' },
      venue: { label: 'venue' },
      startsOn: { label: 'start date' },
      startsOnPrecision: { label: 'precision of the start date' },
      startsOnLabel: { label: 'approximate start' },
      endsOn: { label: 'end date' },
      approxDate: { label: 'approximate date' },
      format: { label: 'format', show: (v) => label(String(v)) },
      status: { label: 'status', show: (v) => label(String(v)) },
      summary: { label: 'summary' },
      cancelledOn: { label: 'date of cancellation' },
      cancellationReason: { label: 'reason for cancellation' },
      cancellationSource: { label: 'source of the cancellation' },
      sequence: { label: 'place in the order', phrase: () => 'it moved in the order of rounds' },
      heads: { label: 'delegation heads', phrase: (heads) => (heads?.length ? `the heads of delegation are now ${(heads as string[]).map(quote).join(', ')}` : 'no head of delegation is recorded any more') },
      agenda: { label: 'agenda' },
    },
  };
}

/** Edits a round's facts; `version` must be the one the analyst saw, so a concurrent edit is not overwritten. */
export function editRound(db: DB, user: CurrentUser, roundId: number, version: number | null, input: RoundInput, newSource?: NewSource | null) {
  assertRole(user, 'analyst');
  assertDates(input);
  db.transaction(
    (tx) => {
      // Who may write is checked before the version: one who may not see the round learns nothing of its changes.
      getRoundRow(tx, user, roundId);
      writeVersioned(tx, user, roundRecord(tx, roundId), version, (before) => {
        if (!before) throw new NotFoundError('The round');
        if (before.negotiationId !== input.negotiationId) throw new InvalidInputError('A round cannot move to another negotiation.');
        tx.update(rounds)
          .set({ ...storedFacts(tx, user, input, newSource), version: before.version + 1, updatedAt: now(), updatedBy: user.id })
          .where(eq(rounds.id, roundId))
          .run();
      });
    },
    { behavior: 'immediate' },
  );
}

/** A write of a part of the round kept in a table of its own (delegations, agenda): checked and moved under the round's version. */
function writeRoundPart(tx: Executor, user: CurrentUser, roundId: number, version: number | null, entity: 'round_delegations' | 'round_agenda', write: () => void) {
  writeVersioned(tx, user, roundRecord(tx, roundId), version, write, { entity });
}

/** Replaces the heads of delegation: one per party, parties of this negotiation only. Part of the round: its version moves. */
export function setDelegations(db: DB, user: CurrentUser, input: Omit<DelegationsInput, 'version'> & { version: number | null }) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      const round = getRoundRow(tx, user, input.roundId);
      writeRoundPart(tx, user, round.id, input.version, 'round_delegations', () => {
        const seated = new Set(
          tx
            .select({ partyId: negotiationParties.partyId })
            .from(negotiationParties)
            .where(eq(negotiationParties.negotiationId, round.negotiationId))
            .all()
            .map((r) => r.partyId),
        );
        const stranger = input.heads.find((h) => !seated.has(h.partyId));
        if (stranger) throw new InvalidInputError('A party is not at the table in this negotiation.', { [`head.${stranger.partyId}`]: ['Not a party of this negotiation.'] });
        tx.delete(roundDelegations).where(eq(roundDelegations.roundId, round.id)).run();
        for (const h of input.heads) tx.insert(roundDelegations).values({ roundId: round.id, partyId: h.partyId, head: h.head }).run();
      });
    },
    { behavior: 'immediate' },
  );
}

/** Replaces the issues on a round's agenda: issues of this negotiation only. Part of the round: its version moves. */
export function setAgenda(db: DB, user: CurrentUser, input: Omit<AgendaInput, 'version'> & { version: number | null }) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      const round = getRoundRow(tx, user, input.roundId);
      writeRoundPart(tx, user, round.id, input.version, 'round_agenda', () => {
        const ids = [...new Set(input.issueIds)];
        const before = tx.select({ issueId: roundAgenda.issueId }).from(roundAgenda).where(eq(roundAgenda.roundId, round.id)).all();
        // Issues of this negotiation; an issue of another one may stay where it already is
        // (US–Russia mil-to-mil talks held on the sidelines of an Abu Dhabi round).
        const kept = new Set(before.map((b) => b.issueId));
        const own = new Set(
          (ids.length
            ? tx.select({ id: issues.id }).from(issues).where(and(inArray(issues.id, ids), eq(issues.negotiationId, round.negotiationId))).all()
            : []
          ).map((i) => i.id),
        );
        if (ids.some((i) => !own.has(i) && !kept.has(i))) throw new InvalidInputError('An issue is not part of this negotiation.');
        tx.delete(roundAgenda).where(eq(roundAgenda.roundId, round.id)).run();
        for (const issueId of ids) tx.insert(roundAgenda).values({ roundId: round.id, issueId }).run();
      });
    },
    { behavior: 'immediate' },
  );
}

/** An outcome of a round, optionally about one issue and citing a source (a new one typed in the same form lands with it or not at all). */
export function addOutcome(db: DB, user: CurrentUser, input: OutcomeInput, newSource?: NewSource | null): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      const round = getRoundRow(tx, user, input.roundId);
      if (input.issueId) {
        const issue = tx.select({ negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, input.issueId)).get();
        if (issue?.negotiationId !== round.negotiationId) {
          throw new InvalidInputError('That issue is not part of this negotiation.', { issueId: ['Choose an issue of this negotiation.'] });
        }
      }
      if (input.sourceId) assertSourceExists(tx, user, input.sourceId);
      const sourceId = newSource ? insertSource(tx, user, newSource, round.negotiationId) : input.sourceId;
      const row = tx
        .insert(outcomes)
        .values({ roundId: round.id, issueId: input.issueId, text: input.text, sourceId, createdBy: user.id })
        .returning()
        .get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'outcome', entityId: row.id, after: row });
      return row.id;
    },
    { behavior: 'immediate' },
  );
}

export function removeOutcome(db: DB, user: CurrentUser, outcomeId: number): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      const before = tx.select().from(outcomes).where(eq(outcomes.id, outcomeId)).get();
      if (!before) throw new NotFoundError('The outcome');
      const round = tx.select({ negotiationId: rounds.negotiationId }).from(rounds).where(eq(rounds.id, before.roundId)).get();
      assertWriteIn(tx, user, round?.negotiationId, 'The outcome');
      tx.delete(outcomes).where(eq(outcomes.id, outcomeId)).run();
      recordAudit(tx, { userId: user.id, action: 'delete', entity: 'outcome', entityId: outcomeId, before });
      return before.roundId;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Swaps a round with its neighbour in the negotiation's order. Returns false when it is already first or last.
 * Its place is part of the round, so the move is checked against the version the page was opened on; the
 * neighbour's place moves too, and so does its version.
 */
export function moveRound(db: DB, user: CurrentUser, input: Omit<MoveRoundInput, 'version'> & { version: number | null }): boolean {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      const round = getRoundRow(tx, user, input.roundId);
      const earlier = input.direction === 'earlier';
      const neighbour = tx
        .select()
        .from(rounds)
        .where(and(eq(rounds.negotiationId, round.negotiationId), earlier ? lt(rounds.sequence, round.sequence) : gt(rounds.sequence, round.sequence)))
        .orderBy(earlier ? desc(rounds.sequence) : asc(rounds.sequence))
        .limit(1)
        .get();
      if (!neighbour) return false;
      writeVersioned(tx, user, roundRecord(tx, round.id), input.version, () => {
        const [first, second] = earlier ? [neighbour, round] : [round, neighbour];
        const blocked = tx
          .select({ id: homework.id, title: homework.title })
          .from(homework)
          .where(and(eq(homework.assignedRoundId, first.id), eq(homework.dueRoundId, second.id)))
          .get();
        if (blocked) {
          throw new InvalidInputError(`Homework “${blocked.title}” is assigned at ${first.name} and due at ${second.name}; swapping them would make it due before it was assigned.`);
        }
        // The unique (negotiation, sequence) index forbids a direct swap: park one round on a free number first.
        tx.update(rounds).set({ sequence: -round.id }).where(eq(rounds.id, round.id)).run();
        writeVersioned(tx, user, roundRecord(tx, neighbour.id), null, () => {
          tx.update(rounds).set({ sequence: round.sequence }).where(eq(rounds.id, neighbour.id)).run();
        });
        tx.update(rounds).set({ sequence: neighbour.sequence }).where(eq(rounds.id, round.id)).run();
      });
      return true;
    },
    { behavior: 'immediate' },
  );
}
