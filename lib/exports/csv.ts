import type { RoundSummary } from '@/lib/round-summary/types';
import { sectionsCsv } from './sheets';
import { summarySheets } from './summary-sheets';

export { csvField, csvLine, neutraliseCell } from './csv-field';
export { CSV_COLUMNS } from './summary-sheets';

/**
 * A round briefing as one CSV: its positions (one row per issue and party), homework and outcomes, each row
 * saying in `section` which it is; UTF-8 with a BOM for Excel, CRLF line ends.
 */
export function renderCsv(summary: RoundSummary): string {
  return sectionsCsv(summarySheets(summary));
}
