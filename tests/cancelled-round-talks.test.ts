// A second negotiation, imported as a new analyst would, whose last round was cancelled with homework
// due at it and with things recorded after the last held round: read in every view an analyst uses.
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb, makeUser } from './factories';
import { CANCELLED, LAST_HELD, SNAPBACK, TALKS_TODAY, cancelledRoundTalks } from './fixtures/cancelled-round-talks';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { listHomework, homeworkCounts } from '@/db/queries/homework';
import { needsAttention } from '@/db/queries/attention';
import { listDeadlines } from '@/db/queries/deadlines';
import { getRoundPage } from '@/db/queries/rounds';
import { roundSummary } from '@/db/queries/round-summary';
import { sinceLastRound } from '@/db/queries/since-last-round';
import { rounds } from '@/db/schema';
import { renderCsv } from '@/lib/exports/csv';
import { renderDocx } from '@/lib/exports/docx';
import { renderJson } from '@/lib/exports/json';
import { renderMarkdown } from '@/lib/exports/markdown';
import { renderPdf } from '@/lib/exports/pdf';
import type { DB } from '@/db';
import { wholeInstance } from '@/db/queries/access';

// Rendering and reading back a PDF is slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 90_000 });

const OWED = 'Written text on enrichment';
const SETTLED = 'List of sites for inspection';

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
const roundId = (name: string) =>
  db.select({ id: rounds.id }).from(rounds).where(and(eq(rounds.negotiationId, negotiationId), eq(rounds.name, name))).get()!.id;

beforeAll(() => {
  db = freshDb();
  const analyst = makeUser(db);
  negotiationId = importNegotiation(db, analyst, cancelledRoundTalks()).id;
});

describe('homework due at the cancelled round', () => {
  it('reads "due round cancelled" on the board, counted overdue from the day the round was planned for', () => {
    const board = listHomework(db, wholeInstance(db), { negotiationId }, TALKS_TODAY);
    expect(board.map((h) => [h.title, h.state, h.overdue])).toEqual([
      [OWED, 'due_round_cancelled', true],
      [SETTLED, 'delivered', false],
    ]);
    expect(listHomework(db, wholeInstance(db), { negotiationId, status: 'due_round_cancelled' }, TALKS_TODAY).map((h) => h.title)).toEqual([OWED]);
    // The day before the round would have met, nothing was late yet.
    expect(listHomework(db, wholeInstance(db), { negotiationId }, CANCELLED.startsOn)[0]).toMatchObject({ state: 'due_round_cancelled', overdue: false });
  });

  it('on the round pages and the negotiation page', () => {
    expect(getRoundPage(db, wholeInstance(db), roundId(CANCELLED.name), TALKS_TODAY)!.homeworkDue.map((h) => [h.title, h.state])).toEqual([
      [OWED, 'due_round_cancelled'],
      [SETTLED, 'delivered'],
    ]);
    expect(getRoundPage(db, wholeInstance(db), roundId(LAST_HELD.name), TALKS_TODAY)!.homeworkAssigned.map((h) => h.state)).toEqual(['due_round_cancelled', 'delivered']);
    expect(homeworkCounts(db, wholeInstance(db), negotiationId, TALKS_TODAY)).toEqual({ open: 1, overdue: 1, dueRoundCancelled: 1 });
  });

  it("in the dashboard's overdue list and count, and on the deadlines", () => {
    const attention = needsAttention(db, wholeInstance(db), { today: TALKS_TODAY, staleDays: 30, negotiationId, shown: 5 });
    expect(attention.overdue.count).toBe(1);
    expect(attention.overdue.items).toEqual([
      expect.objectContaining({ title: OWED, dueRoundName: CANCELLED.name, dueRoundStatus: 'cancelled', dueRoundStartsOn: CANCELLED.startsOn }),
    ]);
    // Quiet since the latest event recorded on each issue, the importer's positions and status changes included.
    expect(attention.stale.items.map((i) => [i.title, i.lastEventOn])).toEqual([
      ['Inspections', '2025-06-13'],
      ['Enrichment ceiling', '2025-06-14'],
    ]);
    const deadline = listDeadlines(db, wholeInstance(db)).find((d) => d.kind === 'homework' && d.negotiationId === negotiationId)!;
    expect(deadline).toMatchObject({ date: CANCELLED.startsOn, detail: `owners IR; due round cancelled: ${CANCELLED.name}` });
  });

  it('in every summary format, of the round it was due at and of the round that assigned it', async () => {
    for (const name of [CANCELLED.name, LAST_HELD.name]) {
      const summary = roundSummary(db, wholeInstance(db), roundId(name), TALKS_TODAY)!;
      const owed = [...summary.homeworkAssigned, ...summary.homeworkDue].find((h) => h.title === OWED)!;
      expect(owed).toMatchObject({ overdue: true, state: 'due_round_cancelled', dueRound: CANCELLED.name });
      const json = JSON.parse(renderJson(summary)) as { homeworkDue: { title: string; overdue: boolean; state: string }[]; homeworkAssigned: typeof json.homeworkDue };
      expect([...json.homeworkAssigned, ...json.homeworkDue].find((h) => h.title === OWED)).toMatchObject({ overdue: true, state: 'due_round_cancelled' });
      expect(renderMarkdown(summary)).toContain(`**${OWED}** — owners: Iran; issue: Enrichment ceiling; assigned at ${LAST_HELD.name}; due: ${CANCELLED.name}; state: due round cancelled`);
      expect(await pdfText(await renderPdf(summary))).toMatch(/Written text on enrichment \[OVERDUE\].*state: due round cancelled/);
      expect(await docxText(await renderDocx(summary))).toMatch(/Written text on enrichment OVERDUE.*state: due round cancelled/);
    }
  });
});

