import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fullSummary, homeworkItem } from './summary-sample';
import { renderCsv } from '@/lib/exports/csv';
import { RENDERERS } from '@/lib/exports';

// Every spreadsheet the app writes, read back as Excel and a CSV reader read it: exceljs opens the .xlsx,
// csv-parse (RFC 4180) the CSV; nothing is checked by string matching.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-sheets-'));
vi.stubEnv('DATABASE_PATH', path.join(dir, 'sheets.db'));
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Row = Record<string, string>;
const readCsv = (csv: string): Row[] => parse(csv, { bom: true, columns: true, record_delimiter: '\r\n' });

async function readXlsx(bytes: ArrayBuffer | Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as ArrayBuffer);
  const sheets = workbook.worksheets.map((ws) => {
    const values = (ws.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    const [header, ...rows] = values as ExcelJS.CellValue[][];
    return {
      name: ws.name,
      header: header as string[],
      rows: rows.map((r) => Object.fromEntries((header as string[]).map((h, i) => [h, r[i] ?? null]))),
      frozen: ws.views[0]?.state === 'frozen',
      filter: ws.autoFilter,
      pageHeader: ws.headerFooter.oddHeader,
      cell: (row: number, column: number) => ws.getRow(row).getCell(column),
    };
  });
  return { workbook, sheets, sheet: (name: string) => sheets.find((s) => s.name === name)! };
}

const HOSTILE = '=HYPERLINK("http://evil.example","click")';

describe('the round summary as a spreadsheet', () => {
  const summary = fullSummary({
    negotiation: { id: 1, name: 'Russia–Ukraine peace talks', marking: 'TLP:AMBER' },
    homeworkDue: [homeworkItem({ id: 9, title: HOSTILE, owners: ['Russia'] })],
  });

  it('has a sheet each of positions, homework and outcomes in .xlsx, each row marked', async () => {
    const { workbook, sheets, sheet } = await readXlsx((await RENDERERS.xlsx(summary, { author: 'Ana Analyst' })) as Buffer);
    expect(sheets.map((s) => s.name)).toEqual(['Positions', 'Homework', 'Outcomes']);
    expect([workbook.title, workbook.creator]).toEqual(['Russia–Ukraine peace talks — Abu Dhabi round 2 — summary', 'Ana Analyst']);
    expect(sheet('Positions').rows.map((r) => [r.issue, r.party])).toEqual([
      ['Donbas status', 'Russia'],
      ['Donbas status', 'Ukraine'],
      ['Donbas status', 'United States'],
      ['Military-to-military dialogue', null],
    ]);
    expect(sheet('Homework').rows.map((r) => [r.homework, r.homework_at_this_round])).toEqual([
      ...summary.homeworkAssigned.map((h) => [h.title, 'assigned']),
      [HOSTILE, 'due'],
    ]);
    expect(sheet('Outcomes').rows.map((r) => r.outcome)).toEqual(summary.outcomes.map((o) => o.text));
    for (const s of sheets) {
      expect(s.rows.every((r) => r.marking === 'TLP:AMBER')).toBe(true);
      expect(s.pageHeader).toContain('TLP:AMBER');
      expect(s.frozen).toBe(true);
      expect(s.filter).toBeTruthy();
    }
  });

  it('gives days as dates Excel sorts, and what an analyst typed as text, never as a formula', async () => {
    const { sheet } = await readXlsx((await RENDERERS.xlsx(summary, { author: '' })) as Buffer);
    expect(sheet('Positions').rows[0].round_starts_on).toEqual(new Date('2026-02-04T00:00:00Z'));
    const homework = sheet('Homework');
    const cell = homework.cell(homework.rows.length + 1, homework.header.indexOf('homework') + 1);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    expect(cell.value).toBe(HOSTILE);
  });

  it('holds positions, homework and outcomes in its CSV too, each row saying which, formulas neutralised', () => {
    const rows = readCsv(renderCsv(summary));
    const sections = rows.map((r) => r.section);
    expect(sections.filter((s) => s === 'position')).toHaveLength(4);
    expect(sections.filter((s) => s === 'homework')).toHaveLength(summary.homeworkAssigned.length + 1);
    expect(sections.filter((s) => s === 'outcome')).toHaveLength(summary.outcomes.length);
    expect(rows.every((r) => r.marking === 'TLP:AMBER' && r.round === 'Abu Dhabi round 2')).toBe(true);
    const due = rows.find((r) => r.homework_at_this_round === 'due')!;
    expect(due).toMatchObject({ homework: `'${HOSTILE}`, owners: 'Russia', party: '', outcome: '' });
    const outcome = rows.find((r) => r.section === 'outcome')!;
    expect(outcome.outcome).toBe(summary.outcomes[0].text);
    expect(outcome.source_outlet).toBe(summary.outcomes[0].source?.outlet ?? '');
  });
});

