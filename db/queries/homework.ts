import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '@/db';
import { homework, homeworkOwners, homeworkRevisions, issues, negotiations, parties, rounds, users } from '@/db/schema';
import { homeworkState, isOverdue, isPending, type DueRound } from '@/lib/homework';
import { PENDING_HOMEWORK_STATUSES, type HomeworkStatus } from '@/lib/domain';
import { HOMEWORK_STATUS_FILTERS } from '@/lib/validation/homework-filters';
import { PARTY_SEEN, visible, visibleBy, type ReaderScope } from './access';

export type HomeworkFilters = {
  id?: number | null;
  negotiationId?: number | null;
  partyId?: number | null;
  issueId?: number | null;
  /** Assigned at or due at this round. */
  roundId?: number | null;
  assignedRoundId?: number | null;
  dueRoundId?: number | null;
  /** A stored status, or 'overdue' or 'due_round_cancelled' (computed). */
  status?: (typeof HOMEWORK_STATUS_FILTERS)[number] | null;
};

export { HOMEWORK_STATUS_FILTERS };
const COMPUTED_FILTERS = ['overdue', 'due_round_cancelled'] as const;

/** Homework items the reader sees matching the filters, with owners and the computed overdue flag: three queries, whatever the size. */
export function listHomework(db: DB, scope: ReaderScope, filters: HomeworkFilters, today: string) {
  const assigned = alias(rounds, 'assigned_round');
  const due = alias(rounds, 'due_round');
  const where: SQL[] = [];
  const inScope = visible(scope, homework.negotiationId);
  if (inScope) where.push(inScope);
  if (filters.id) where.push(eq(homework.id, filters.id));
  if (filters.negotiationId) where.push(eq(homework.negotiationId, filters.negotiationId));
  if (filters.issueId) where.push(eq(homework.issueId, filters.issueId));
  if (filters.assignedRoundId) where.push(eq(homework.assignedRoundId, filters.assignedRoundId));
  if (filters.dueRoundId) where.push(eq(homework.dueRoundId, filters.dueRoundId));
  if (filters.roundId) where.push(or(eq(homework.assignedRoundId, filters.roundId), eq(homework.dueRoundId, filters.roundId))!);
  // Only pending items can be overdue or owe a new due round: narrowed here, decided by lib/homework.ts below.
  const computed = (COMPUTED_FILTERS as readonly string[]).includes(filters.status ?? '');
  if (computed) where.push(inArray(homework.status, PENDING_HOMEWORK_STATUSES));
  else if (filters.status) where.push(eq(homework.status, filters.status as HomeworkStatus));
  if (filters.partyId) {
    where.push(
      inArray(
        homework.id,
        db.select({ id: homeworkOwners.homeworkId }).from(homeworkOwners).where(eq(homeworkOwners.partyId, filters.partyId)),
      ),
    );
  }
  const rows = db
    .select({
      id: homework.id,
      negotiationId: homework.negotiationId,
      negotiationName: negotiations.name,
      negotiationMarking: negotiations.marking,
      title: homework.title,
      description: homework.description,
      vague: homework.vague,
      status: homework.status,
      resolution: homework.resolution,
      issueId: homework.issueId,
      issueTitle: issues.title,
      assignedRoundId: homework.assignedRoundId,
      assignedRoundName: assigned.name,
      dueRoundId: homework.dueRoundId,
      dueRoundName: due.name,
      dueRoundStatus: due.status,
      dueRoundSequence: due.sequence,
      dueRoundStartsOn: due.startsOn,
      dueRoundStartsOnPrecision: due.startsOnPrecision,
      dueRoundStartsOnLabel: due.startsOnLabel,
      dueOn: homework.dueOn,
      dueOnPrecision: homework.dueOnPrecision,
      dueOnLabel: homework.dueOnLabel,
      version: homework.version,
    })
    .from(homework)
    .innerJoin(negotiations, eq(negotiations.id, homework.negotiationId))
    .leftJoin(issues, eq(issues.id, homework.issueId))
    .leftJoin(assigned, eq(assigned.id, homework.assignedRoundId))
    .leftJoin(due, eq(due.id, homework.dueRoundId))
    .where(where.length ? and(...where) : undefined)
    // A vague due date by the end of its window (lib/partial-date.ts sortKey): "May 2025" after 20 May.
    .orderBy(asc(negotiations.name), asc(due.sequence), asc(sql`coalesce(${homework.dueOnUntil}, ${homework.dueOn})`), asc(homework.id))
    .all();
  const ownersById = ownersOf(db, rows.map((r) => r.id));
  const items = rows.map((r) => {
    const dueRound: DueRound | null = r.dueRoundStatus
      ? { status: r.dueRoundStatus, startsOn: r.dueRoundStartsOn, startsOnPrecision: r.dueRoundStartsOnPrecision ?? undefined, startsOnLabel: r.dueRoundStartsOnLabel ?? undefined }
      : null;
    return { ...r, owners: ownersById.get(r.id) ?? [], overdue: isOverdue(r, dueRound, today), state: homeworkState(r, dueRound, today) };
  });
  if (filters.status === 'overdue') return items.filter((i) => i.overdue);
  return filters.status === 'due_round_cancelled' ? items.filter((i) => i.state === 'due_round_cancelled') : items;
}
export type HomeworkRow = ReturnType<typeof listHomework>[number];

