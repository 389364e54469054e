// A negotiation dated as its reports date it (issue 15.3, issue 17.3): a round known only as "May 2025",
// a round "in the coming weeks" whose window has long passed, homework due "late 2025", an update of
// "late 2025", a source published "about" a day. Read in every view as an analyst would, ten months on;
// and the interchange of version 2 still imports, meaning what it meant.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb, makeUser } from './factories';
import { MIGRATIONS_FOLDER, openDatabase, type DB } from '@/db';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { createHomework } from '@/db/mutations/homework';
import { wholeInstance } from '@/db/queries/access';
import { countOverdueHomework, overdueHomework } from '@/db/queries/attention';
import { listDeadlines } from '@/db/queries/deadlines';
import { exportNegotiationJson } from '@/db/queries/export-negotiation';
import { homeworkCounts, listHomework } from '@/db/queries/homework';
import { getRoundPage } from '@/db/queries/rounds';
import { roundSummary } from '@/db/queries/round-summary';
import { timeline } from '@/db/queries/timeline';
import { rounds, citedSources, updates } from '@/db/schema';
import { parse } from 'csv-parse/sync';
import { renderCsv } from '@/lib/exports/csv';
import { registerSearchForms } from '@/db/search-forms';
import { renderDocx } from '@/lib/exports/docx';
import { renderJson } from '@/lib/exports/json';
import { renderMarkdown } from '@/lib/exports/markdown';
import { renderPdf } from '@/lib/exports/pdf';
import { toICalendar } from '@/lib/ical';
import type { NegotiationDocument } from '@/lib/interchange/schema';
import { validateDocument } from '@/lib/interchange/validate';
import { HomeworkSchema } from '@/lib/validation/homework';
import { RoundSchema } from '@/lib/validation/rounds';

vi.setConfig({ testTimeout: 90_000 });

// Ten months after the report that said "in the coming weeks".
const TODAY = '2026-12-01';
const LATER_HOMEWORK = 'Draft of the prisoner list';
const ROUND_HOMEWORK = 'Maps of the line of contact';
const YEAR_HOMEWORK = 'Guarantee text';

/** Generated, not the demo: every date as vague as a report would give it. */
function vagueTalks(): NegotiationDocument {
  return {
    format: 'negotiation-tracker/negotiation',
    version: 4,
    negotiation: { name: 'Caucasus corridor talks', description: 'Generated: dates as vague as the reports.' },
    parties: [
      { key: 'party:AM', name: 'Armenia', shortName: 'AM', description: '', role: 'party', note: '' },
      { key: 'party:AZ', name: 'Azerbaijan', shortName: 'AZ', description: '', role: 'party', note: '' },
    ],
    actors: [],
    outlets: [],
    sources: [
      {
        key: 'source:1',
        outlet: 'Reuters',
        title: 'Talks to resume',
        url: null,
        publishedOn: { date: '2026-01-10', precision: 'approx' },
        quote: 'a new round in the coming weeks',
        reliability: 'B',
        credibility: 2,
        cites: null,
      },
    ],
    issues: [{ key: 'issue:1', title: 'Corridor access', description: '', status: 'under_discussion', priority: 'high', keyDate: null, keyDateLabel: '', sortOrder: 0 }],
    rounds: [
      {
        key: 'round:1',
        sequence: 1,
        name: 'Alma-Ata round',
        venue: 'Almaty',
        startsOn: { date: '2025-05-01', precision: 'month' },
        endsOn: null,
        approxDate: '',
        format: 'direct',
        status: 'held',
        summary: '',
        agenda: ['issue:1'],
        delegations: [],
        outcomes: [],
      },
      {
        key: 'round:2',
        sequence: 2,
        name: 'Next round',
        venue: '',
        startsOn: { date: '2026-01-10', precision: 'approx', label: 'in the coming weeks' },
        endsOn: null,
        approxDate: '',
        format: 'direct',
        status: 'planned',
        summary: '',
        agenda: ['issue:1'],
        delegations: [],
        outcomes: [],
      },
    ],
    updates: [
      {
        key: 'update:1',
        occurredOn: { date: '2025-09-01', precision: 'late' },
        occurredTime: null,
        body: 'Working groups met on corridor access',
        round: null,
        issues: ['issue:1'],
        parties: ['party:AM', 'party:AZ'],
        actors: [],
        sources: ['source:1'],
      },
    ],
    positions: [],
    statusChanges: [],
    homework: [
      {
        title: ROUND_HOMEWORK,
        description: '',
        issue: 'issue:1',
        assignedRound: 'round:1',
        dueRound: 'round:2',
        dueOn: null,
        status: 'open',
        resolution: '',
        vague: false,
        owners: ['party:AM', 'party:AZ'],
      },
      {
        title: LATER_HOMEWORK,
        description: '',
        issue: 'issue:1',
        assignedRound: 'round:1',
        dueRound: null,
        dueOn: { date: '2025-09-01', precision: 'late' },
        status: 'in_progress',
        resolution: '',
        vague: false,
        owners: ['party:AZ'],
      },
    ],
    corroborations: [],
    convergence: [],
  };
}

