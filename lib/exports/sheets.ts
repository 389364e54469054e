import { csvLine } from './csv-field';
import { cleanText } from './text';

// A spreadsheet as plain data: named sheets of named columns, one array of cells a row. CSV and .xlsx
// (lib/exports/xlsx.ts) are both written from it, so the two files of one download hold the same facts.

export type Cell = string | number | null | undefined;

export type Sheet = {
  /** The worksheet's name in an .xlsx file (at most 31 characters). */
  name: string;
  /** What a row of this sheet is, in the CSV that holds several sheets ("position", "homework"…). */
  section: string;
  /** The first column is always `marking`: a row copied out of the file keeps its handling marking. */
  columns: readonly string[];
  rows: Cell[][];
};

const clean = (cell: Cell) => (typeof cell === 'string' ? cleanText(cell) : cell);

/** UTF-8 with a BOM (Excel then reads it as UTF-8), CRLF line ends, every field neutralised (lib/exports/csv.ts). */
function csvFile(lines: string[]): string {
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** One sheet as CSV: a header row of its column names, then its rows. */
export function sheetCsv(sheet: Sheet): string {
  return csvFile([csvLine([...sheet.columns]), ...sheet.rows.map((row) => csvLine(row.map(clean)))]);
}

/**
 * Several sheets in one CSV, which has no sheets: a `section` column after `marking` says which sheet a row
 * belongs to, and the columns are those of every sheet, each named once (a column two sheets share, such as
 * `issue`, is one column); a row leaves the others empty.
 */
export function sectionsCsv(sheets: Sheet[]): string {
  const columns = [...new Set(['marking', 'section', ...sheets.flatMap((s) => s.columns)])];
  const at = new Map(columns.map((c, i) => [c, i]));
  const lines = [csvLine(columns)];
  for (const sheet of sheets) {
    for (const row of sheet.rows) {
      const line: Cell[] = Array(columns.length).fill('');
      line[1] = sheet.section;
      sheet.columns.forEach((column, i) => (line[at.get(column)!] = clean(row[i])));
      lines.push(csvLine(line));
    }
  }
  return csvFile(lines);
}

export const yesNo = (value: boolean) => (value ? 'yes' : 'no');
