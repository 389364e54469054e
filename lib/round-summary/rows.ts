// What the loader (db/queries/round-summary.ts) reads for one round's briefing, as plain rows. The
// assembler (./assemble.ts) turns them into a RoundSummary without a database, so the briefing's
// rules can be tested on rows written by hand. Lists said to be "in order" arrive in that order:
// the loader sorts in SQL what an index already sorts.
import type { HomeworkStatus, PartyRole, RoundStatus } from '@/lib/domain';
import type { SummarySource } from './types';

export type RoundRow = {
  id: number;
  negotiationId: number;
  sequence: number;
  name: string;
  venue: string;
  startsOn: string | null;
  /** How precisely the start is known (lib/partial-date.ts); a day when left out. */
  startsOnPrecision?: string;
  startsOnLabel?: string;
  endsOn: string | null;
  approxDate: string;
  format: string;
  status: RoundStatus;
  summary: string;
  cancelledOn: string | null;
  cancellationReason: string;
  cancellationSourceId: number | null;
};

export type IssueRow = {
  id: number;
  title: string;
  status: string;
  priority: string;
  sortOrder: number;
  keyDate: string | null;
  keyDateLabel: string;
  negotiationId: number;
  negotiationName: string;
};

export type StatusChangeRow = { id: number; issueId: number; toStatus: string; changedOn: string };

/** A version of a party's position on an issue (only the versions that can matter to the round: db/queries/round-position-candidates.ts). */
export type PositionRow = {
  id: number;
  issueId: number;
  partyId: number;
  stance: string;
  summary: string;
  redLines: string;
  flexibility: string;
  asOf: string;
  roundId: number | null;
  isCurrent: boolean;
  sourceId: number | null;
};

export type PartyRow = { id: number; name: string; shortName: string };
export type SeatRow = PartyRow & { role: PartyRole };

export type OutcomeRow = { id: number; text: string; issueTitle: string | null; sourceId: number | null };

export type HomeworkRow = {
  id: number;
  title: string;
  description: string;
  issueTitle: string | null;
  assignedRoundId: number | null;
  dueRoundId: number | null;
  dueOn: string | null;
  dueOnPrecision?: string;
  dueOnLabel?: string;
  status: HomeworkStatus;
  resolution: string;
  vague: boolean;
};

export type UpdateRow = { id: number; occurredOn: string; occurredOnPrecision?: string; occurredOnLabel?: string; body: string; roundId: number | null; negotiationId: number; negotiationName: string };

/** A cited source as stored: the briefing names the outlet it cites instead of the cited row's id. */
export type SourceRow = Omit<SummarySource, 'citedOutlet'> & { citesSourceId: number | null };

export type RoundSummaryRows = {
  round: RoundRow;
  /** With its handling marking ('' for none), which the briefing and every export of it carry. */
  negotiation: { id: number; name: string; marking: string };
  /** In order of the seats, then by party name. */
  delegations: { partyName: string; partyShort: string; head: string }[];
  agendaIssueIds: number[];
  /** The agenda's issues, or every issue of the negotiation when the agenda is empty; in any order. */
  issues: IssueRow[];
  /** Of those issues, oldest first (changedOn, then id). */
  statusChanges: StatusChangeRow[];
  /** Of those issues, oldest first (asOf, then id). */
  positions: PositionRow[];
  /** The parties seated in the round's negotiation, in seat order. */
  seats: SeatRow[];
  /** Parties not seated but with a position on one of the issues, by name. */
  otherParties: PartyRow[];
  /** By id. */
  outcomes: OutcomeRow[];
  /** Assigned at the round, due at it, or due during its dates; by id. */
  homework: HomeworkRow[];
  homeworkOwners: { homeworkId: number; partyId: number; name: string }[];
  /** The rounds the homework is assigned at or due at. */
  homeworkRounds: { id: number; name: string; status: RoundStatus; startsOn: string | null; startsOnPrecision?: string; startsOnLabel?: string }[];
  /** The key updates (./scope.ts), oldest first (occurredOn, then id). */
  updates: UpdateRow[];
  /** The issues of those updates, each update's in issue order. */
  updateIssues: { updateId: number; issueId: number; title: string }[];
  /** The parties of those updates, each update's by name. */
  updateParties: { updateId: number; name: string }[];
  /** The sources of those updates, each update's by source id. */
  updateSources: { updateId: number; sourceId: number }[];
  /** Every source cited by a position, an outcome or an update above, or by the round's cancellation. */
  sources: SourceRow[];
  /** The outlets those sources cite. */
  citedOutlets: { id: number; outlet: string }[];
  /** Issues of the round's negotiation and of the issues' negotiations with a key date from keyDatesFrom (./scope.ts) on; by date, then id. */
  keyDateIssues: (IssueRow & { keyDate: string })[];
};
