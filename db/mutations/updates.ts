import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import {
  actors,
  homework,
  issues,
  negotiationParties,
  parties,
  positions,
  rounds,
  citedSources,
  updateActors,
  updateIssues,
  updateParties,
  updateRevisions,
  updates,
  updateSources,
} from '@/db/schema';
import type { Executor } from '@/db/types';
import { peopleOfNegotiationAmong } from '@/db/queries/parties';
import { recordAudit } from './audit';
import { writeVersioned, type VersionedRecord } from './versions';
import { insertSource } from './sources';
import { refreshLastEvent } from './last-event';
import { assertCanCite, assertWriteIn } from './write-access';
import { applyPosition } from './positions';
import { applyStatusChange } from './issues';
import { applyHomeworkStatus, applyNewHomework } from './homework';
import { assertRole, ForbiddenError, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import type { NewSource } from '@/lib/validation/sources';
import type { UpdateEditInput, UpdateInput } from '@/lib/validation/updates';
import { unsourcedFlag } from '@/lib/update-sourcing';
import { roundOfDate } from '@/lib/round-of-date';
import { settleConcerns } from '@/lib/change-concerns';

/** An analyst who is not the author (nor an admin) may read an update but not edit it. */
export class NotAuthorError extends ForbiddenError {
  constructor() {
    super('admin');
    this.message = 'Only the author of this update or an admin can edit it.';
  }
}

type Links = Pick<UpdateInput, 'roundId' | 'issueIds' | 'partyIds' | 'actorIds' | 'sourceIds'>;

/** Everything an update points at must exist and belong to its negotiation; its actors and sources must be ones the writer sees. */
function assertLinks(tx: Executor, user: CurrentUser, negotiationId: number, links: Links) {
  if (links.roundId) {
    const round = tx.select({ negotiationId: rounds.negotiationId }).from(rounds).where(eq(rounds.id, links.roundId)).get();
    if (round?.negotiationId !== negotiationId) {
      throw new InvalidInputError('That round is not part of this negotiation.', { roundId: ['Choose a round of this negotiation.'] });
    }
  }
  if (links.issueIds.length) {
    const found = tx.select({ id: issues.id }).from(issues).where(and(inArray(issues.id, links.issueIds), eq(issues.negotiationId, negotiationId))).all();
    if (found.length !== links.issueIds.length) {
      throw new InvalidInputError('An issue is not part of this negotiation.', { issueIds: ['Choose issues of this negotiation.'] });
    }
  }
  const seated = new Set(
    tx
      .select({ partyId: negotiationParties.partyId })
      .from(negotiationParties)
      .where(eq(negotiationParties.negotiationId, negotiationId))
      .all()
      .map((r) => r.partyId),
  );
  if (links.partyIds.some((p) => !seated.has(p))) {
    throw new InvalidInputError('A party is not at the table in this negotiation.', { partyIds: ['Choose parties of this negotiation.'] });
  }
  // The negotiation's own people: the writer writes in it, so sees them.
  if (peopleOfNegotiationAmong(tx, negotiationId, links.actorIds).size !== links.actorIds.length) {
    throw new InvalidInputError('An actor is not part of this negotiation.', { actorIds: ['Choose actors of this negotiation.'] });
  }
  notFoundAs(() => assertCanCite(tx, user, 'source', links.sourceIds, 'A source'), 'A source was not found.', { sourceIds: ['Choose sources from the list.'] });
}

/** A cited record the writer cannot see is a field error on the form, as one that does not exist always was. */
function notFoundAs(check: () => void, message: string, errors: Record<string, string[]>) {
  try {
    check();
  } catch (error) {
    if (error instanceof NotFoundError) throw new InvalidInputError(message, errors);
    throw error;
  }
}

/** Sets the update's links, and the latest event date of every issue it concerned or now concerns (db/mutations/last-event.ts). */
function setLinks(tx: Executor, updateId: number, links: Omit<Links, 'roundId'>) {
  const concerned = tx.select({ id: updateIssues.targetId }).from(updateIssues).where(eq(updateIssues.updateId, updateId)).all().map((r) => r.id);
  const tables = [
    [updateIssues, links.issueIds],
    [updateParties, links.partyIds],
    [updateActors, links.actorIds],
    [updateSources, links.sourceIds],
  ] as const;
  for (const [table, ids] of tables) {
    tx.delete(table).where(eq(table.updateId, updateId)).run();
    for (const targetId of new Set(ids)) tx.insert(table).values({ updateId, targetId }).run();
  }
  refreshLastEvent(tx, [...concerned, ...links.issueIds]);
}

function assertIssueOf(tx: Executor, negotiationId: number, issueId: number, field: string) {
  const issue = tx.select({ negotiationId: issues.negotiationId }).from(issues).where(eq(issues.id, issueId)).get();
  if (!issue) throw new NotFoundError('The issue');
  if (issue.negotiationId !== negotiationId) {
    throw new InvalidInputError('That issue is not part of this negotiation.', { [field]: ['Choose an issue of this negotiation.'] });
  }
}

/** Makes a change's field errors point at the update form's dotted field names. */
function inSection<T>(prefix: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof InvalidInputError) {
      const errors = Object.fromEntries(Object.entries(error.errors).map(([k, v]) => [k.includes('.') ? k : `${prefix}.${k}`, v]));
      throw new InvalidInputError(error.message, errors);
    }
    throw error;
  }
}

