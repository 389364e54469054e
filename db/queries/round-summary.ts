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
  sources,
  statusChanges,
  updateIssues,
  updateParties,
  updates,
  updateSources,
} from '@/db/schema';
import { daysBetween } from '@/lib/dates';
import { describePositionChange } from '@/lib/position-change';
import { groupBy } from '@/lib/group-by';
import { roundPositionCandidates } from './round-position-candidates';
import type { RoundSummary, SummaryHomework, SummaryIssue, SummaryKeyDate, SummaryPosition, SummarySource, SummaryUpdate } from '@/lib/round-summary/types';

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The briefing for one round, or undefined when there is no such round. A fixed number of queries, whatever the size. */
export function roundSummary(db: DB, roundId: number, today: string): RoundSummary | undefined {
  const round = db.select().from(rounds).where(eq(rounds.id, roundId)).get();
  if (!round) return undefined;
  const negotiation = db
    .select({ id: negotiations.id, name: negotiations.name })
    .from(negotiations)
    .where(eq(negotiations.id, round.negotiationId))
    .get()!;
  const start = round.startsOn;
  const end = round.endsOn ?? round.startsOn;
  // A planned round has happened nowhere yet: what is "after" it is what stands now.
  const undated = !start;
  const isPlanned = round.status === 'planned' || undated;

  const delegations = db
    .select({ partyName: parties.name, partyShort: parties.shortName, head: roundDelegations.head })
    .from(roundDelegations)
    .innerJoin(parties, eq(parties.id, roundDelegations.partyId))
    .leftJoin(
      negotiationParties,
      and(eq(negotiationParties.partyId, roundDelegations.partyId), eq(negotiationParties.negotiationId, round.negotiationId)),
    )
    .where(eq(roundDelegations.roundId, roundId))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();

  // ---- issues: the agenda, or the whole negotiation when the agenda is empty
  const agendaIds = db
    .select({ issueId: roundAgenda.issueId })
    .from(roundAgenda)
    .where(eq(roundAgenda.roundId, roundId))
    .all()
    .map((a) => a.issueId);
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
  const issueRows = db
    .select(issueFields)
    .from(issues)
    .innerJoin(negotiations, eq(negotiations.id, issues.negotiationId))
    .where(agendaIds.length ? inArray(issues.id, agendaIds) : eq(issues.negotiationId, round.negotiationId))
    .all()
    .sort(
      (a, b) =>
        Number(a.negotiationId !== round.negotiationId) - Number(b.negotiationId !== round.negotiationId) ||
        byText(a.negotiationName, b.negotiationName) ||
        a.sortOrder - b.sortOrder ||
        a.id - b.id,
    );
  const issueIds = issueRows.map((i) => i.id);

  const statusRows = issueIds.length
    ? db
        .select({ issueId: statusChanges.issueId, toStatus: statusChanges.toStatus, changedOn: statusChanges.changedOn, id: statusChanges.id })
        .from(statusChanges)
        .where(inArray(statusChanges.issueId, issueIds))
        .orderBy(asc(statusChanges.changedOn), asc(statusChanges.id))
        .all()
    : [];

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
        .where(inArray(positions.id, roundPositionCandidates(db, issueIds, roundId, start, end)))
        .orderBy(asc(positions.asOf), asc(positions.id))
        .all()
    : [];

  // Parties: those at the table (observers only when they have a position), plus anyone with a position on an agenda issue.
  const seats = db
    .select({ id: parties.id, name: parties.name, shortName: parties.shortName, role: negotiationParties.role })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .where(eq(negotiationParties.negotiationId, round.negotiationId))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
  const extraPartyIds = [...new Set(positionRows.map((p) => p.partyId))].filter((id) => !seats.some((s) => s.id === id));
  const extraParties = extraPartyIds.length
    ? db
        .select({ id: parties.id, name: parties.name, shortName: parties.shortName })
        .from(parties)
        .where(inArray(parties.id, extraPartyIds))
        .orderBy(asc(parties.name))
        .all()
        .map((p) => ({ ...p, role: 'other' as const }))
    : [];
  const partyOrder = [...seats, ...extraParties];

  // ---- outcomes, homework, updates (their ids feed one batched source look-up)
  const outcomeRows = db
    .select({ id: outcomes.id, text: outcomes.text, issueTitle: issues.title, sourceId: outcomes.sourceId })
    .from(outcomes)
    .leftJoin(issues, eq(issues.id, outcomes.issueId))
    .where(eq(outcomes.roundId, roundId))
    .orderBy(asc(outcomes.id))
    .all();

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
      status: homework.status,
      resolution: homework.resolution,
      vague: homework.vague,
    })
    .from(homework)
    .leftJoin(issues, eq(issues.id, homework.issueId))
    .where(or(eq(homework.assignedRoundId, roundId), eq(homework.dueRoundId, roundId), dueByDate))
    .orderBy(asc(homework.id))
    .all();
  const homeworkIds = homeworkRows.map((h) => h.id);
  const ownerRows = homeworkIds.length
    ? db
        .select({ homeworkId: homeworkOwners.homeworkId, partyId: homeworkOwners.partyId, name: parties.name })
        .from(homeworkOwners)
        .innerJoin(parties, eq(parties.id, homeworkOwners.partyId))
        .where(inArray(homeworkOwners.homeworkId, homeworkIds))
        .all()
    : [];
  const roundIdsOfHomework = [...new Set(homeworkRows.flatMap((h) => [h.assignedRoundId, h.dueRoundId]).filter((id): id is number => id !== null))];
  const homeworkRounds = roundIdsOfHomework.length
    ? db.select({ id: rounds.id, name: rounds.name, status: rounds.status }).from(rounds).where(inArray(rounds.id, roundIdsOfHomework)).all()
    : [];

  // Updates of this round, and those that happened during it in this negotiation or on an agenda issue.
  const duringRound = start && end ? and(gte(updates.occurredOn, start), lte(updates.occurredOn, end)) : undefined;
  const candidateUpdates = db
    .select({ id: updates.id, occurredOn: updates.occurredOn, body: updates.body, roundId: updates.roundId, negotiationId: updates.negotiationId, negotiationName: negotiations.name })
    .from(updates)
    .innerJoin(negotiations, eq(negotiations.id, updates.negotiationId))
    .where(or(eq(updates.roundId, roundId), duringRound))
    .orderBy(asc(updates.occurredOn), asc(updates.id))
    .all();
  const candidateIds = candidateUpdates.map((u) => u.id);
  const updateIssueRows = candidateIds.length
    ? db
        .select({ updateId: updateIssues.updateId, issueId: issues.id, title: issues.title, sortOrder: issues.sortOrder })
        .from(updateIssues)
        .innerJoin(issues, eq(issues.id, updateIssues.targetId))
        .where(inArray(updateIssues.updateId, candidateIds))
        .orderBy(asc(issues.sortOrder), asc(issues.id))
        .all()
    : [];
  const agendaSet = new Set(issueIds);
  const issuesByUpdate = groupBy(updateIssueRows, (l) => l.updateId);
  const keyUpdateRows = candidateUpdates.filter(
    (u) =>
      u.roundId === roundId ||
      u.negotiationId === round.negotiationId ||
      (issuesByUpdate.get(u.id) ?? []).some((l) => agendaSet.has(l.issueId)),
  );
  const updateIds = keyUpdateRows.map((u) => u.id);
  const updatePartyRows = updateIds.length
    ? db
        .select({ updateId: updateParties.updateId, name: parties.name })
        .from(updateParties)
        .innerJoin(parties, eq(parties.id, updateParties.targetId))
        .where(inArray(updateParties.updateId, updateIds))
        .orderBy(asc(parties.name))
        .all()
    : [];
  const updateSourceRows = updateIds.length
    ? db
        .select({ updateId: updateSources.updateId, sourceId: updateSources.targetId })
        .from(updateSources)
        .where(inArray(updateSources.updateId, updateIds))
        .orderBy(asc(updateSources.targetId))
        .all()
    : [];

  // ---- sources, in one look-up (plus one for the outlets they cite)
  const sourceIds = [
    ...new Set(
      [...positionRows.map((p) => p.sourceId), ...outcomeRows.map((o) => o.sourceId), ...updateSourceRows.map((s) => s.sourceId)].filter(
        (id): id is number => id !== null,
      ),
    ),
  ];
  const sourceRows = sourceIds.length ? db.select().from(sources).where(inArray(sources.id, sourceIds)).all() : [];
  const citedIds = [...new Set(sourceRows.map((s) => s.citesSourceId).filter((id): id is number => id !== null))];
  const citedRows = citedIds.length
    ? db.select({ id: sources.id, outlet: sources.outlet }).from(sources).where(inArray(sources.id, citedIds)).all()
    : [];
  const citedOutlet = new Map(citedRows.map((c) => [c.id, c.outlet]));
  const sourceById = new Map<number, SummarySource>(
    sourceRows.map((s) => [
      s.id,
      {
        id: s.id,
        outlet: s.outlet,
        title: s.title,
        url: s.url,
        publishedOn: s.publishedOn,
        publishedOnApprox: s.publishedOnApprox,
        quote: s.quote,
        reliability: s.reliability,
        credibility: s.credibility,
        citedOutlet: s.citesSourceId ? (citedOutlet.get(s.citesSourceId) ?? null) : null,
      },
    ]),
  );
  const sourceOf = (id: number | null) => (id === null ? null : (sourceById.get(id) ?? null));

  // ---- assemble: issues with status before/after and positions per party
  const changesByIssue = groupBy(statusRows, (s) => s.issueId);
  const versionsByIssue = groupBy(positionRows, (p) => p.issueId);
  const summaryIssues: SummaryIssue[] = issueRows.map((issue) => {
    const changes = changesByIssue.get(issue.id) ?? [];
    let statusBefore: string = issue.status;
    let firstRecorded = false;
    let statusAfter: string = issue.status;
    if (changes.length && start) {
      const before = changes.filter((c) => c.changedOn < start).at(-1);
      statusBefore = before?.toStatus ?? changes[0].toStatus;
      firstRecorded = !before;
      if (!isPlanned && end) statusAfter = changes.filter((c) => c.changedOn <= end).at(-1)?.toStatus ?? statusBefore;
    }
    const versions = versionsByIssue.get(issue.id) ?? [];
    const positionsOfIssue: SummaryPosition[] = [];
    for (const party of partyOrder) {
      const mine = versions.filter((v) => v.partyId === party.id);
      const atRound =
        mine.filter((v) => v.roundId === roundId).at(-1) ??
        (isPlanned ? (mine.find((v) => v.isCurrent) ?? mine.at(-1)) : mine.filter((v) => end !== null && v.asOf <= end).at(-1));
      if (!atRound && party.role === 'observer') continue;
      if (!atRound && !seats.some((s) => s.id === party.id)) continue;
      const before = start ? mine.filter((v) => v.asOf < start).at(-1) : undefined;
      positionsOfIssue.push({
        partyId: party.id,
        partyName: party.name,
        partyShort: party.shortName,
        position: atRound
          ? {
              id: atRound.id,
              stance: atRound.stance,
              summary: atRound.summary,
              redLines: atRound.redLines,
              flexibility: atRound.flexibility,
              asOf: atRound.asOf,
              atThisRound: atRound.roundId === roundId,
              change: before?.id === atRound.id ? 'No change at this round.' : describePositionChange(before, atRound),
              changedAtRound: before?.id !== atRound.id,
              source: sourceOf(atRound.sourceId),
            }
          : null,
      });
    }
    return {
      id: issue.id,
      title: issue.title,
      negotiationName: issue.negotiationName,
      otherNegotiation: issue.negotiationId !== round.negotiationId,
      priority: issue.priority,
      statusBefore,
      statusBeforeIsFirstRecorded: firstRecorded,
      statusAfter,
      statusChanged: statusBefore !== statusAfter,
      positions: positionsOfIssue,
    };
  });

  // ---- homework
  const roundById = new Map(homeworkRounds.map((r) => [r.id, r]));
  const partyRank = (partyId: number) => {
    const i = partyOrder.findIndex((p) => p.id === partyId);
    return i === -1 ? partyOrder.length : i;
  };
  const toHomework = (h: (typeof homeworkRows)[number]): SummaryHomework => {
    const dueRound = h.dueRoundId ? roundById.get(h.dueRoundId) : undefined;
    const pending = h.status === 'open' || h.status === 'in_progress';
    const overdue = pending && (dueRound?.status === 'held' || (h.dueOn !== null && h.dueOn < today));
    return {
      id: h.id,
      title: h.title,
      description: h.description,
      issueTitle: h.issueTitle,
      owners: ownerRows
        .filter((o) => o.homeworkId === h.id)
        .sort((a, b) => partyRank(a.partyId) - partyRank(b.partyId) || byText(a.name, b.name))
        .map((o) => o.name),
      assignedRound: h.assignedRoundId ? (roundById.get(h.assignedRoundId)?.name ?? null) : null,
      dueRound: dueRound?.name ?? null,
      dueOn: h.dueOn,
      status: h.status,
      overdue,
      state: overdue ? 'overdue' : h.status,
      resolution: h.resolution,
      vague: h.vague,
    };
  };
  const homeworkAssigned = homeworkRows.filter((h) => h.assignedRoundId === roundId).map(toHomework);
  const homeworkDue = homeworkRows.filter((h) => h.assignedRoundId !== roundId).map(toHomework);

  // ---- key updates
  const partiesByUpdate = groupBy(updatePartyRows, (l) => l.updateId);
  const sourcesByUpdate = groupBy(updateSourceRows, (l) => l.updateId);
  const keyUpdates: SummaryUpdate[] = keyUpdateRows.map((u) => ({
    id: u.id,
    occurredOn: u.occurredOn,
    body: u.body,
    negotiationName: u.negotiationName,
    issues: (issuesByUpdate.get(u.id) ?? []).map((l) => l.title),
    parties: (partiesByUpdate.get(u.id) ?? []).map((l) => l.name),
    sources: (sourcesByUpdate.get(u.id) ?? [])
      .map((l) => sourceOf(l.sourceId))
      .filter((s): s is SummarySource => s !== null),
  }));

  // ---- key dates: issues of this negotiation and of the agenda's negotiations, from the round's start on
  const keyDatesFrom = start ?? today;
  const negotiationIds = [...new Set([round.negotiationId, ...issueRows.map((i) => i.negotiationId)])];
  const keyDateRows = db
    .select(issueFields)
    .from(issues)
    .innerJoin(negotiations, eq(negotiations.id, issues.negotiationId))
    .where(and(inArray(issues.negotiationId, negotiationIds), gte(issues.keyDate, keyDatesFrom)))
    .orderBy(asc(issues.keyDate), asc(issues.id))
    .all();
  const keyDates: SummaryKeyDate[] = keyDateRows.map((i) => ({
    issueId: i.id,
    issueTitle: i.title,
    negotiationName: i.negotiationName,
    date: i.keyDate!,
    label: i.keyDateLabel,
    daysFromToday: daysBetween(today, i.keyDate!),
  }));

  return {
    today,
    negotiation,
    round: {
      id: round.id,
      sequence: round.sequence,
      name: round.name,
      venue: round.venue,
      startsOn: round.startsOn,
      endsOn: round.endsOn,
      approxDate: round.approxDate,
      format: round.format,
      status: round.status,
      summary: round.summary,
    },
    delegations,
    issues: summaryIssues,
    agendaWasEmpty: agendaIds.length === 0,
    outcomes: outcomeRows.map((o) => ({ id: o.id, text: o.text, issueTitle: o.issueTitle, source: sourceOf(o.sourceId) })),
    homeworkAssigned,
    homeworkDue,
    keyUpdates,
    keyDates,
    keyDatesFrom,
  };
}
