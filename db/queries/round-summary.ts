import { and, asc, eq, gte, inArray, lte, or } from 'drizzle-orm';
import type { DB } from '@/db';
import {
  homework,
  homeworkOwners,
  issues,
  negotiationParties,
  negotiations,
  outcomes,
  parties,
  positions,
  roundAgenda,
  roundDelegations,
  rounds,
  citedSources,
  statusChanges,
  updateIssues,
  updateParties,
  updates,
  updateSources,
} from '@/db/schema';
import { groupBy } from '@/lib/group-by';
import { assembleRoundSummary } from '@/lib/round-summary/assemble';
import type { IssueRow, RoundRow, RoundSummaryRows } from '@/lib/round-summary/rows';
import { isKeyUpdate, keyDatesFrom, roundSpan } from '@/lib/round-summary/scope';
import type { RoundSummary } from '@/lib/round-summary/types';
import { roundPositionCandidates } from './round-position-candidates';
import { visible, type ReaderScope } from './access';

// The loader of a round's briefing: it only reads (a fixed number of queries, whatever the size:
// tests/bench-queries.test.ts) and hands plain rows to the assembler in lib/round-summary/, which
// holds every rule of what the briefing says.

/**
 * The briefing for one round, as the reader may see it, or undefined when there is no such round for them.
 * `today` is 'YYYY-MM-DD'. What it draws from other negotiations (an issue on the agenda, an update during the
 * round) is only what the reader sees there too.
 */
export function roundSummary(db: DB, scope: ReaderScope, roundId: number, today: string): RoundSummary | undefined {
  const rows = loadRoundSummaryRows(db, scope, roundId, today);
  return rows && assembleRoundSummary(rows, today);
}

/** Every row a round's briefing is made of, or undefined when there is no such round. */
function loadRoundSummaryRows(db: DB, scope: ReaderScope, roundId: number, today: string): RoundSummaryRows | undefined {
  const round = db
    .select()
    .from(rounds)
    .where(and(eq(rounds.id, roundId), visible(scope, rounds.negotiationId)))
    .get();
  if (!round) return undefined;
  const negotiation = db
    .select({ id: negotiations.id, name: negotiations.name, marking: negotiations.marking })
    .from(negotiations)
    .where(eq(negotiations.id, round.negotiationId))
    .get()!;
  const { agendaIssueIds, issues: issueRows } = readIssues(db, scope, round);
  const issueIds = issueRows.map((i) => i.id);
  const positionsAndParties = readPositionsAndParties(db, round, issueIds);
  const outcomeRows = readOutcomes(db, scope, roundId);
  const homeworkOfRound = readHomework(db, scope, round);
  const keyUpdates = readKeyUpdates(db, scope, round, new Set(issueIds));
  const sourceIds = [
    ...positionsAndParties.positions.map((p) => p.sourceId),
    ...outcomeRows.map((o) => o.sourceId),
    ...keyUpdates.updateSources.map((s) => s.sourceId),
    round.cancellationSourceId,
  ];
  return {
    round,
    negotiation,
    delegations: readDelegations(db, round),
    agendaIssueIds,
    issues: issueRows,
    statusChanges: readStatusChanges(db, issueIds),
    ...positionsAndParties,
    outcomes: outcomeRows,
    ...homeworkOfRound,
    ...keyUpdates,
    ...readSources(db, sourceIds),
    keyDateIssues: readKeyDateIssues(db, scope, [round.negotiationId, ...issueRows.map((i) => i.negotiationId)], keyDatesFrom(round, today)),
  };
}

function readDelegations(db: DB, round: RoundRow) {
  return db
    .select({ partyName: parties.name, partyShort: parties.shortName, head: roundDelegations.head })
    .from(roundDelegations)
    .innerJoin(parties, eq(parties.id, roundDelegations.partyId))
    .leftJoin(
      negotiationParties,
      and(eq(negotiationParties.partyId, roundDelegations.partyId), eq(negotiationParties.negotiationId, round.negotiationId)),
    )
    .where(eq(roundDelegations.roundId, round.id))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
}

const issueFields = {
  id: issues.id,
  title: issues.title,
  status: issues.status,
  priority: issues.priority,
  sortOrder: issues.sortOrder,
  keyDate: issues.keyDate,
  keyDateLabel: issues.keyDateLabel,
  negotiationId: issues.negotiationId,
  negotiationName: negotiations.name,
};