function ownersOf(db: DB, homeworkIds: number[]) {
  const byId = new Map<number, { id: number; name: string; shortName: string }[]>();
  if (homeworkIds.length === 0) return byId;
  const rows = db
    .select({ homeworkId: homeworkOwners.homeworkId, id: parties.id, name: parties.name, shortName: parties.shortName })
    .from(homeworkOwners)
    .innerJoin(parties, eq(parties.id, homeworkOwners.partyId))
    .where(inArray(homeworkOwners.homeworkId, homeworkIds))
    .orderBy(asc(parties.name))
    .all();
  for (const { homeworkId, ...party } of rows) byId.set(homeworkId, [...(byId.get(homeworkId) ?? []), party]);
  return byId;
}

/** Open (not delivered or dropped), overdue and due-round-cancelled counts for one negotiation. */
export function homeworkCounts(db: DB, scope: ReaderScope, negotiationId: number, today: string) {
  const items = listHomework(db, scope, { negotiationId }, today);
  return {
    open: items.filter((i) => isPending(i.status)).length,
    overdue: items.filter((i) => i.overdue).length,
    dueRoundCancelled: items.filter((i) => i.state === 'due_round_cancelled').length,
  };
}

type Snapshot = {
  title: string;
  description: string;
  issueId: number | null;
  assignedRoundId: number | null;
  dueRoundId: number | null;
  dueOn: string | null;
  status: string;
  resolution: string;
  vague: boolean;
  ownerPartyIds: number[];
};

const FIELD_LABELS: Record<keyof Snapshot, string> = {
  title: 'title',
  description: 'description',
  issueId: 'issue',
  assignedRoundId: 'assigned at',
  dueRoundId: 'due round',
  dueOn: 'due date',
  status: 'status',
  resolution: 'resolution',
  vague: 'vague',
  ownerPartyIds: 'owners',
};

export type HomeworkChange = { field: string; from: string; to: string };
export type HomeworkRevision = { id: number; changedAt: string; changedBy: string; changes: HomeworkChange[] };