/** The round given, or when left out, the one of the update's date (lib/round-of-date.ts). */
function roundFor(tx: Executor, negotiationId: number, roundId: number | null | undefined, occurredOn: string): number | null {
  if (roundId !== undefined) return roundId;
  const dated = tx
    .select({
      id: rounds.id,
      status: rounds.status,
      startsOn: rounds.startsOn,
      startsOnPrecision: rounds.startsOnPrecision,
      startsOnLabel: rounds.startsOnLabel,
      endsOn: rounds.endsOn,
    })
    .from(rounds)
    .where(eq(rounds.negotiationId, negotiationId))
    // As the form lists them, so that both choose the same of two that tie.
    .orderBy(asc(rounds.sequence))
    .all();
  return roundOfDate(dated, occurredOn);
}

/** The update's own columns, as logged and as edited: its text, when it happened (as precisely as reported), its round. */
function whatItSays(input: Pick<UpdateInput, 'body' | 'occurredOn' | 'occurredOnPrecision' | 'occurredOnLabel' | 'occurredTime'>, roundId: number | null, unsourced: boolean) {
  return {
    body: input.body,
    occurredOn: input.occurredOn,
    occurredOnPrecision: input.occurredOnPrecision ?? 'day',
    occurredOnLabel: input.occurredOnLabel ?? '',
    occurredTime: input.occurredTime,
    roundId,
    unsourced,
  };
}

export type LoggedUpdate = { id: number; sourceIds: number[]; positionId: number | null; statusChangeId: number | null; homeworkId: number | null };

/**
 * Logs an update with its sources, links and the changes it brings (a new position, a status change,
 * new homework, a homework status) in one transaction: all of it lands, or none of it.
 */
export function logUpdate(db: DB, user: CurrentUser, input: UpdateInput, newSources: NewSource[] = []): LoggedUpdate {
  return db.transaction((tx) => logUpdateIn(tx, user, input, newSources), { behavior: 'immediate' });
}

/**
 * logUpdate inside the caller's transaction, for a write that logs several updates at once (the capture,
 * db/mutations/capture.ts): the caller has checked the role and opened the IMMEDIATE transaction.
 */
