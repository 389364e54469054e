// The orders a briefing lists things in, so that every export of a round reads the same.
import type { IssueRow, RoundRow, RoundSummaryRows, SeatRow } from './rows';

/** A party the briefing may show: a seat of the round's negotiation, or 'other' (not seated, with a position). */
export type BriefedParty = Omit<SeatRow, 'role'> & { role: SeatRow['role'] | 'other' };

/** By UTF-16 code units, not the locale: the same order on every machine. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The seats in their order, then the parties that are not seated but hold a position. */
export function briefedParties(rows: Pick<RoundSummaryRows, 'seats' | 'otherParties'>): BriefedParty[] {
  return [...rows.seats, ...rows.otherParties.map((p) => ({ ...p, role: 'other' as const }))];
}

/** The round's own negotiation first, then the others by name (issues discussed on the sidelines); within one, in the negotiation's order. */
export function issueOrder(round: Pick<RoundRow, 'negotiationId'>) {
  const elsewhere = (i: IssueRow) => Number(i.negotiationId !== round.negotiationId);
  return (a: IssueRow, b: IssueRow) =>
    elsewhere(a) - elsewhere(b) || byText(a.negotiationName, b.negotiationName) || a.sortOrder - b.sortOrder || a.id - b.id;
}

/** Owners in the order of the briefed parties (others after them), then by name. */
export function ownerOrder(parties: BriefedParty[]) {
  const rank = (partyId: number) => {
    const i = parties.findIndex((p) => p.id === partyId);
    return i === -1 ? parties.length : i;
  };
  return (a: { partyId: number; name: string }, b: { partyId: number; name: string }) => rank(a.partyId) - rank(b.partyId) || byText(a.name, b.name);
}
