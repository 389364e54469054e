// What the update form offers and starts with; the page passes it as plain data.

export type NegotiationChoice = {
  id: number;
  name: string;
  issues: { id: number; title: string; status: string }[];
  parties: { id: number; name: string; shortName: string }[];
  actors: { id: number; name: string; title: string }[];
  rounds: { id: number; name: string; status: string }[];
  homework: { id: number; title: string; status: string }[];
  /** Each party's current position on each issue: what a position change starts from. */
  positions: CurrentPosition[];
};

export type CurrentPosition = { id: number; issueId: number; partyId: number; stance: string; flexibility: string; summary: string; redLines: string; asOf: string };


/** What the form starts with: a new update's context (from the URL), or the update being edited. */
export type UpdateFormStart = {
  negotiationId: number;
  body?: string;
  occurredOn: string;
  occurredTime?: string | null;
  roundId?: number | null;
  issueIds?: number[];
  partyIds?: number[];
  actorIds?: number[];
  sourceIds?: number[];
  edit?: { updateId: number; version: number };
};

export const ids = (list: number[] | undefined) => (list ?? []).map(String);