describe('the dashboard matrix and the homework board as spreadsheets', () => {
  let matrix: typeof import('@/app/api/dashboard/[file]/route')['GET'];
  let board: typeof import('@/app/api/homework/[file]/route')['GET'];
  let memberToken: string;
  let outsiderToken: string;
  let peaceTalks: number;
  let arms: number;

  beforeAll(async () => {
    const { getDb } = await import('@/server/db');
    const { loadDemoData } = await import('@/db/demo/load');
    const { createApiToken } = await import('@/db/mutations/tokens');
    const { makeMember, makeUser } = await import('./factories');
    const { negotiations } = await import('@/db/schema');
    const db = getDb();
    loadDemoData(db, makeUser(db, 'admin'));
    const member = makeUser(db, 'viewer');
    peaceTalks = makeMember(db, member, 'Russia–Ukraine peace talks (US-mediated)', 'viewer');
    arms = db.select().from(negotiations).all().find((n) => n.id !== peaceTalks)!.id;
    memberToken = createApiToken(db, member, { name: 'sheets', scope: 'read', days: 30 }).token;
    outsiderToken = createApiToken(db, makeUser(db, 'viewer'), { name: 'sheets', scope: 'read', days: 30 }).token;
    ({ GET: matrix } = await import('@/app/api/dashboard/[file]/route'));
    ({ GET: board } = await import('@/app/api/homework/[file]/route'));
  });

  const call = (route: typeof matrix, base: string, file: string, query = '', token = memberToken) =>
    route(new Request(`http://localhost/api/${base}/${file}${query ? `?${query}` : ''}`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ file }),
    });

  it('gives the matrix as .xlsx and CSV with the same rows, one per issue and party, marked', async () => {
    const xlsx = await call(matrix, 'dashboard', 'matrix.xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(xlsx.headers.get('content-disposition')).toMatch(/^attachment; filename="where-every-issue-stands_\d{4}-\d{2}-\d{2}\.xlsx"/);
    const { sheets } = await readXlsx(await xlsx.arrayBuffer());
    const csv = readCsv(await (await call(matrix, 'dashboard', 'matrix.csv')).text());
    expect(sheets).toHaveLength(1);
    expect(sheets[0].rows.map((r) => [r.negotiation, r.issue, r.party ?? ''])).toEqual(csv.map((r) => [r.negotiation, r.issue, r.party]));
    const donbas = csv.filter((r) => r.issue === 'Donbas status');
    expect(donbas.map((r) => r.party)).toEqual(expect.arrayContaining(['Russia', 'Ukraine', 'United States']));
    expect(new Set(donbas.map((r) => r.party)).size).toBe(donbas.length);
    expect(donbas.every((r) => r.marking === 'TLP:AMBER' && r.status === 'deadlocked')).toBe(true);
    expect(donbas.find((r) => r.party === 'Russia')!.stance).not.toBe('');
  });

  it('applies the dashboard’s filters', async () => {
    const all = readCsv(await (await call(matrix, 'dashboard', 'matrix.csv')).text());
    const one = readCsv(await (await call(matrix, 'dashboard', 'matrix.csv', `negotiation=${arms}`)).text());
    expect(new Set(all.map((r) => r.negotiation)).size).toBe(2);
    expect(new Set(one.map((r) => r.negotiation))).toEqual(new Set(['US–Russia strategic stability']));
    const deadlocked = readCsv(await (await call(matrix, 'dashboard', 'matrix.csv', 'status=deadlocked')).text());
    expect(deadlocked.length).toBeGreaterThan(0);
    expect(deadlocked.every((r) => r.status === 'deadlocked')).toBe(true);
  });

  it('gives the homework board with its filters, as .xlsx and CSV', async () => {
    const all = readCsv(await (await call(board, 'homework', 'board.csv')).text());
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((r) => r.marking !== undefined && r.homework !== '')).toBe(true);
    const openInPeaceTalks = readCsv(await (await call(board, 'homework', 'board.csv', `negotiation=${peaceTalks}&status=open`)).text());
    expect(openInPeaceTalks.length).toBeGreaterThan(0);
    expect(openInPeaceTalks.length).toBeLessThan(all.length);
    expect(openInPeaceTalks.every((r) => r.negotiation === 'Russia–Ukraine peace talks (US-mediated)' && r.status === 'open')).toBe(true);
    const { sheets } = await readXlsx(await (await call(board, 'homework', 'board.xlsx', `negotiation=${peaceTalks}&status=open`)).arrayBuffer());
    expect(sheets[0].rows.map((r) => r.homework)).toEqual(openInPeaceTalks.map((r) => r.homework));
  });

  it('holds nothing of a negotiation the reader may not know of', async () => {
    const matrixRows = readCsv(await (await call(matrix, 'dashboard', 'matrix.csv', '', outsiderToken)).text());
    expect(matrixRows.length).toBeGreaterThan(0);
    expect(matrixRows.every((r) => r.negotiation === 'US–Russia strategic stability')).toBe(true);
    const boardRows = readCsv(await (await call(board, 'homework', 'board.csv', `negotiation=${peaceTalks}`, outsiderToken)).text());
    expect(boardRows).toEqual([]);
  });

  it('refuses a file it does not make', async () => {
    expect((await call(matrix, 'dashboard', 'matrix.pdf')).status).toBe(400);
    expect((await call(board, 'homework', 'matrix.csv')).status).toBe(400);
  });
});
