import { parse } from 'csv-parse/sync';
import { RELIABILITIES, type Reliability } from '@/lib/domain';
import type { NewArticleSource as NewSource } from '@/lib/validation/sources';

// A spreadsheet of updates, one per row: checked whole before anything is written.

export const CSV_COLUMNS = ['date', 'text', 'issue', 'party', 'source_outlet', 'source_url', 'quote'] as const;
export const CSV_OPTIONAL_COLUMNS = ['reliability', 'credibility', 'source_title'] as const;

export type CsvContext = {
  issues: { id: number; title: string }[];
  parties: { id: number; name: string; shortName: string }[];
};

export type UpdateRow = {
  row: number;
  occurredOn: string;
  body: string;
  issueIds: number[];
  partyIds: number[];
  source: NewSource;
};

export type CsvResult = { ok: true; rows: UpdateRow[] } | { ok: false; errors: string[] };

const MAX_ERRORS = 100;
const MAX_ROWS = 5000;

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

const norm = (s: string) => s.trim().toLocaleLowerCase();
/** Several issues or parties in one cell are separated by semicolons. */
const cellList = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * Parses and checks every row. Rows are numbered as in the spreadsheet: the header is row 1.
 * Returns all the rows when every one passes, else every error found (up to 100).
 */
export function parseUpdatesCsv(text: string, context: CsvContext): CsvResult {
  let records: string[][];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (error) {
    return { ok: false, errors: [`The file is not valid CSV: ${(error as Error).message}`] };
  }
  if (records.length === 0) return { ok: false, errors: ['The file is empty.'] };
  const header = records[0].map((h) => norm(h).replace(/\s+/g, '_'));
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) return { ok: false, errors: [`Row 1: the header lacks the column(s) ${missing.join(', ')}. Expected: ${CSV_COLUMNS.join(',')}.`] };
  const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h) && !(CSV_OPTIONAL_COLUMNS as readonly string[]).includes(h));
  if (unknown.length) return { ok: false, errors: [`Row 1: unknown column(s) ${unknown.join(', ')}.`] };
  if (records.length === 1) return { ok: false, errors: ['The file has a header but no rows.'] };
  if (records.length - 1 > MAX_ROWS) return { ok: false, errors: [`The file has ${records.length - 1} rows; at most ${MAX_ROWS} can be imported at once.`] };

  const issueBy = new Map(context.issues.map((i) => [norm(i.title), i.id]));
  const partyBy = new Map<string, number>();
  for (const p of context.parties) {
    partyBy.set(norm(p.name), p.id);
    partyBy.set(norm(p.shortName), p.id);
  }

  const errors: string[] = [];
  const rows: UpdateRow[] = [];
  records.slice(1).forEach((record, index) => {
    const row = index + 2;
    const cell = (name: string) => {
      const at = header.indexOf(name);
      return at >= 0 ? (record[at] ?? '').trim() : '';
    };
    const problems: string[] = [];
    const date = cell('date');
    if (!date) problems.push('date is missing');
    else if (!isRealDate(date)) problems.push(`date '${date}' is not a real date (YYYY-MM-DD)`);
    const body = cell('text');
    if (!body) problems.push('text is missing');
    else if (body.length > 20000) problems.push('text is longer than 20000 characters');

    const issueIds: number[] = [];
    for (const name of cellList(cell('issue'))) {
      const id = issueBy.get(norm(name));
      if (id === undefined) problems.push(`issue '${name}' is not in this negotiation`);
      else if (!issueIds.includes(id)) issueIds.push(id);
    }
    const partyIds: number[] = [];
    for (const name of cellList(cell('party'))) {
      const id = partyBy.get(norm(name));
      if (id === undefined) problems.push(`party '${name}' is not at the table in this negotiation`);
      else if (!partyIds.includes(id)) partyIds.push(id);
    }

    const outlet = cell('source_outlet');
    if (!outlet) problems.push('source_outlet is missing (every update needs its source)');
    else if (outlet.length > 200) problems.push('source_outlet is longer than 200 characters');
    const url = cell('source_url');
    if (url && !isHttpUrl(url)) problems.push(`source_url '${url}' is not an http:// or https:// address`);
    const quote = cell('quote');
    if (quote.length > 5000) problems.push('quote is longer than 5000 characters');
    const reliability = (cell('reliability').toUpperCase() || 'F') as Reliability;
    if (!RELIABILITIES.includes(reliability)) problems.push(`reliability '${cell('reliability')}' is not one of A–F`);
    const credibilityText = cell('credibility') || '6';
    const credibility = Number(credibilityText);
    if (!/^[1-6]$/.test(credibilityText)) problems.push(`credibility '${credibilityText}' is not a number from 1 to 6`);

    if (problems.length) {
      for (const p of problems) errors.push(`Row ${row}: ${p}.`);
      return;
    }
    rows.push({
      row,
      occurredOn: date,
      body,
      issueIds,
      partyIds,
      source: { outlet, title: cell('source_title'), url: url || null, publishedOn: null, quote, reliability, credibility },
    });
  });
  if (errors.length) {
    const shown = errors.slice(0, MAX_ERRORS);
    if (errors.length > MAX_ERRORS) shown.push(`…and ${errors.length - MAX_ERRORS} more errors.`);
    return { ok: false, errors: shown };
  }
  return { ok: true, rows };
}
