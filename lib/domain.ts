// The analysts' vocabulary (docs/domain.md), shared by the schema, validation and the UI.

export const ROLES = ['admin', 'analyst', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

// Need to know (docs/decisions/0017): an open negotiation is read by every signed-in user, a restricted one
// only by its members (and admins); a member reads or writes there as a viewer or an analyst.
export const NEGOTIATION_ACCESS = ['open', 'restricted'] as const;
export type NegotiationAccess = (typeof NEGOTIATION_ACCESS)[number];
export const MEMBER_ROLES = ['viewer', 'analyst'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

// How a negotiation's material may be handled and shared: the Traffic Light Protocol, or the team's own words.
export const MARKING_PRESETS = ['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:RED'] as const;

export const PARTY_ROLES = ['party', 'mediator', 'observer', 'guarantor'] as const;
export type PartyRole = (typeof PARTY_ROLES)[number];

export const ISSUE_STATUSES = [
  'proposed',
  'under_discussion',
  'narrowing',
  'agreed_in_principle',
  'agreed',
  'implementing',
  'stalled',
  'deadlocked',
  'dropped',
] as const;
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
/** A closed question: settled one way or the other, so nobody expects it to move. */
export const CLOSED_ISSUE_STATUSES = ['agreed', 'dropped'] as const satisfies readonly IssueStatus[];

export const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const STANCES = ['supports', 'opposes', 'conditional', 'ambiguous', 'no_position'] as const;
export type Stance = (typeof STANCES)[number];

export const FLEXIBILITIES = ['unknown', 'rigid', 'low', 'moderate', 'high'] as const;
export type Flexibility = (typeof FLEXIBILITIES)[number];

// Admiralty scale: source reliability A (completely reliable) to F (cannot be judged).
export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type Reliability = (typeof RELIABILITIES)[number];
// …and claim credibility 1 (confirmed) to 6 (cannot be judged), a number (lib/validation/sources.ts).

export const ROUND_FORMATS = ['direct', 'trilateral', 'proximity', 'bilateral'] as const;
export type RoundFormat = (typeof ROUND_FORMATS)[number];

export const ROUND_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

// How precisely a report dates something (lib/partial-date.ts): a day, a month, a year, a third of a
// year ("late 2025"), or approximate ("in the coming weeks", counted from the report's day).
export const DATE_PRECISIONS = ['day', 'month', 'year', 'early', 'mid', 'late', 'approx'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

// 'overdue' is never stored: it is computed from the due round or date (lib/homework.ts isOverdue).
/** Homework a party still owes. */
export const PENDING_HOMEWORK_STATUSES = ['open', 'in_progress'] as const;
/** Homework that is settled: brought back, or given up. */
export const SETTLED_HOMEWORK_STATUSES = ['delivered', 'dropped'] as const;
export const HOMEWORK_STATUSES = [...PENDING_HOMEWORK_STATUSES, ...SETTLED_HOMEWORK_STATUSES] as const;
export type HomeworkStatus = (typeof HOMEWORK_STATUSES)[number];

const LABELS: Record<string, string> = {
  under_discussion: 'under discussion',
  agreed_in_principle: 'agreed in principle',
  no_position: 'no stated position',
  in_progress: 'in progress',
  overdue_estimated: 'overdue (estimated)',
};

/** The words an analyst reads for a stored enum value. */
export function label(value: string): string {
  return LABELS[value] ?? value.replace(/_/g, ' ');
}

export const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'A — completely reliable',
  B: 'B — usually reliable',
  C: 'C — fairly reliable',
  D: 'D — not usually reliable',
  E: 'E — unreliable',
  F: 'F — reliability cannot be judged',
};

export const CREDIBILITY_LABELS: Record<number, string> = {
  1: '1 — confirmed',
  2: '2 — probably true',
  3: '3 — possibly true',
  4: '4 — doubtful',
  5: '5 — improbable',
  6: '6 — truth cannot be judged',
};

// Personal API tokens: what one may do, and how long it lives (chosen when it is made).
/** 'read' never writes, whatever its owner's role, and is the only kind a feed or calendar link takes; 'full' acts with the owner's role. */
export const TOKEN_SCOPES = ['read', 'full'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
/** No "never": a token forgotten in a script or a feed reader must stop on its own. */
export const TOKEN_LIFETIME_DAYS = [7, 30, 90, 365] as const;
export const DEFAULT_TOKEN_LIFETIME_DAYS = 90;