describe('the briefing of the last held round describes that round', () => {
  const rome = () => roundSummary(db, wholeInstance(db), roundId(LAST_HELD.name), TALKS_TODAY)!;

  it('counts its key dates from the round, not from the day it is read', async () => {
    const summary = rome();
    expect(summary.keyDates.map((k) => [k.label, k.daysFromRound])).toEqual([[SNAPBACK.label, 148]]);
    const when = `${SNAPBACK.label} — Enrichment ceiling (E3–Iran nuclear file): 148 days after the round`;
    expect(renderMarkdown(summary)).toContain(`| 18 Oct 2025 | ${SNAPBACK.label} | Enrichment ceiling (E3–Iran nuclear file) | 148 days after the round |`);
    expect(JSON.parse(renderJson(summary)).keyDates[0]).toMatchObject({ daysFromRound: 148, daysFromToday: -409 });
    for (const text of [await pdfText(await renderPdf(summary)), await docxText(await renderDocx(summary))]) {
      expect(text).toContain(when);
      expect(text).not.toMatch(/-409|409 days ago/);
    }
  });

  it('says what changed once, without "Changed:" after "What changed:"', async () => {
    const summary = rome();
    const e3 = summary.issues[0].positions.find((p) => p.partyShort === 'E3')!.position!;
    expect(e3.change).toBe('Flexibility rigid → low; summary revised.');
    const markdown = renderMarkdown(summary);
    expect(markdown).toContain('  - What changed: Flexibility rigid → low; summary revised.');
    for (const text of [markdown, await pdfText(await renderPdf(summary)), await docxText(await renderDocx(summary))]) expect(text).not.toContain('Changed:');
  });

  it('names the mediators without a position once, in every format, with no blank rows in the CSV', async () => {
    const summary = rome();
    const line = 'Mediators with no position recorded on these issues: Mediator 1, Mediator 2.';
    expect(summary.mediatorsWithoutPosition).toEqual(['Mediator 1', 'Mediator 2']);
    expect(summary.issues.map((i) => i.positions.map((p) => p.partyShort))).toEqual([['IR', 'E3'], ['IR', 'E3']]);
    const markdown = renderMarkdown(summary);
    expect(markdown.split(line)).toHaveLength(2);
    expect(markdown).not.toContain('**Mediator 1**');
    for (const text of [await pdfText(await renderPdf(summary)), await docxText(await renderDocx(summary))]) {
      expect(text.split(line)).toHaveLength(2);
      // The mediators' line, and Iran and the E3 on inspections, where neither holds one.
      expect(text.split('no position recorded')).toHaveLength(4);
    }
    const csv = renderCsv(summary).replace(/^\uFEFF/, '').trimEnd().split('\r\n').slice(1).filter((row) => row.split(',')[1] === 'position');
    expect(csv).toHaveLength(4);
    expect(csv.map((row) => row.match(/,(Iran|"E3 \(France, Germany, UK\)"),/)?.[1])).toEqual(['Iran', '"E3 (France, Germany, UK)"', 'Iran', '"E3 (France, Germany, UK)"']);
    expect(csv.join('\n')).not.toContain('Mediator');
  });
});

describe('since the last round', () => {
  it('by default runs from the last held round to today, and shows what happened after it', () => {
    const diff = sinceLastRound(db, wholeInstance(db), negotiationId, {}, TALKS_TODAY);
    expect(diff.comparison).toMatchObject({ ok: true, from: { kind: 'round', date: LAST_HELD.endsOn }, to: { kind: 'today', date: TALKS_TODAY } });
    const [enrichment, inspections] = diff.issues;
    // The proposal delivered after the round, and the status change.
    expect(enrichment.parties.find((p) => p.partyShort === 'IR')).toMatchObject({ changed: true, after: { summary: 'Would cap enrichment at 3.67% for sanctions relief.' } });
    expect(inspections).toMatchObject({ statusChanged: true, statusAfter: 'stalled' });
    // The cancellation itself, and everything else logged after the round.
    expect(diff.updates.items.map((u) => u.occurredOn)).toEqual(['2025-06-14', '2025-06-13', '2025-06-10']);
  });

  it('compares the last held round with the cancelled one at the day it was planned for, instead of with itself', () => {
    const diff = sinceLastRound(db, wholeInstance(db), negotiationId, { from: String(roundId(LAST_HELD.name)), to: String(roundId(CANCELLED.name)) }, TALKS_TODAY);
    expect(diff.comparison).toMatchObject({ ok: true, to: { kind: 'round', date: CANCELLED.startsOn, round: { status: 'cancelled' } } });
    expect(diff.issues.filter((i) => i.changed).map((i) => i.title)).toEqual(['Enrichment ceiling', 'Inspections']);
    expect(diff.updates.count).toBe(3);
  });
});