async function pdfText(buffer: Buffer): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(buffer)), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

async function docxText(buffer: Buffer): Promise<string> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  return xml.replace(/<w:p[ >]/g, ' $&').replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
}

let db: DB;
let negotiationId: number;
const roundId = (name: string) => db.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.negotiationId, negotiationId), eq(rounds.name, name))).get()!.id;
const ESTIMATED = 'overdue (estimated)';

beforeAll(() => {
  db = freshDb();
  const parsed = validateDocument(vagueTalks());
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  negotiationId = importNegotiation(db, makeUser(db, 'admin'), parsed.document).id;
});

describe('a negotiation dated as vaguely as its reports', () => {
  it('keeps each date as reported: no invented day', () => {
    expect(db.select({ name: rounds.name, on: rounds.startsOn, precision: rounds.startsOnPrecision, until: rounds.startsOnUntil }).from(rounds).where(eq(rounds.negotiationId, negotiationId)).all()).toEqual([
      { name: 'Alma-Ata round', on: '2025-05-01', precision: 'month', until: '2025-05-31' },
      { name: 'Next round', on: '2026-01-10', precision: 'approx', until: '2026-02-21' },
    ]);
    expect(db.select({ precision: updates.occurredOnPrecision }).from(updates).where(eq(updates.negotiationId, negotiationId)).get()).toEqual({ precision: 'late' });
  });

  it('shows the round pages with their dates as reported, and the homework due at the passed window as overdue (estimated)', () => {
    const held = getRoundPage(db, wholeInstance(db), roundId('Alma-Ata round'), TODAY)!;
    expect(held.round).toMatchObject({ startsOn: '2025-05-01', startsOnPrecision: 'month' });
    const next = getRoundPage(db, wholeInstance(db), roundId('Next round'), TODAY)!;
    expect(next.homeworkDue.map((h) => [h.title, h.state, h.overdue])).toEqual([[ROUND_HOMEWORK, 'overdue_estimated', true]]);
    // Before the window's end nothing is overdue yet.
    expect(getRoundPage(db, wholeInstance(db), roundId('Next round'), '2026-02-21')!.homeworkDue.map((h) => h.state)).toEqual(['open']);
  });

  it('lists both items overdue (estimated) on the board, the negotiation page and the dashboard, the earliest window first', () => {
    const board = listHomework(db, wholeInstance(db), { negotiationId, status: 'overdue' }, TODAY);
    expect(board.map((h) => [h.title, h.state])).toEqual([
      [LATER_HOMEWORK, 'overdue_estimated'],
      [ROUND_HOMEWORK, 'overdue_estimated'],
    ]);
    expect(homeworkCounts(db, wholeInstance(db), negotiationId, TODAY)).toMatchObject({ open: 2, overdue: 2 });
    expect(countOverdueHomework(db, wholeInstance(db), TODAY, negotiationId)).toBe(2);
    // Sorted by the end of each window: late 2025 (31 Dec) before "in the coming weeks" of 10 Jan 2026 (21 Feb).
    expect(overdueHomework(db, wholeInstance(db), TODAY, negotiationId).map((h) => [h.title, h.estimated])).toEqual([
      [LATER_HOMEWORK, true],
      [ROUND_HOMEWORK, true],
    ]);
  });

  it('keeps the passed windows in the deadlines as overdue (estimated), sorted by their end, and spans them in the calendar', () => {
    const deadlines = listDeadlines(db, wholeInstance(db), TODAY).filter((d) => d.negotiationId === negotiationId);
    expect(deadlines.map((d) => [d.kind, d.when, d.until, d.estimated])).toEqual([
      ['homework', 'late 2025', '2025-12-31', true],
      ['homework', 'in the coming weeks (est. by 21 Feb 2026)', '2026-02-21', true],
      ['round', 'in the coming weeks (est. by 21 Feb 2026)', '2026-02-21', true],
    ]);
    const ics = toICalendar('Deadlines', [{ uid: 'h', date: deadlines[0].date!, until: deadlines[0].until!, summary: 'x', description: 'y' }], 'localhost');
    expect(ics).toContain('DTSTART;VALUE=DATE:20250901\r\nDTEND;VALUE=DATE:20260101');
  });

  it('words the dates as reported and the passed window as overdue (estimated) in every summary format', async () => {
    const summary = roundSummary(db, wholeInstance(db), roundId('Alma-Ata round'), TODAY)!;
    expect(summary.homeworkAssigned.map((h) => [h.title, h.state])).toEqual([
      [ROUND_HOMEWORK, 'overdue_estimated'],
      [LATER_HOMEWORK, 'overdue_estimated'],
    ]);
    const markdown = renderMarkdown(summary);
    expect(markdown).toContain('- **Dates:** May 2025');
    expect(markdown).toContain(`**${ROUND_HOMEWORK}** — owners: Armenia, Azerbaijan; issue: Corridor access; assigned at Alma-Ata round; due: Next round, in the coming weeks (est. by 21 Feb 2026); state: ${ESTIMATED}`);
    expect(markdown).toContain(`due: late 2025; state: ${ESTIMATED}`);
    // The update of late 2025 happened within the round's window ("May 2025" ended 31 May): it is not one of its key updates.
    expect(summary.keyUpdates).toEqual([]);
    const pdf = await pdfText(await renderPdf(summary));
    expect(pdf).toContain('May 2025');
    expect(pdf).toMatch(new RegExp(`${ROUND_HOMEWORK} \\[OVERDUE \\(ESTIMATED\\)\\].*state: overdue \\(estimated\\)`));
    const docx = await docxText(await renderDocx(summary));
    expect(docx).toContain('May 2025');
    expect(docx).toMatch(new RegExp(`${ROUND_HOMEWORK} OVERDUE \\(ESTIMATED\\).*state: overdue \\(estimated\\)`));
    const json = JSON.parse(renderJson(summary));
    expect(json.round).toMatchObject({ startsOn: '2025-05-01', startsOnPrecision: 'month' });
    expect(json.homeworkAssigned[1]).toMatchObject({ dueOn: '2025-09-01', dueOnPrecision: 'late', overdue: true, state: 'overdue_estimated' });
    const [firstRow] = parse(renderCsv(summary), { bom: true, columns: true }) as Record<string, string>[];
    expect(firstRow.round_dates).toBe('May 2025');
  });

  it('cites the source published about a day with "(approx.)" in the summary and the timeline', () => {
    const summary = roundSummary(db, wholeInstance(db), roundId('Next round'), TODAY)!;
    expect(summary.round).toMatchObject({ startsOnPrecision: 'approx', startsOnLabel: 'in the coming weeks' });
    expect(renderMarkdown(summary)).toContain('- **Dates:** in the coming weeks (est. by 21 Feb 2026)');
    const events = timeline(db, wholeInstance(db), { negotiationId });
    const update = events.find((e) => e.kind === 'update')!;
    expect(update.when).toBe('late 2025');
    expect(update.citations[0]).toMatchObject({ sourcePublishedOn: '2026-01-10', sourcePublishedOnPrecision: 'approx' });
  });

  it('exports every date as precisely as stored, and the export imports as the same document', () => {
    const exported = JSON.parse(exportNegotiationJson(db, wholeInstance(db), negotiationId, new Date('2026-12-01T00:00:00Z'))!) as NegotiationDocument;
    expect(exported.version).toBe(4);
    expect(exported.rounds.map((r) => r.startsOn)).toEqual([
      { date: '2025-05-01', precision: 'month' },
      { date: '2026-01-10', precision: 'approx', label: 'in the coming weeks' },
    ]);
    expect(exported.updates[0].occurredOn).toEqual({ date: '2025-09-01', precision: 'late' });
    expect(exported.homework.map((h) => h.dueOn)).toEqual([null, { date: '2025-09-01', precision: 'late' }]);
    expect(exported.sources[0].publishedOn).toEqual({ date: '2026-01-10', precision: 'approx' });
    const again = freshDb();
    const parsed = validateDocument(exported);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const id = importNegotiation(again, makeUser(again, 'admin'), parsed.document).id;
    expect(JSON.parse(exportNegotiationJson(again, wholeInstance(again), id, new Date('2026-12-01T00:00:00Z'))!)).toEqual(exported);
  });
});

