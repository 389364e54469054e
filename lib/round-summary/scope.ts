// What a round's briefing covers: the loader reads by these rules and the assembler words the
// result by them, so both agree.
import type { RoundRow } from './rows';
import { storedDate, windowOf } from '@/lib/partial-date';

type Round = Pick<RoundRow, 'id' | 'negotiationId' | 'startsOn' | 'startsOnPrecision' | 'startsOnLabel' | 'endsOn' | 'status'>;

/** The round's start as known: a phrase ("in the coming weeks") names no day the round covers, so it counts as undated. */
function datedStart(round: Round) {
  const start = storedDate(round.startsOn, round.startsOnPrecision, round.startsOnLabel);
  return start && start.precision !== 'approx' ? windowOf(start) : null;
}

/** The days the round covers (its start's window when it has no end date: "May 2025"), and whether it has happened yet. */
export function roundSpan(round: Round): { start: string | null; end: string | null; isPlanned: boolean } {
  const window = datedStart(round);
  const start = window?.from ?? null;
  // A planned or undated round has happened nowhere yet: what is "after" it is what stands now.
  return { start, end: round.endsOn ?? window?.to ?? null, isPlanned: round.status === 'planned' || !start };
}

/**
 * An update that happened during the round is key when it was logged for the round, concerns the
 * round's negotiation, or concerns one of the issues the briefing shows (an agenda issue of another
 * negotiation, discussed on the sidelines).
 */
export function isKeyUpdate(
  update: { roundId: number | null; negotiationId: number },
  issueIdsOfUpdate: readonly number[],
  round: Round,
  shownIssueIds: ReadonlySet<number>,
): boolean {
  return update.roundId === round.id || update.negotiationId === round.negotiationId || issueIdsOfUpdate.some((id) => shownIssueIds.has(id));
}

/** Key dates are listed from the round's start on; an undated round has not started, so from today. */
export function keyDatesFrom(round: Round, today: string): string {
  return datedStart(round)?.from ?? today;
}