/** The agenda's issues, or the whole negotiation's when the agenda is empty. */
function readIssues(db: DB, scope: ReaderScope, round: RoundRow): { agendaIssueIds: number[]; issues: IssueRow[] } {
  const agendaIssueIds = db
    .select({ issueId: roundAgenda.issueId })
    .from(roundAgenda)
    .innerJoin(issues, eq(issues.id, roundAgenda.issueId))
    .where(and(eq(roundAgenda.roundId, round.id), visible(scope, issues.negotiationId)))
    .all()
    .map((a) => a.issueId);
  const issueRows = db
    .select(issueFields)
    .from(issues)
    .innerJoin(negotiations, eq(negotiations.id, issues.negotiationId))
    .where(agendaIssueIds.length ? inArray(issues.id, agendaIssueIds) : eq(issues.negotiationId, round.negotiationId))
    .all();
  return { agendaIssueIds, issues: issueRows };
}

function readStatusChanges(db: DB, issueIds: number[]) {
  if (!issueIds.length) return [];
  return db
    .select({ issueId: statusChanges.issueId, toStatus: statusChanges.toStatus, changedOn: statusChanges.changedOn, id: statusChanges.id })
    .from(statusChanges)
    .where(inArray(statusChanges.issueId, issueIds))
    .orderBy(asc(statusChanges.changedOn), asc(statusChanges.id))
    .all();
}

/** The versions that can matter to the round, the seated parties, and the parties not seated that hold one of those versions. */
function readPositionsAndParties(db: DB, round: RoundRow, issueIds: number[]): Pick<RoundSummaryRows, 'positions' | 'seats' | 'otherParties'> {
  const { start, end } = roundSpan(round);
  const positionRows = issueIds.length
    ? db
        .select({
          id: positions.id,
          issueId: positions.issueId,
          partyId: positions.partyId,
          stance: positions.stance,
          summary: positions.summary,
          redLines: positions.redLines,
          flexibility: positions.flexibility,
          asOf: positions.asOf,
          roundId: positions.roundId,
          isCurrent: positions.isCurrent,
          sourceId: positions.sourceId,
        })
        .from(positions)
        .where(inArray(positions.id, roundPositionCandidates(db, issueIds, round.id, start, end)))
        .orderBy(asc(positions.asOf), asc(positions.id))
        .all()
    : [];
  const seats = db
    .select({ id: parties.id, name: parties.name, shortName: parties.shortName, role: negotiationParties.role })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .where(eq(negotiationParties.negotiationId, round.negotiationId))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
  const seated = new Set(seats.map((s) => s.id));
  const otherIds = [...new Set(positionRows.map((p) => p.partyId))].filter((id) => !seated.has(id));
  const otherParties = otherIds.length
    ? db
        .select({ id: parties.id, name: parties.name, shortName: parties.shortName })
        .from(parties)
        .where(inArray(parties.id, otherIds))
        .orderBy(asc(parties.name))
        .all()
    : [];
  return { positions: positionRows, seats, otherParties };
}

function readOutcomes(db: DB, scope: ReaderScope, roundId: number) {
  return db
    .select({ id: outcomes.id, text: outcomes.text, issueTitle: issues.title, sourceId: outcomes.sourceId })
    .from(outcomes)
    .leftJoin(issues, and(eq(issues.id, outcomes.issueId), visible(scope, issues.negotiationId)))
    .where(eq(outcomes.roundId, roundId))
    .orderBy(asc(outcomes.id))
    .all();
}

/** Homework assigned at the round, due at it, or due within its dates (by index on due_on), with its owners and rounds. */
function readHomework(db: DB, scope: ReaderScope, round: RoundRow): Pick<RoundSummaryRows, 'homework' | 'homeworkOwners' | 'homeworkRounds'> {
  const { start, end } = roundSpan(round);
  const dueByDate = start && end ? and(gte(homework.dueOn, start), lte(homework.dueOn, end)) : undefined;
  const homeworkRows = db
    .select({
      id: homework.id,
      title: homework.title,
      description: homework.description,
      issueTitle: issues.title,
      assignedRoundId: homework.assignedRoundId,
      dueRoundId: homework.dueRoundId,
      dueOn: homework.dueOn,
      dueOnPrecision: homework.dueOnPrecision,
      dueOnLabel: homework.dueOnLabel,
      status: homework.status,
      resolution: homework.resolution,
      vague: homework.vague,
    })
    .from(homework)
    .leftJoin(issues, eq(issues.id, homework.issueId))
    .where(and(or(eq(homework.assignedRoundId, round.id), eq(homework.dueRoundId, round.id), dueByDate), visible(scope, homework.negotiationId)))
    .orderBy(asc(homework.id))
    .all();
  const homeworkIds = homeworkRows.map((h) => h.id);
  const homeworkOwnerRows = homeworkIds.length
    ? db
        .select({ homeworkId: homeworkOwners.homeworkId, partyId: homeworkOwners.partyId, name: parties.name })
        .from(homeworkOwners)
        .innerJoin(parties, eq(parties.id, homeworkOwners.partyId))
        .where(inArray(homeworkOwners.homeworkId, homeworkIds))
        .all()
    : [];
  const roundIds = [...new Set(homeworkRows.flatMap((h) => [h.assignedRoundId, h.dueRoundId]).filter((id): id is number => id !== null))];
  const homeworkRounds = roundIds.length
    ? db
        .select({ id: rounds.id, name: rounds.name, status: rounds.status, startsOn: rounds.startsOn, startsOnPrecision: rounds.startsOnPrecision, startsOnLabel: rounds.startsOnLabel })
        .from(rounds).where(inArray(rounds.id, roundIds)).all()
    : [];
  return { homework: homeworkRows, homeworkOwners: homeworkOwnerRows, homeworkRounds };
}

