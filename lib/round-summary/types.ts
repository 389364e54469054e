import type { HomeworkState } from '@/lib/homework';
import type { RoundBrief } from './brief';
import type { DatePrecision } from '@/lib/domain';

// Everything a round briefing shows, as plain data: the web page and every export render this one object.

export type SummarySource = {
  id: number;
  outlet: string;
  title: string;
  url: string | null;
  /** The first day of the publication date's window, with how precisely it is known (lib/partial-date.ts). */
  publishedOn: string | null;
  publishedOnPrecision: DatePrecision;
  publishedOnLabel: string;
  quote: string;
  reliability: string;
  credibility: number;
  /** The outlet this source reports through (TASS as cited by El País), if any. */
  citedOutlet: string | null;
};

export type SummaryPosition = {
  partyId: number;
  partyName: string;
  partyShort: string;
  /** null: no position recorded for this party by the end of the round. */
  position: {
    id: number;
    stance: string;
    summary: string;
    redLines: string;
    flexibility: string;
    asOf: string;
    /** Recorded for this round (positions.roundId), not only in force at it. */
    atThisRound: boolean;
    /** Against the version in force before the round started. */
    change: string;
    changedAtRound: boolean;
    /** The stance in force before the round started; null when this is the party's first recorded position. */
    stanceBefore: string | null;
    source: SummarySource | null;
  } | null;
};

export type SummaryIssue = {
  id: number;
  title: string;
  negotiationName: string;
  /** The issue belongs to another negotiation than the round (e.g. mil-to-mil dialogue on the sidelines). */
  otherNegotiation: boolean;
  priority: string;
  statusBefore: string;
  /** No status was recorded before the round: statusBefore is the first one recorded. */
  statusBeforeIsFirstRecorded: boolean;
  statusAfter: string;
  statusChanged: boolean;
  positions: SummaryPosition[];
};

export type SummaryHomework = {
  id: number;
  title: string;
  description: string;
  issueTitle: string | null;
  owners: string[];
  assignedRound: string | null;
  dueRound: string | null;
  dueOn: string | null;
  /** How precisely the due date is known (lib/partial-date.ts); a day when left out. */
  dueOnPrecision?: string;
  dueOnLabel?: string;
  /** The due round's start when it is vague ("in the coming weeks (est. by 19 Mar 2026)"); '' or left out when firm. */
  dueRoundWhen?: string;
  status: string;
  overdue: boolean;
  /** What a reader sees: the stored status, 'overdue', 'overdue_estimated' or 'due_round_cancelled' (lib/homework.ts homeworkState). */
  state: HomeworkState;
  resolution: string;
  vague: boolean;
};

export type SummaryUpdate = {
  id: number;
  occurredOn: string;
  /** How precisely it is dated ("late 2025"); a day when left out. */
  occurredOnPrecision?: string;
  occurredOnLabel?: string;
  /** Markdown as the analyst wrote it. */
  body: string;
  negotiationName: string;
  issues: string[];
  parties: string[];
  sources: SummarySource[];
};

export type SummaryKeyDate = {
  issueId: number;
  issueTitle: string;
  negotiationName: string;
  date: string;
  label: string;
  /**
   * Days from the round to the date: from its last day (0 while it lasts). For a round without a
   * date yet, from today, as keyDatesFrom is.
   */
  daysFromRound: number;
  /** Negative: the date has passed. */
  daysFromToday: number;
};

export type RoundSummary = {
  today: string;
  /** What every format opens with (./brief.ts): the bottom line, the stance table and the homework still open. */
  brief: RoundBrief;
  /** `marking`: how the briefing may be handled (TLP:AMBER…), '' for none; every export carries it. */
  negotiation: { id: number; name: string; marking: string };
  round: {
    id: number;
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
    status: string;
    summary: string;
    /** A cancelled round's: when it was called off, why, and the source that says so; null for any other status. */
    cancellation: { on: string | null; reason: string; source: SummarySource | null } | null;
  };
  delegations: { partyName: string; partyShort: string; head: string }[];
  issues: SummaryIssue[];
  /** The agenda was empty: every issue of the negotiation is shown. */
  agendaWasEmpty: boolean;
  outcomes: { id: number; text: string; issueTitle: string | null; source: SummarySource | null }[];
  homeworkAssigned: SummaryHomework[];
  homeworkDue: SummaryHomework[];
  keyUpdates: SummaryUpdate[];
  keyDates: SummaryKeyDate[];
  /** Key dates are listed from this day on (the round's start; today for an undated round). */
  keyDatesFrom: string;
  /** Mediators holding no position on any issue shown, named once rather than under every issue. */
  mediatorsWithoutPosition: string[];
};