export function logUpdateIn(tx: Executor, user: CurrentUser, input: UpdateInput, newSources: NewSource[] = []): LoggedUpdate {
  assertWriteIn(tx, user, input.negotiationId, 'The negotiation');
  const unsourced = unsourcedFlag(input.sourceIds.length + newSources.length, input.unsourced ?? false);
  assertLinks(tx, user, input.negotiationId, input);
  // A position or status change is about the update's party and issue, asked once; what the update does not
  // name, it takes from them. The rest of the changes add what they touch to what the update concerns.
  const settled = settleConcerns(input, input.changes.position, input.changes.statusChange);
  const changes = { ...input.changes, position: settled.position, statusChange: settled.statusChange };
  const { issueIds, partyIds } = settled;
  const addTo = (list: number[], value: number | null | undefined) => {
    if (value && !list.includes(value)) list.push(value);
  };
  addTo(issueIds, changes.newHomework?.issueId);
  for (const p of changes.newHomework?.ownerPartyIds ?? []) addTo(partyIds, p);
  if (changes.homeworkStatus) {
    const item = tx.select().from(homework).where(eq(homework.id, changes.homeworkStatus.homeworkId)).get();
    if (!item) throw new NotFoundError('The homework item');
    if (item.negotiationId !== input.negotiationId) {
      throw new InvalidInputError('That homework item belongs to another negotiation.', { 'homeworkStatus.homeworkId': ['Choose homework of this negotiation.'] });
    }
    addTo(issueIds, item.issueId);
  }
  if (changes.position) assertIssueOf(tx, input.negotiationId, changes.position.issueId, 'position.issueId');
  if (changes.statusChange) assertIssueOf(tx, input.negotiationId, changes.statusChange.issueId, 'statusChange.issueId');
  if (changes.newHomework?.issueId) assertIssueOf(tx, input.negotiationId, changes.newHomework.issueId, 'newHomework.issueId');
  // Derived links are checked by the change that brings them (a party not seated is refused by applyPosition).
  const roundId = roundFor(tx, input.negotiationId, input.roundId, input.occurredOn);
  const links = { roundId, issueIds, partyIds, actorIds: input.actorIds, sourceIds: [...input.sourceIds] };

  const createdSourceIds = newSources.map((s) => insertSource(tx, user, s, input.negotiationId));
  for (const sid of createdSourceIds) addTo(links.sourceIds, sid);
  // The changes cite the source the analyst typed in, else the first one picked.
  const citedSourceId = links.sourceIds[0] ?? null;

  const row = tx
    .insert(updates)
    .values({
      negotiationId: input.negotiationId,
      ...whatItSays(input, roundId, unsourced),
      authorId: user.id,
    })
    .returning()
    .get();
  let positionId: number | null = null;
  if (changes.position) {
    const p = changes.position;
    const basedOn =
      p.basedOn ??
      tx
        .select({ id: positions.id })
        .from(positions)
        .where(and(eq(positions.issueId, p.issueId), eq(positions.partyId, p.partyId), eq(positions.isCurrent, true)))
        .get()?.id ??
      null;
    positionId = inSection('position', () =>
      applyPosition(tx, user, {
        issueId: p.issueId,
        partyId: p.partyId,
        summary: p.summary,
        stance: p.stance,
        redLines: p.redLines,
        flexibility: p.flexibility,
        asOf: input.occurredOn,
        sourceId: citedSourceId,
        roundId,
        basedOn,
        updateId: row.id,
      }),
    );
  }
  let statusChangeId: number | null = null;
  if (changes.statusChange) {
    const s = changes.statusChange;
    statusChangeId = inSection('statusChange', () =>
      applyStatusChange(tx, user, {
        issueId: s.issueId,
        status: s.status,
        changedOn: input.occurredOn,
        note: s.note,
        roundId,
        sourceId: citedSourceId,
        version: null,
        updateId: row.id,
      }),
    );
  }
  let homeworkId: number | null = null;
  if (changes.newHomework) {
    const h = changes.newHomework;
    homeworkId = inSection('newHomework', () =>
      applyNewHomework(
        tx,
        user,
        {
          negotiationId: input.negotiationId,
          title: h.title,
          description: h.description,
          issueId: h.issueId,
          ownerPartyIds: h.ownerPartyIds,
          assignedRoundId: roundId,
          dueRoundId: h.dueRoundId,
          dueOn: h.dueOn?.date ?? null,
          dueOnPrecision: h.dueOn?.precision,
          dueOnLabel: h.dueOn?.label,
          status: 'open',
          resolution: '',
          vague: false,
        },
        row.id,
      ),
    );
  }
  if (changes.homeworkStatus) {
    const h = changes.homeworkStatus;
    inSection('homeworkStatus', () => applyHomeworkStatus(tx, user, { ...h, version: null }, row.id));
  }
  // Linked last: by now every derived issue and party has been checked by its change.
  setLinks(tx, row.id, links);
  recordAudit(tx, { userId: user.id, action: 'create', entity: 'update', entityId: row.id, after: { ...row, ...links } });
  return { id: row.id, sourceIds: links.sourceIds, positionId, statusChangeId, homeworkId };
}

/** The update as its edit form shows it: its text, dates, round and links (the changes it brought are records of their own). */
type UpdateSnapshot = typeof updates.$inferSelect & { issueIds: number[]; partyIds: number[]; actorIds: number[]; sourceIds: number[] };

