// Rows of one round's briefing written by hand (the shape db/queries/round-summary.ts loads), for the
// assembler's tests: Abu Dhabi round 2 of the Russia–Ukraine talks, two agenda issues, four seats.
import type { HomeworkRow, IssueRow, PositionRow, RoundRow, RoundSummaryRows } from '@/lib/round-summary/rows';
import type { assembleRoundSummary } from '@/lib/round-summary/assemble';

export const TODAY = '2026-03-01';
export const TALKS = 1;
export const OTHER_TALKS = 2;
export const [US, RU, UA, NATO, CN] = [11, 12, 13, 14, 15];

export const round = (over: Partial<RoundRow> = {}): RoundRow => ({
  id: 100,
  negotiationId: TALKS,
  sequence: 2,
  name: 'Abu Dhabi round 2',
  venue: 'Abu Dhabi',
  startsOn: '2026-02-04',
  endsOn: '2026-02-05',
  approxDate: '',
  format: 'trilateral',
  status: 'held',
  summary: '',
  cancelledOn: null,
  cancellationReason: '',
  cancellationSourceId: null,
  ...over,
});

export const issue = (id: number, title: string, over: Partial<IssueRow> = {}): IssueRow => ({
  id,
  title,
  status: 'under_discussion',
  priority: 'high',
  sortOrder: id,
  keyDate: null,
  keyDateLabel: '',
  negotiationId: TALKS,
  negotiationName: 'Russia–Ukraine peace talks',
  ...over,
});

let nextPositionId = 1;
export const version = (issueId: number, partyId: number, asOf: string, over: Partial<PositionRow> = {}): PositionRow => ({
  id: nextPositionId++,
  issueId,
  partyId,
  stance: 'opposes',
  summary: 'No foreign troops',
  redLines: '',
  flexibility: 'rigid',
  asOf,
  roundId: null,
  isCurrent: false,
  sourceId: null,
  ...over,
});

export const task = (id: number, over: Partial<HomeworkRow> = {}): HomeworkRow => ({
  id,
  title: `Homework ${id}`,
  description: '',
  issueTitle: null,
  assignedRoundId: 100,
  dueRoundId: null,
  dueOn: null,
  status: 'open',
  resolution: '',
  vague: false,
  ...over,
});

export const DONBAS = issue(1, 'Donbas status', { status: 'deadlocked' });
export const GUARANTEES = issue(2, 'Security guarantees');

export function rows(over: Partial<RoundSummaryRows> = {}): RoundSummaryRows {
  return {
    round: round(),
    negotiation: { id: TALKS, name: 'Russia–Ukraine peace talks', marking: '' },
    delegations: [],
    agendaIssueIds: [DONBAS.id, GUARANTEES.id],
    issues: [DONBAS, GUARANTEES],
    statusChanges: [],
    positions: [],
    seats: [
      { id: US, name: 'United States', shortName: 'US', role: 'mediator' },
      { id: RU, name: 'Russia', shortName: 'RU', role: 'party' },
      { id: UA, name: 'Ukraine', shortName: 'UA', role: 'party' },
      { id: NATO, name: 'NATO', shortName: 'NATO', role: 'observer' },
    ],
    otherParties: [],
    outcomes: [],
    homework: [],
    homeworkOwners: [],
    homeworkRounds: [],
    updates: [],
    updateIssues: [],
    updateParties: [],
    updateSources: [],
    sources: [],
    citedOutlets: [],
    keyDateIssues: [],
    ...over,
  };
}

export const issueTitled = (summary: ReturnType<typeof assembleRoundSummary>, title: string) => summary.issues.find((i) => i.title === title)!;
export const positionOf = (summary: ReturnType<typeof assembleRoundSummary>, title: string, partyShort: string) =>
  issueTitled(summary, title).positions.find((p) => p.partyShort === partyShort);
