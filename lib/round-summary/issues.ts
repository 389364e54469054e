import { whatChanged } from '@/lib/position-change';
import { groupBy } from '@/lib/group-by';
import type { SummaryIssue, SummaryPosition } from './types';
import type { IssueRow, PositionRow, RoundSummaryRows, StatusChangeRow } from './rows';
import { issueOrder, type BriefedParty } from './order';
import { roundSpan } from './scope';
import type { SourceOf } from './sources';
import { cancellationSentence, cancellationSourceName } from './cancellation';

type Span = ReturnType<typeof roundSpan>;

/**
 * The status in force when the round started (the first one recorded when none was before) and when
 * it ended; a round that has not happened leaves the status as it stands. Without a recorded change
 * both are the issue's status.
 */
function statusAcross(issue: IssueRow, changes: StatusChangeRow[], { start, end, isPlanned }: Span) {
  if (!changes.length || !start) return { statusBefore: issue.status, firstRecorded: false, statusAfter: issue.status };
  const before = changes.filter((c) => c.changedOn < start).at(-1);
  const statusBefore = before?.toStatus ?? changes[0].toStatus;
  const statusAfter = !isPlanned && end ? (changes.filter((c) => c.changedOn <= end).at(-1)?.toStatus ?? statusBefore) : issue.status;
  return { statusBefore, firstRecorded: !before, statusAfter };
}

/**
 * The version that answers "where did the party stand at this round": the last one recorded for the
 * round; else, for a round that has happened, the last one dated by its end; for one that has not,
 * the current one.
 */
function versionAtRound(versions: PositionRow[], roundId: number, { end, isPlanned }: Span): PositionRow | undefined {
  const recordedForRound = versions.filter((v) => v.roundId === roundId).at(-1);
  if (recordedForRound) return recordedForRound;
  if (isPlanned) return versions.find((v) => v.isCurrent) ?? versions.at(-1);
  return versions.filter((v) => end !== null && v.asOf <= end).at(-1);
}

/**
 * What "what changed" says of a position the round did not move. A cancelled round moved nothing because it
 * did not take place: it says so, when and why, rather than "no change".
 */
function unchangedText(round: RoundSummaryRows['round'], sourceOf: SourceOf): string {
  if (round.status !== 'cancelled') return 'No change at this round.';
  return cancellationSentence({ on: round.cancelledOn, reason: round.cancellationReason, source: cancellationSourceName(sourceOf(round.cancellationSourceId)) });
}

function summaryPosition(versions: PositionRow[], roundId: number, span: Span, sourceOf: SourceOf, unchanged: string): SummaryPosition['position'] {
  const atRound = versionAtRound(versions, roundId, span);
  if (!atRound) return null;
  const start = span.start;
  const before = start ? versions.filter((v) => v.asOf < start).at(-1) : undefined;
  const changedAtRound = before?.id !== atRound.id;
  return {
    id: atRound.id,
    stance: atRound.stance,
    summary: atRound.summary,
    redLines: atRound.redLines,
    flexibility: atRound.flexibility,
    asOf: atRound.asOf,
    atThisRound: atRound.roundId === roundId,
    change: changedAtRound ? whatChanged(before, atRound) : unchanged,
    changedAtRound,
    stanceBefore: before?.stance ?? null,
    source: sourceOf(atRound.sourceId),
  };
}

/** Whether a party without a position on an issue is listed under it (as "none recorded"): a seated party or guarantor, not an observer or mediator. */
export function listedWithoutPosition(role: BriefedParty['role']): boolean {
  return role === 'party' || role === 'guarantor';
}

/**
 * Each issue with its status before and after the round and, party by party, the position held at
 * it against the one before. A party without a position is listed (as "none recorded") only when
 * listedWithoutPosition says so; mediators who hold none are named once for the whole briefing
 * (mediatorsWithoutPosition), observers not at all.
 */
export function summaryIssues(
  rows: Pick<RoundSummaryRows, 'round' | 'issues' | 'statusChanges' | 'positions'>,
  parties: BriefedParty[],
  sourceOf: SourceOf,
): SummaryIssue[] {
  const { round } = rows;
  const span = roundSpan(round);
  const changesByIssue = groupBy(rows.statusChanges, (s) => s.issueId);
  const versionsByIssue = groupBy(rows.positions, (p) => p.issueId);
  const unchanged = unchangedText(round, sourceOf);
  return [...rows.issues].sort(issueOrder(round)).map((issue) => {
    const { statusBefore, firstRecorded, statusAfter } = statusAcross(issue, changesByIssue.get(issue.id) ?? [], span);
    const versions = versionsByIssue.get(issue.id) ?? [];
    const positions: SummaryPosition[] = [];
    for (const party of parties) {
      const position = summaryPosition(
        versions.filter((v) => v.partyId === party.id),
        round.id,
        span,
        sourceOf,
        unchanged,
      );
      if (!position && !listedWithoutPosition(party.role)) continue;
      positions.push({ partyId: party.id, partyName: party.name, partyShort: party.shortName, position });
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
      positions,
    };
  });
}

/** The mediators with no position on any issue the briefing shows: one line, rather than "none recorded" under every issue. */
export function mediatorsWithoutPosition(issues: SummaryIssue[], parties: BriefedParty[]): string[] {
  const withPosition = new Set(issues.flatMap((i) => i.positions.filter((p) => p.position).map((p) => p.partyId)));
  return parties.filter((p) => p.role === 'mediator' && !withPosition.has(p.id)).map((p) => p.name);
}
