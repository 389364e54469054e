import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiations, outcomes, parties, positions, roundAgenda, roundDelegations, rounds, citedSources } from '@/db/schema';
import { listSeatedParties } from './negotiations';
import { listHomework } from './homework';
import { citationFields, type Citation } from './citation';
import { roundPositionCandidates } from './round-position-candidates';
import { groupBy } from '@/lib/group-by';
import { visible, type ReaderScope } from './access';

/** A round the reader sees, with its negotiation's name and marking; undefined otherwise. */
export function getRoundRecord(db: DB, scope: ReaderScope, id: number) {
  return db
    .select({ round: rounds, negotiationName: negotiations.name, marking: negotiations.marking })
    .from(rounds)
    .innerJoin(negotiations, eq(negotiations.id, rounds.negotiationId))
    .where(and(eq(rounds.id, id), visible(scope, rounds.negotiationId)))
    .get();
}

type PositionRow = {
  id: number;
  issueId: number;
  partyId: number;
  summary: string;
  stance: string;
  redLines: string;
  asOf: string;
  roundId: number | null;
  isCurrent: boolean;
} & Citation;

/**
 * Which of a party's position versions held at a round: one recorded at that round (the latest such),
 * else the latest as of the round's end (or start) date; a planned or undated round shows the current one.
 */
export function positionAtRound(
  versions: PositionRow[],
  round: { id: number; status: string; startsOn: string | null; endsOn: string | null },
): PositionRow | undefined {
  const newestFirst = [...versions].sort((a, b) => (a.asOf === b.asOf ? b.id - a.id : a.asOf < b.asOf ? 1 : -1));
  const atRound = newestFirst.find((p) => p.roundId === round.id);
  if (atRound) return atRound;
  const cutoff = round.endsOn ?? round.startsOn;
  if (round.status === 'planned' || !cutoff) return versions.find((p) => p.isCurrent);
  return newestFirst.find((p) => p.asOf <= cutoff);
}

/** Everything the round page shows: six queries plus the homework lists, whatever the size. */
export function getRoundPage(db: DB, scope: ReaderScope, id: number, today: string) {
  const found = getRoundRecord(db, scope, id);
  if (!found) return undefined;
  const { round, negotiationName, marking } = found;
  const seated = listSeatedParties(db, scope, round.negotiationId);
  const delegations = db
    .select({ partyId: roundDelegations.partyId, head: roundDelegations.head, partyName: parties.name })
    .from(roundDelegations)
    .innerJoin(parties, eq(parties.id, roundDelegations.partyId))
    .where(eq(roundDelegations.roundId, id))
    .all();
  const agenda = db
    .select({ id: issues.id, title: issues.title, status: issues.status })
    .from(roundAgenda)
    .innerJoin(issues, eq(issues.id, roundAgenda.issueId))
    // An issue of another negotiation on the agenda (docs/decisions/0010) is shown to those who see that one.
    .where(and(eq(roundAgenda.roundId, id), visible(scope, issues.negotiationId)))
    .orderBy(asc(issues.sortOrder), asc(issues.id))
    .all();
  const versions: PositionRow[] = agenda.length
    ? db
        .select({
          id: positions.id,
          issueId: positions.issueId,
          partyId: positions.partyId,
          summary: positions.summary,
          stance: positions.stance,
          redLines: positions.redLines,
          asOf: positions.asOf,
          roundId: positions.roundId,
          isCurrent: positions.isCurrent,
          ...citationFields,
        })
        .from(positions)
        .leftJoin(citedSources, eq(citedSources.id, positions.sourceId))
        .where(
          inArray(
            positions.id,
            roundPositionCandidates(
              db,
              agenda.map((a) => a.id),
              id,
              round.startsOn,
              round.endsOn ?? round.startsOn,
            ),
          ),
        )
        .all()
    : [];
  const versionsOfPair = groupBy(versions, (v) => `${v.issueId}:${v.partyId}`);
  const agendaWithPositions = agenda.map((issue) => ({
    ...issue,
    positions: seated.map((party) => ({
      party,
      position: positionAtRound(versionsOfPair.get(`${issue.id}:${party.id}`) ?? [], round),
    })),
  }));
  const outcomeRows = db
    .select({
      id: outcomes.id,
      text: outcomes.text,
      issueId: issues.id,
      issueTitle: issues.title,
      ...citationFields,
    })
    .from(outcomes)
    .leftJoin(issues, and(eq(issues.id, outcomes.issueId), visible(scope, issues.negotiationId)))
    .leftJoin(citedSources, eq(citedSources.id, outcomes.sourceId))
    .where(eq(outcomes.roundId, id))
    .orderBy(asc(outcomes.id))
    .all();
  // The source a cancellation cites is seen by whoever sees the round (db/queries/access.ts, SOURCE_SEEN).
  const cancellationSource: Citation | undefined = round.cancellationSourceId
    ? db.select(citationFields).from(citedSources).where(eq(citedSources.id, round.cancellationSourceId)).get()
    : undefined;
  return {
    round,
    cancellationSource: cancellationSource ?? null,
    negotiationName,
    marking,
    parties: seated,
    delegations,
    agenda: agendaWithPositions,
    outcomes: outcomeRows,
    homeworkAssigned: listHomework(db, scope, { assignedRoundId: id }, today),
    homeworkDue: listHomework(db, scope, { dueRoundId: id }, today),
  };
}
export type RoundPage = NonNullable<ReturnType<typeof getRoundPage>>;
