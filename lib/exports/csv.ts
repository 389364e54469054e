import { label } from '@/lib/domain';
import type { RoundSummary } from '@/lib/round-summary/types';
import { formatStoredDate } from '@/lib/partial-date';
import { cleanText, roundDates } from './text';

/**
 * A cell a spreadsheet would read as a formula (=, +, -, @, or a leading tab or carriage return,
 * also after leading spaces) gets a leading apostrophe, so it is shown as text and never run.
 */
export function neutraliseCell(value: string): string {
  return /^[\t\r]/.test(value) || /^\s*[=+\-@]/.test(value) ? `'${value}` : value;
}

/** One field, RFC 4180: quoted when it holds a comma, a quote or a line break; quotes doubled. */
export function csvField(value: string | number | boolean | null | undefined): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? neutraliseCell(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: (string | number | boolean | null | undefined)[]): string {
  return fields.map(csvField).join(',');
}

export const CSV_COLUMNS = [
  // The handling marking on every row: a row copied out of the sheet keeps it.
  'marking',
  'negotiation',
  'round',
  'round_starts_on',
  'round_ends_on',
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
  'source_outlet',
  'source_cites',
  'source_published_on',
  'source_reliability',
  'source_credibility',
  'source_quote',
  // The dates as precisely as reported ("May 2025", "5 Feb 2026 (approx.)"), beside the ISO days above; added last so
  // that tools reading the columns by position still find theirs.
  'round_dates',
  'source_published',
] as const;

/** One row per issue and party (an issue without any party row still gets one row), CRLF line ends, UTF-8 with a BOM for Excel. */
export function renderCsv(summary: RoundSummary): string {
  const lines = [csvLine([...CSV_COLUMNS])];
  const { round } = summary;
  for (const issue of summary.issues) {
    const issueCells = [
      summary.negotiation.marking,
      summary.negotiation.name,
      round.name,
      round.startsOn,
      round.endsOn,
      issue.title,
      issue.negotiationName,
      label(issue.statusBefore),
      label(issue.statusAfter),
      issue.statusChanged ? 'yes' : 'no',
    ];
    const rows = issue.positions.length ? issue.positions : [null];
    for (const row of rows) {
      const p = row?.position;
      lines.push(
        csvLine(
          [
            ...issueCells,
            row?.partyName ?? '',
            p ? label(p.stance) : '',
            p ? label(p.flexibility) : '',
            p?.summary ?? (row ? 'No position recorded.' : ''),
            p?.redLines,
            p?.asOf,
            p ? (p.atThisRound ? 'yes' : 'no') : '',
            p?.change,
            p?.source?.outlet,
            p?.source?.citedOutlet,
            p?.source?.publishedOn,
            p?.source?.reliability,
            p?.source?.credibility,
            p?.source?.quote,
            roundDates(summary),
            p?.source?.publishedOn ? formatStoredDate(p.source.publishedOn, p.source.publishedOnPrecision, p.source.publishedOnLabel) : '',
          ].map((v) => (typeof v === 'string' ? cleanText(v) : v)),
        ),
      );
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
