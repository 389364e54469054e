import { label } from '@/lib/domain';
import type { RoundSummary, SummaryHomework, SummarySource } from '@/lib/round-summary/types';
import { formatStoredDate } from '@/lib/partial-date';
import { yesNo, type Cell, type Sheet } from './sheets';
import { roundDates } from './text';

// A round briefing as spreadsheet data: what each party held on each issue, the homework given and due,
// and what the round produced. The .xlsx has one sheet of each; the CSV holds all three (lib/exports/csv.ts).

const ROUND_COLUMNS = ['marking', 'negotiation', 'round', 'round_starts_on', 'round_ends_on'] as const;
const SOURCE_COLUMNS = ['source_outlet', 'source_cites', 'source_published_on', 'source_reliability', 'source_credibility', 'source_quote'] as const;

const AS_REPORTED_COLUMNS = ['round_dates', 'source_published'] as const;

export const CSV_COLUMNS = [
  // The handling marking on every row: a row copied out of the sheet keeps it.
  ...ROUND_COLUMNS,
  'issue',
  'issue_negotiation',
  'status_before',
  'status_after',
  'status_changed',
  'party',
  'stance',
  'flexibility',
  'position',
  'red_lines',
  'as_of',
  'recorded_at_this_round',
  'what_changed',
  ...SOURCE_COLUMNS,
  // The dates as precisely as reported ("early February 2026", "5 Feb 2026 (approx.)"), beside the ISO days above;
  // last, so that tools reading the columns by position still find theirs.
  ...AS_REPORTED_COLUMNS,
] as const;

export const HOMEWORK_COLUMNS = [
  ...ROUND_COLUMNS,
  'homework',
  'homework_at_this_round',
  'issue',
  'owners',
  'homework_description',
  'assigned_round',
  'due_round',
  'due_on',
  'homework_status',
  'overdue',
  'vague',
  'resolution',
] as const;

export const OUTCOME_COLUMNS = [...ROUND_COLUMNS, 'outcome', 'issue', ...SOURCE_COLUMNS, ...AS_REPORTED_COLUMNS] as const;

const sourceCells = (s: SummarySource | null | undefined): Cell[] => [s?.outlet, s?.citedOutlet, s?.publishedOn, s?.reliability, s?.credibility, s?.quote];
const asReported = (summary: RoundSummary, s: SummarySource | null | undefined): Cell[] => [
  roundDates(summary),
  s?.publishedOn ? formatStoredDate(s.publishedOn, s.publishedOnPrecision, s.publishedOnLabel) : '',
];

export function summarySheets(summary: RoundSummary): Sheet[] {
  const { round } = summary;
  const roundCells: Cell[] = [summary.negotiation.marking, summary.negotiation.name, round.name, round.startsOn, round.endsOn];

  // One row per issue and party; an issue without any party row still gets one row.
  const positions = summary.issues.flatMap((issue) => {
    const issueCells: Cell[] = [issue.title, issue.negotiationName, label(issue.statusBefore), label(issue.statusAfter), yesNo(issue.statusChanged)];
    return (issue.positions.length ? issue.positions : [null]).map((row): Cell[] => {
      const p = row?.position;
      return [
        ...roundCells,
        ...issueCells,
        row?.partyName ?? '',
        p ? label(p.stance) : '',
        p ? label(p.flexibility) : '',
        p?.summary ?? (row ? 'No position recorded.' : ''),
        p?.redLines,
        p?.asOf,
        p ? yesNo(p.atThisRound) : '',
        p?.change,
        ...sourceCells(p?.source),
        ...asReported(summary, p?.source),
      ];
    });
  });

  const homeworkRow = (h: SummaryHomework, atThisRound: 'assigned' | 'due'): Cell[] => [
    ...roundCells,
    h.title,
    atThisRound,
    h.issueTitle,
    h.owners.join('; '),
    h.description,
    h.assignedRound,
    h.dueRound,
    h.dueOn,
    label(h.state),
    yesNo(h.overdue),
    yesNo(h.vague),
    h.resolution,
  ];

  return [
    { name: 'Positions', section: 'position', columns: CSV_COLUMNS, rows: positions },
    {
      name: 'Homework',
      section: 'homework',
      columns: HOMEWORK_COLUMNS,
      rows: [...summary.homeworkAssigned.map((h) => homeworkRow(h, 'assigned')), ...summary.homeworkDue.map((h) => homeworkRow(h, 'due'))],
    },
    { name: 'Outcomes', section: 'outcome', columns: OUTCOME_COLUMNS, rows: summary.outcomes.map((o) => [...roundCells, o.text, o.issueTitle, ...sourceCells(o.source), ...asReported(summary, o.source)]) },
  ];
}
