import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { roundSummary } from '@/db/queries/round-summary';
import type { RoundSummary } from '@/lib/round-summary/types';
import { homework, issues, positions, updates } from '@/db/schema';
import { parse } from 'csv-parse/sync';
import { csvField, neutraliseCell, renderCsv } from '@/lib/exports/csv';
import { renderDocx } from '@/lib/exports/docx';
import { contentDisposition, summaryFileName } from '@/lib/exports/filename';
import { parseSummaryFileName } from '@/lib/exports/formats';
import { renderJson } from '@/lib/exports/json';
import { escapeMarkdown, renderMarkdown, safeMarkdownBody } from '@/lib/exports/markdown';
import { renderPdf, warmUp } from '@/lib/exports/pdf';
import { FIXTURE_TODAY, demoDb, demoRoundId, demoSummary } from './summary-demo';
import { wholeInstance } from '@/db/queries/access';

// Rendering and reading back a PDF is slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 90_000 });

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

const HOMEWORK_TITLES = [
  'A list of homework to take back to Kyiv, Moscow and Washington',
  'Withdrawal mechanics',
  'Monitoring arrangements for a ceasefire',
  'Practical implementation of a ceasefire',
  'Prepare a prisoner exchange',
];

async function pdfText(buffer: Buffer): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(buffer));
  const { text } = await extractText(pdf, { mergePages: true });
  // Lines wrap wherever the page ends: compare words, not layout.
  return text.replace(/\s+/g, ' ');
}

async function docxText(buffer: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml;
}

const xmlText = (xml: string) =>
  xml
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

