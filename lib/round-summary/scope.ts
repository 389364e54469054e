// What a round's briefing covers: the loader reads by these rules and the assembler words the
// result by them, so both agree.
import type { RoundRow } from './rows';

type Round = Pick<RoundRow, 'id' | 'negotiationId' | 'startsOn' | 'endsOn' | 'status'>;

/** The days the round covers (one day when it has no end date), and whether it has happened yet. */
export function roundSpan(round: Round): { start: string | null; end: string | null; isPlanned: boolean } {
  const start = round.startsOn;
  // A planned or undated round has happened nowhere yet: what is "after" it is what stands now.
  return { start, end: round.endsOn ?? start, isPlanned: round.status === 'planned' || !start };
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
  return round.startsOn ?? today;
}