/** One item with its owners and its history: each revision says what changed, who changed it and when. */
export function getHomework(db: DB, scope: ReaderScope, id: number, today: string) {
  const [item] = listHomework(db, scope, { id }, today);
  if (!item) return undefined;
  const revisions = db
    .select({ id: homeworkRevisions.id, snapshot: homeworkRevisions.snapshot, changedAt: homeworkRevisions.changedAt, changedBy: users.name })
    .from(homeworkRevisions)
    .innerJoin(users, eq(users.id, homeworkRevisions.changedBy))
    .where(eq(homeworkRevisions.homeworkId, id))
    .orderBy(asc(homeworkRevisions.id))
    .all();
  const current = db.select().from(homework).where(eq(homework.id, id)).get()!;
  const states: Snapshot[] = revisions.map((r) => JSON.parse(r.snapshot) as Snapshot);
  states.push({ ...current, ownerPartyIds: item.owners.map((o) => o.id) });

  // Names for the ids a snapshot holds.
  const roundIds = new Set<number>();
  const issueIds = new Set<number>();
  const partyIds = new Set<number>();
  for (const s of states) {
    if (s.assignedRoundId) roundIds.add(s.assignedRoundId);
    if (s.dueRoundId) roundIds.add(s.dueRoundId);
    if (s.issueId) issueIds.add(s.issueId);
    for (const p of s.ownerPartyIds ?? []) partyIds.add(p);
  }
  const roundName = new Map(
    (roundIds.size ? db.select({ id: rounds.id, name: rounds.name }).from(rounds).where(inArray(rounds.id, [...roundIds])).all() : []).map((r) => [r.id, r.name]),
  );
  const issueName = new Map(
    (issueIds.size ? db.select({ id: issues.id, title: issues.title }).from(issues).where(inArray(issues.id, [...issueIds])).all() : []).map((r) => [r.id, r.title]),
  );
  const partyName = new Map(
    (partyIds.size ? db.select({ id: parties.id, name: parties.shortName }).from(parties).where(inArray(parties.id, [...partyIds])).all() : []).map((r) => [r.id, r.name]),
  );
  const show = (field: keyof Snapshot, s: Snapshot): string => {
    const v = s[field];
    if (field === 'assignedRoundId' || field === 'dueRoundId') return v ? (roundName.get(v as number) ?? `round ${v}`) : '—';
    if (field === 'issueId') return v ? (issueName.get(v as number) ?? `issue ${v}`) : '—';
    if (field === 'ownerPartyIds') return [...((v as number[]) ?? [])].map((p) => partyName.get(p) ?? String(p)).sort().join(', ') || '—';
    if (field === 'vague') return v ? 'yes' : 'no';
    return v === null || v === '' ? '—' : String(v);
  };
  const history: HomeworkRevision[] = revisions
    .map((r, i) => ({
      id: r.id,
      changedAt: r.changedAt,
      changedBy: r.changedBy,
      changes: (Object.keys(FIELD_LABELS) as (keyof Snapshot)[])
        .map((f) => ({ field: FIELD_LABELS[f], from: show(f, states[i]), to: show(f, states[i + 1]) }))
        .filter((c) => c.from !== c.to),
    }))
    .reverse();
  return { item, history, createdAt: current.createdAt };
}
export type HomeworkDetails = NonNullable<ReturnType<typeof getHomework>>;

/** Options for the board's filters and the homework forms, from what the reader sees. */
export function homeworkFilterChoices(db: DB, scope: ReaderScope) {
  return {
    negotiations: db
      .select({ id: negotiations.id, name: negotiations.name })
      .from(negotiations)
      .where(visible(scope, negotiations.id))
      .orderBy(asc(negotiations.name))
      .all(),
    parties: db
      .select({ id: parties.id, name: parties.name })
      .from(parties)
      .where(visibleBy(scope, parties.id, PARTY_SEEN))
      .orderBy(asc(parties.name))
      .all(),
    issues: db
      .select({ id: issues.id, title: issues.title, negotiationId: issues.negotiationId, negotiationName: negotiations.name })
      .from(issues)
      .innerJoin(negotiations, eq(negotiations.id, issues.negotiationId))
      .where(visible(scope, issues.negotiationId))
      .orderBy(asc(negotiations.name), asc(issues.sortOrder))
      .all(),
    rounds: db
      .select({ id: rounds.id, name: rounds.name, negotiationId: rounds.negotiationId, negotiationName: negotiations.name })
      .from(rounds)
      .innerJoin(negotiations, eq(negotiations.id, rounds.negotiationId))
      .where(visible(scope, rounds.negotiationId))
      .orderBy(asc(negotiations.name), desc(rounds.sequence))
      .all(),
  };
}