describe('round summary of the demo Abu Dhabi round 2', () => {
  let summary: RoundSummary;
  beforeAll(() => {
    summary = demoSummary();
  });

  it('holds the facts, the status moves, the positions, the homework and the key dates', () => {
    expect(summary.round).toMatchObject({ name: 'Abu Dhabi round 2', venue: 'Abu Dhabi', format: 'trilateral', status: 'held', startsOn: '2026-02-04', endsOn: '2026-02-05' });
    expect(summary.delegations).toEqual([{ partyName: 'United States', partyShort: 'US', head: 'Steve Witkoff (with Jared Kushner)' }]);
    const byTitle = new Map(summary.issues.map((i) => [i.title, i]));
    expect([...byTitle.keys()]).toEqual(['Donbas status', 'Security guarantees', 'Ceasefire monitoring', 'Prisoner exchanges', 'Military-to-military dialogue']);
    expect(byTitle.get('Donbas status')).toMatchObject({ statusBefore: 'under_discussion', statusAfter: 'deadlocked', statusChanged: true });
    expect(byTitle.get('Prisoner exchanges')).toMatchObject({ statusBefore: 'under_discussion', statusAfter: 'agreed' });
    expect(byTitle.get('Security guarantees')).toMatchObject({ statusChanged: false });
    expect(byTitle.get('Military-to-military dialogue')).toMatchObject({ statusBefore: 'proposed', statusBeforeIsFirstRecorded: true, statusAfter: 'agreed', otherNegotiation: true });
    const russiaOnDonbas = byTitle.get('Donbas status')!.positions.find((p) => p.partyShort === 'RU')!.position!;
    expect(russiaOnDonbas).toMatchObject({ stance: 'opposes', atThisRound: true, change: 'First recorded position.' });
    expect(russiaOnDonbas.source).toMatchObject({ outlet: 'El País', citedOutlet: 'TASS', reliability: 'B', credibility: 3 });
    expect(summary.homeworkAssigned.map((h) => h.title)).toEqual(HOMEWORK_TITLES.slice(0, 4));
    expect(summary.homeworkDue).toMatchObject([{ title: 'Prepare a prisoner exchange', state: 'delivered', dueRound: 'Abu Dhabi round 2' }]);
    expect(summary.outcomes.map((o) => o.text)).toContain('Agreement between Russia and Ukraine to exchange 314 prisoners of war (FT).');
    expect(summary.keyUpdates.some((u) => u.body.includes('nonsense') && u.sources.some((s) => s.citedOutlet === 'RT'))).toBe(true);
    expect(summary.keyDates.map((k) => [k.label, k.daysFromToday])).toEqual([
      ['New START expires', -102],
      ['End of the reported six-month good-faith observance', 79],
    ]);
  });

  it('describes what moved when a position changed across the round', () => {
    const db = demoDb();
    const roundId = demoRoundId(db);
    const donbas = db.select().from(issues).where(eq(issues.title, 'Donbas status')).get()!;
    const ru = db.select().from(positions).where(eq(positions.issueId, donbas.id)).all().find((p) => p.stance === 'opposes' && p.redLines.startsWith('Ukrainian'))!;
    // An earlier Russian position, in force before the round started.
    db.insert(positions).values({ issueId: donbas.id, partyId: ru.partyId, summary: 'Open to talks', stance: 'conditional', flexibility: 'low', asOf: '2026-01-20', isCurrent: false }).run();
    const after = roundSummary(db, wholeInstance(db), roundId, FIXTURE_TODAY)!;
    const row = after.issues.find((i) => i.id === donbas.id)!.positions.find((p) => p.partyId === ru.partyId)!;
    expect(row.position!.change).toBe('Stance conditional → opposes; flexibility low → rigid; summary revised; red lines revised.');
    // Before the round, the same issue shows the earlier version as the one in force at Abu Dhabi 1.
    const ad1 = roundSummary(db, wholeInstance(db), demoRoundId(db, 'Abu Dhabi round 1'), FIXTURE_TODAY)!;
    expect(ad1.issues.find((i) => i.id === donbas.id)!.positions.find((p) => p.partyId === ru.partyId)!.position!.summary).toBe('Open to talks');
  });

  it('marks homework overdue once its due round was held without delivery', () => {
    const db = demoDb();
    const roundId = demoRoundId(db);
    db.update(homework).set({ status: 'open' }).where(eq(homework.title, 'Prepare a prisoner exchange')).run();
    const s = roundSummary(db, wholeInstance(db), roundId, FIXTURE_TODAY)!;
    expect(s.homeworkDue[0]).toMatchObject({ overdue: true, state: 'overdue' });
    expect(renderMarkdown(s)).toContain('state: overdue');
  });

  it('summarises a planned round without dates: current statuses, key dates from today', async () => {
    const db = demoDb();
    const planned = roundSummary(db, wholeInstance(db), demoRoundId(db, 'Round 3'), FIXTURE_TODAY)!;
    expect(planned.round).toMatchObject({ status: 'planned', startsOn: '2026-02-05', startsOnPrecision: 'approx', startsOnLabel: 'in the coming weeks' });
    expect(planned.issues.map((i) => [i.title, i.statusAfter])).toEqual([
      ['Donbas status', 'deadlocked'],
      ['Security guarantees', 'under_discussion'],
      ['Ceasefire monitoring', 'under_discussion'],
    ]);
    expect(planned.homeworkDue.map((h) => h.title)).toContain('Withdrawal mechanics');
    expect(planned.keyDatesFrom).toBe(FIXTURE_TODAY);
    // Only the negotiation's own issues are on its agenda, and none of them has a key date.
    expect(planned.keyDates).toEqual([]);
    expect(renderMarkdown(planned)).toContain('- **Dates:** in the coming weeks (est. by 19 Mar 2026)');
    expect((await renderPdf(planned)).length).toBeGreaterThan(1000);
    const sections = (parse(renderCsv(planned), { bom: true, columns: true }) as { section: string }[]).map((r) => r.section);
    expect(sections.filter((s) => s === 'position')).toHaveLength(3 * 3);
    expect(sections.filter((s) => s === 'homework')).toHaveLength(planned.homeworkAssigned.length + planned.homeworkDue.length);
  });

  it('is undefined for an unknown round', () => {
    const db = demoDb();
    expect(roundSummary(db, wholeInstance(db), 99999, FIXTURE_TODAY)).toBeUndefined();
  });

  it('renders Markdown matching the reviewed fixture', () => {
    expect(renderMarkdown(summary)).toBe(fixture('abu-dhabi-2.md'));
  });

  it('renders CSV matching the reviewed fixture: one row per issue and party, each homework item and each outcome', () => {
    const csv = renderCsv(summary);
    expect(csv).toBe(fixture('abu-dhabi-2.csv'));
    const sections = (parse(csv, { bom: true, columns: true }) as { section: string }[]).map((r) => r.section);
    expect(sections.filter((s) => s === 'position')).toHaveLength(summary.issues.reduce((n, i) => n + i.positions.length, 0));
    expect(sections.filter((s) => s === 'homework')).toHaveLength(summary.homeworkAssigned.length + summary.homeworkDue.length);
    expect(sections.filter((s) => s === 'outcome')).toHaveLength(summary.outcomes.length);
  });

  it('renders a PDF whose text holds the issues and the homework', async () => {
    const pdf = await renderPdf(summary);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    for (const needle of ['Round summary: Abu Dhabi round 2', 'Donbas status', 'Security guarantees', 'Ceasefire monitoring', ...HOMEWORK_TITLES, 'New START expires'])
      expect(text).toContain(needle);
    expect(text).toContain('under discussion → deadlocked');
  });

  it('renders the same PDF text again with the fonts parsed once and shared between documents', async () => {
    const [first, second] = await Promise.all([renderPdf(summary), renderPdf(summary)]);
    const [a, b] = await Promise.all([pdfText(first), pdfText(second)]);
    expect(b).toBe(a);
    expect(second.toString('latin1')).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
  });

  it('warms up at server start by parsing the fonts every later document shares (instrumentation.ts)', async () => {
    delete (globalThis as { trackerPdfFonts?: unknown }).trackerPdfFonts;
    await warmUp();
    const fonts = (globalThis as { trackerPdfFonts?: Record<string, unknown> }).trackerPdfFonts;
    expect(Object.keys(fonts ?? {}).sort()).toEqual(['body', 'bold', 'italic']);
    const text = await pdfText(await renderPdf(summary));
    expect(text).toContain('Donbas status');
    expect((globalThis as { trackerPdfFonts?: unknown }).trackerPdfFonts).toBe(fonts);
  });

  it('renders a .docx whose document.xml holds the issues and the homework', async () => {
    const docx = await renderDocx(summary);
    const text = xmlText(await docxText(docx));
    for (const needle of ['Round summary: Abu Dhabi round 2', 'Donbas status', 'Security guarantees', ...HOMEWORK_TITLES, 'Steve Witkoff (with Jared Kushner)'])
      expect(text).toContain(needle);
  });

  it('renders JSON that parses back to the same summary', () => {
    const parsed = JSON.parse(renderJson(summary));
    expect(parsed).toMatchObject({ format: 'round-summary', version: 1 });
    expect(parsed.issues).toEqual(summary.issues);
  });
});