function updateRecord(tx: Executor, id: number): VersionedRecord<UpdateSnapshot> {
  const linked = (table: typeof updateIssues | typeof updateParties | typeof updateActors | typeof updateSources) =>
    tx
      .select({ id: table.targetId })
      .from(table)
      .where(eq(table.updateId, id))
      .all()
      .map((r) => r.id);
  const names = <T extends { id: number }>(rows: (ids: number[]) => (T & { name: string })[]) => (value: unknown) => {
    const ids = (value as number[]) ?? [];
    const found = ids.length ? rows(ids) : [];
    return ids.map((i) => found.find((f) => f.id === i)?.name ?? String(i));
  };
  return {
    what: 'this update',
    audit: { entities: ['update'], entityId: id },
    read: () => {
      const row = tx.select().from(updates).where(eq(updates.id, id)).get();
      if (!row) return undefined;
      return { ...row, issueIds: linked(updateIssues), partyIds: linked(updateParties), actorIds: linked(updateActors), sourceIds: linked(updateSources) };
    },
    bump: () => tx.update(updates).set({ version: sql`${updates.version} + 1` }).where(eq(updates.id, id)).run(),
    fields: {
      body: { label: 'text' },
      occurredOn: { label: 'date it happened' },
      occurredOnPrecision: { label: 'precision of the date it happened' },
      occurredTime: { label: 'time it happened' },
      unsourced: { label: 'unsourced', show: (v) => (v ? 'yes' : 'no') },
      roundId: {
        label: 'round',
        show: (v) => (typeof v === 'number' ? (tx.select({ name: rounds.name }).from(rounds).where(eq(rounds.id, v)).get()?.name ?? null) : null),
      },
      issueIds: { label: 'issues it concerns', show: names((ids) => tx.select({ id: issues.id, name: issues.title }).from(issues).where(inArray(issues.id, ids)).all()) },
      partyIds: { label: 'parties it concerns', show: names((ids) => tx.select({ id: parties.id, name: parties.name }).from(parties).where(inArray(parties.id, ids)).all()) },
      actorIds: { label: 'actors it quotes', show: names((ids) => tx.select({ id: actors.id, name: actors.name }).from(actors).where(inArray(actors.id, ids)).all()) },
      sourceIds: {
        label: 'sources',
        show: names((ids) => tx.select({ id: citedSources.id, name: sql<string>`${citedSources.outlet} || ': ' || ${citedSources.title}` }).from(citedSources).where(inArray(citedSources.id, ids)).all()),
      },
    },
  };
}

/** Edits an update's text, date and links; only its author or an admin may, and the earlier text is kept. */
export function editUpdate(
  db: DB,
  user: CurrentUser,
  id: number,
  version: number | null,
  input: Omit<UpdateEditInput, 'updateId' | 'version'>,
  newSources: NewSource[] = [],
) {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      const author = tx.select({ authorId: updates.authorId, negotiationId: updates.negotiationId }).from(updates).where(eq(updates.id, id)).get();
      if (!author) throw new NotFoundError('The update');
      assertWriteIn(tx, user, author.negotiationId, 'The update');
      if (author.authorId !== user.id && user.role !== 'admin') throw new NotAuthorError();
      writeVersioned(tx, user, updateRecord(tx, id), version, (before) => {
        if (!before) throw new NotFoundError('The update');
        const unsourced = unsourcedFlag(input.sourceIds.length + newSources.length, input.unsourced ?? false);
        const roundId = roundFor(tx, before.negotiationId, input.roundId, input.occurredOn);
        const links = { roundId, issueIds: input.issueIds, partyIds: input.partyIds, actorIds: input.actorIds, sourceIds: [...input.sourceIds] };
        assertLinks(tx, user, before.negotiationId, links);
        for (const s of newSources) links.sourceIds.push(insertSource(tx, user, s, before.negotiationId));
        tx.insert(updateRevisions).values({ updateId: id, body: before.body, occurredOn: before.occurredOn, editedBy: user.id }).run();
        tx.update(updates)
          .set({
            ...whatItSays(input, roundId, unsourced),
            version: before.version + 1,
            editedAt: new Date().toISOString(),
            editedBy: user.id,
          })
          .where(eq(updates.id, id))
          .run();
        setLinks(tx, id, links);
      });
    },
    { behavior: 'immediate' },
  );
}