describe('the forms', () => {
  it('take a date as an analyst says it, and refuse what is no date with one message beside the field', () => {
    const round = RoundSchema.safeParse({ negotiationId: '1', name: 'Round 4', startsOn: 'May 2025', format: 'direct', status: 'planned' });
    expect(round.success && round.data).toMatchObject({ startsOn: '2025-05-01', startsOnPrecision: 'month', startsOnLabel: '' });
    const bad = RoundSchema.safeParse({ negotiationId: '1', name: 'Round 4', startsOn: 'sometime', format: 'direct', status: 'planned' });
    expect(bad.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['startsOn', expect.stringMatching(/^Not a date we can read\. Write a day \(5 May 2025\)/)]]);
    const homework = HomeworkSchema.parse({ negotiationId: '1', title: 'x', ownerPartyIds: '1', dueOn: 'in the coming weeks (from 10 Jan 2026)', status: 'open' });
    expect(homework).toMatchObject({ dueOn: '2026-01-10', dueOnPrecision: 'approx', dueOnLabel: 'in the coming weeks' });
  });

  it('refuse "May 2025" as due before a round of 10 May only when the whole month is', () => {
    const fresh = freshDb();
    const analyst = makeUser(fresh, 'admin');
    const parsed = validateDocument(vagueTalks());
    if (!parsed.ok) throw new Error('invalid');
    const id = importNegotiation(fresh, analyst, parsed.document).id;
    const held = fresh.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.negotiationId, id), eq(rounds.sequence, 1))).get()!.id;
    fresh.update(rounds).set({ endsOn: '2025-05-10' }).where(eq(rounds.id, held)).run();
    const item = (dueOn: string) => ({ ...HomeworkSchema.parse({ negotiationId: String(id), title: YEAR_HOMEWORK, ownerPartyIds: '1', assignedRoundId: String(held), dueOn, status: 'open' }) });
    expect(() => createHomework(fresh, analyst, item('May 2025'))).not.toThrow();
    expect(() => createHomework(fresh, analyst, item('April 2025'))).toThrow(/before the round that assigned/);
  });
});