describe('hostile text from users', () => {
  const HOSTILE_TITLE = '=HYPERLINK("http://evil.example","click") <script>alert(1)</script> **bold** [x](javascript:alert(1))';

  async function hostileSummary() {
    const db = demoDb();
    const roundId = demoRoundId(db);
    db.update(issues).set({ title: HOSTILE_TITLE }).where(eq(issues.title, 'Donbas status')).run();
    db.update(positions).set({ summary: '@SUM(1+1)*cmd|"/C calc"!A0' }).where(eq(positions.stance, 'opposes')).run();
    db.update(updates).set({ body: 'Hello <script>alert(1)</script> <img src=x onerror=alert(1)> [link](javascript:alert(1)) **kept bold**\n# not a heading\u0000' }).where(eq(updates.roundId, roundId)).run();
    return roundSummary(db, wholeInstance(db), roundId, FIXTURE_TODAY)!;
  }

  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(neutraliseCell('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    for (const lead of ['+', '-', '@', '\t', '\r', '  ='])
      expect(neutraliseCell(`${lead}1+1`)).toBe(`'${lead}1+1`);
    expect(neutraliseCell('Donbas status')).toBe('Donbas status');
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps formulas out of the CSV built from a hostile issue title', async () => {
    const csv = renderCsv(await hostileSummary());
    const fields = csv.split(/,|\r\n/);
    expect(fields.some((f) => /^"?[=+\-@]/.test(f))).toBe(false);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")`);
    expect(csv).toContain(`'@SUM(1+1)`);
  });

  it('escapes user text in Markdown: no HTML, no links, no emphasis it did not mean', async () => {
    const md = renderMarkdown(await hostileSummary());
    expect(md).not.toMatch(/<script|<img/i);
    expect(md).not.toContain('[link](javascript');
    expect(md).toContain('### \\=HYPERLINK("http://evil.example","click") &lt;script&gt;alert(1)&lt;/script&gt; \\*\\*bold\\*\\* \\[x\\](javascript');
    // Update bodies are Markdown by design: their emphasis stays, their HTML and script links do not.
    expect(md).toContain('&lt;script>alert(1)&lt;/script> &lt;img src=x onerror=alert(1)> link **kept bold**');
    expect(md).toContain('\\# not a heading');
    expect(md).not.toContain('\u0000');
    expect(escapeMarkdown('- item\n1. two')).toBe('\\- item 1. two');
    expect(safeMarkdownBody('[ok](https://example.org) [bad](javascript:alert(1)) ![img](https://x/y.png)')).toBe('[ok](https://example.org) bad !\\[img](https://x/y.png)');
  });

  it('keeps hostile text as text in the PDF, the .docx and the JSON', async () => {
    const s = await hostileSummary();
    expect(await pdfText(await renderPdf(s))).toContain('<script>alert(1)</script>');
    const xml = await docxText(await renderDocx(s));
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;');
    expect(xml).not.toContain('\u0000');
    const json = renderJson(s);
    expect(json).not.toContain('<script>');
    expect(JSON.parse(json).issues[0].title).toBe(HOSTILE_TITLE);
  });
});

describe('download names', () => {
  it('carry the negotiation, the round and the date, as ASCII and in full', () => {
    const summary = demoSummary();
    expect(summaryFileName(summary, 'pdf')).toBe('russia-ukraine-peace-talks-us-mediated_abu-dhabi-round-2_2026-02-05_summary.pdf');
    const header = contentDisposition(summaryFileName(summary, 'md'), 'Russia–Ukraine "talks" (x).md');
    expect(header).toBe(
      `attachment; filename="russia-ukraine-peace-talks-us-mediated_abu-dhabi-round-2_2026-02-05_summary.md"; filename*=UTF-8''Russia%E2%80%93Ukraine%20%22talks%22%20%28x%29.md`,
    );
    expect(parseSummaryFileName('summary.docx')).toBe('docx');
    expect(parseSummaryFileName('summary.exe')).toBeNull();
    expect(parseSummaryFileName('../summary.pdf')).toBeNull();
  });
});