/** The updates of the round and those that happened during it, kept when key (lib/round-summary/scope.ts), with their links. */
function readKeyUpdates(
  db: DB,
  scope: ReaderScope,
  round: RoundRow,
  shownIssueIds: ReadonlySet<number>,
): Pick<RoundSummaryRows, 'updates' | 'updateIssues' | 'updateParties' | 'updateSources'> {
  const { start, end } = roundSpan(round);
  const duringRound = start && end ? and(gte(updates.occurredOn, start), lte(updates.occurredOn, end)) : undefined;
  const candidates = db
    .select({
      id: updates.id,
      occurredOn: updates.occurredOn,
      occurredOnPrecision: updates.occurredOnPrecision,
      occurredOnLabel: updates.occurredOnLabel,
      body: updates.body,
      roundId: updates.roundId,
      negotiationId: updates.negotiationId,
      negotiationName: negotiations.name,
    })
    .from(updates)
    .innerJoin(negotiations, eq(negotiations.id, updates.negotiationId))
    .where(and(or(eq(updates.roundId, round.id), duringRound), visible(scope, updates.negotiationId)))
    .orderBy(asc(updates.occurredOn), asc(updates.id))
    .all();
  const candidateIds = candidates.map((u) => u.id);
  const issueLinks = candidateIds.length
    ? db
        .select({ updateId: updateIssues.updateId, issueId: issues.id, title: issues.title })
        .from(updateIssues)
        .innerJoin(issues, eq(issues.id, updateIssues.targetId))
        .where(and(inArray(updateIssues.updateId, candidateIds), visible(scope, issues.negotiationId)))
        .orderBy(asc(issues.sortOrder), asc(issues.id))
        .all()
    : [];
  const issuesOf = groupBy(issueLinks, (l) => l.updateId);
  const keyUpdates = candidates.filter((u) => isKeyUpdate(u, (issuesOf.get(u.id) ?? []).map((l) => l.issueId), round, shownIssueIds));
  const keyIds = keyUpdates.map((u) => u.id);
  const key = new Set(keyIds);
  const updatePartyRows = keyIds.length
    ? db
        .select({ updateId: updateParties.updateId, name: parties.name })
        .from(updateParties)
        .innerJoin(parties, eq(parties.id, updateParties.targetId))
        .where(inArray(updateParties.updateId, keyIds))
        .orderBy(asc(parties.name))
        .all()
    : [];
  const updateSourceRows = keyIds.length
    ? db
        .select({ updateId: updateSources.updateId, sourceId: updateSources.targetId })
        .from(updateSources)
        .where(inArray(updateSources.updateId, keyIds))
        .orderBy(asc(updateSources.targetId))
        .all()
    : [];
  return { updates: keyUpdates, updateIssues: issueLinks.filter((l) => key.has(l.updateId)), updateParties: updatePartyRows, updateSources: updateSourceRows };
}

/** The cited sources in one look-up, plus one for the outlets they cite in turn. */
function readSources(db: DB, ids: (number | null)[]): Pick<RoundSummaryRows, 'sources' | 'citedOutlets'> {
  const sourceIds = [...new Set(ids.filter((id): id is number => id !== null))];
  const sourceRows = sourceIds.length ? db.select().from(citedSources).where(inArray(citedSources.id, sourceIds)).all() : [];
  const citedIds = [...new Set(sourceRows.map((s) => s.citesSourceId).filter((id): id is number => id !== null))];
  const citedOutlets = citedIds.length ? db.select({ id: citedSources.id, outlet: citedSources.outlet }).from(citedSources).where(inArray(citedSources.id, citedIds)).all() : [];
  return { sources: sourceRows, citedOutlets };
}

function readKeyDateIssues(db: DB, scope: ReaderScope, negotiationIds: number[], from: string): RoundSummaryRows['keyDateIssues'] {
  return db
    .select(issueFields)
    .from(issues)
    .innerJoin(negotiations, eq(negotiations.id, issues.negotiationId))
    .where(and(inArray(issues.negotiationId, [...new Set(negotiationIds)]), gte(issues.keyDate, from), visible(scope, issues.negotiationId)))
    .orderBy(asc(issues.keyDate), asc(issues.id))
    .all()
    .filter((i): i is typeof i & { keyDate: string } => i.keyDate !== null);
}