describe('the interchange of version 2', () => {
  // The demo's Russia–Ukraine talks as the version 2 tracker exported them (tests/fixtures/russia-ukraine-v2.json).
  const v2 = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'russia-ukraine-v2.json'), 'utf8'));

  it('still imports unchanged: a round planned in words counted from the latest news, a source "approx." kept approximate', () => {
    expect(v2.version).toBe(2);
    const parsed = validateDocument(v2);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(parsed.document.version).toBe(4);
    const fresh = freshDb();
    const id = importNegotiation(fresh, makeUser(fresh, 'admin'), parsed.document).id;
    const round3 = fresh.select().from(rounds).where(and(eq(rounds.negotiationId, id), eq(rounds.name, 'Round 3'))).get()!;
    expect(round3).toMatchObject({ startsOn: '2026-02-05', startsOnPrecision: 'approx', startsOnLabel: 'in the coming weeks', startsOnUntil: '2026-03-19', approxDate: '' });
    const abuDhabi1 = fresh.select().from(rounds).where(and(eq(rounds.negotiationId, id), eq(rounds.name, 'Abu Dhabi round 1'))).get()!;
    expect(abuDhabi1).toMatchObject({ startsOn: '2026-01-23', startsOnPrecision: 'day', approxDate: 'late January 2026 (dates approximate)' });
    const approx = fresh.select({ precision: citedSources.publishedOnPrecision }).from(citedSources).all().filter((s) => s.precision === 'approx');
    expect(approx).toHaveLength(v2.sources.filter((s: { publishedOnApprox: boolean }) => s.publishedOnApprox).length);
    // Everything else reads as before: the same records, the same days.
    const exported = JSON.parse(exportNegotiationJson(fresh, wholeInstance(fresh), id)!) as NegotiationDocument;
    expect(exported.updates.map((u) => u.occurredOn)).toEqual(v2.updates.map((u: { occurredOn: string }) => u.occurredOn));
    expect(exported.positions).toEqual(v2.positions);
    expect(exported.homework.map((h) => h.title)).toEqual(v2.homework.map((h: { title: string }) => h.title));
    // Ten months on, its homework due at round 3 reads overdue (estimated).
    expect(listHomework(fresh, wholeInstance(fresh), { dueRoundId: round3.id }, TODAY).map((h) => h.state)).toEqual(['overdue_estimated', 'overdue_estimated', 'overdue_estimated', 'overdue_estimated']);
  });
});

describe('migration 0012', () => {
  it('carries rounds planned in words and approximate sources over to the precision they meant', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-migrations-'));
    fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
    const journalFile = path.join(dir, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === '0012_partial_dates'));
    fs.writeFileSync(journalFile, JSON.stringify(journal));
    const file = path.join(dir, 'old.db');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    registerSearchForms(old);
    migrate(drizzle(old), { migrationsFolder: dir });
    old.exec(`
      INSERT INTO users (email, name, role, password_hash) VALUES ('old@example.org', 'Old Analyst', 'analyst', 'scrypt$x');
      INSERT INTO negotiations (name, description, created_by) VALUES ('Old talks', '', 1);
      INSERT INTO rounds (negotiation_id, sequence, name, starts_on, approx_date, format, status, created_at)
        VALUES (1, 1, 'Held', '2026-01-23', 'late January (dates approximate)', 'direct', 'held', '2026-01-20T10:00:00Z'),
               (1, 2, 'Planned', NULL, 'In the coming weeks', 'direct', 'planned', '2026-02-05T10:00:00Z'),
               (1, 3, 'Someday', NULL, 'after the elections', 'direct', 'planned', '2026-02-06T10:00:00Z'),
               (1, 4, 'Undated', NULL, '', 'direct', 'planned', '2026-02-06T10:00:00Z');
      INSERT INTO sources (outlet, published_on, published_on_approx) VALUES ('FT', '2026-02-05', 1), ('TASS', '2026-02-04', 0), ('Axios', NULL, 1);
      INSERT INTO homework (negotiation_id, title, due_on) VALUES (1, 'Dated', '2026-03-01');
    `);
    old.close();
    const sqlite = openDatabase(file).$client;
    expect(sqlite.prepare(`SELECT name, starts_on, starts_on_precision, starts_on_label, starts_on_until, approx_date FROM rounds ORDER BY id`).all()).toEqual([
      { name: 'Held', starts_on: '2026-01-23', starts_on_precision: 'day', starts_on_label: '', starts_on_until: '2026-01-23', approx_date: 'late January (dates approximate)' },
      { name: 'Planned', starts_on: '2026-02-05', starts_on_precision: 'approx', starts_on_label: 'In the coming weeks', starts_on_until: '2026-03-19', approx_date: '' },
      { name: 'Someday', starts_on: '2026-02-06', starts_on_precision: 'approx', starts_on_label: 'after the elections', starts_on_until: '2026-02-06', approx_date: '' },
      { name: 'Undated', starts_on: null, starts_on_precision: 'day', starts_on_label: '', starts_on_until: null, approx_date: '' },
    ]);
    expect(sqlite.prepare(`SELECT outlet, published_on, published_on_precision FROM cited_sources ORDER BY id`).all()).toEqual([
      { outlet: 'FT', published_on: '2026-02-05', published_on_precision: 'approx' },
      { outlet: 'TASS', published_on: '2026-02-04', published_on_precision: 'day' },
      { outlet: 'Axios', published_on: null, published_on_precision: 'day' },
    ]);
    expect(sqlite.prepare(`SELECT due_on, due_on_precision, due_on_until FROM homework`).all()).toEqual([{ due_on: '2026-03-01', due_on_precision: 'day', due_on_until: '2026-03-01' }]);
  });
});
