// A second negotiation, imported as a new analyst would, whose last round was cancelled with homework
// due at it and with things recorded after the last held round: read in every view an analyst uses.
import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDb, makeUser } from './factories';
import { CANCELLED, LAST_HELD, TALKS_TODAY, cancelledRoundTalks } from './fixtures/cancelled-round-talks';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { listHomework, homeworkCounts } from '@/db/queries/homework';
import { needsAttention } from '@/db/queries/attention';
import { listDeadlines } from '@/db/queries/deadlines';
import { getRoundPage } from '@/db/queries/rounds';
import { roundSummary } from '@/db/queries/round-summary';
import { rounds } from '@/db/schema';
import { renderDocx } from '@/lib/exports/docx';
import { renderJson } from '@/lib/exports/json';
import { renderMarkdown } from '@/lib/exports/markdown';
import { renderPdf } from '@/lib/exports/pdf';
import type { DB } from '@/db';

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
    const board = listHomework(db, { negotiationId }, TALKS_TODAY);
    expect(board.map((h) => [h.title, h.state, h.overdue])).toEqual([
      [OWED, 'due_round_cancelled', true],
      [SETTLED, 'delivered', false],
    ]);
    expect(listHomework(db, { negotiationId, status: 'due_round_cancelled' }, TALKS_TODAY).map((h) => h.title)).toEqual([OWED]);
    // The day before the round would have met, nothing was late yet.
    expect(listHomework(db, { negotiationId }, CANCELLED.startsOn)[0]).toMatchObject({ state: 'due_round_cancelled', overdue: false });
  });

  it('on the round pages and the negotiation page', () => {
    expect(getRoundPage(db, roundId(CANCELLED.name), TALKS_TODAY)!.homeworkDue.map((h) => [h.title, h.state])).toEqual([
      [OWED, 'due_round_cancelled'],
      [SETTLED, 'delivered'],
    ]);
    expect(getRoundPage(db, roundId(LAST_HELD.name), TALKS_TODAY)!.homeworkAssigned.map((h) => h.state)).toEqual(['due_round_cancelled', 'delivered']);
    expect(homeworkCounts(db, negotiationId, TALKS_TODAY)).toEqual({ open: 1, overdue: 1, dueRoundCancelled: 1 });
  });

  it("in the dashboard's overdue list and count, and on the deadlines", () => {
    const attention = needsAttention(db, { today: TALKS_TODAY, staleDays: 30, negotiationId, shown: 5 });
    expect(attention.overdue.count).toBe(1);
    expect(attention.overdue.items).toEqual([
      expect.objectContaining({ title: OWED, dueRoundName: CANCELLED.name, dueRoundStatus: 'cancelled', dueRoundStartsOn: CANCELLED.startsOn }),
    ]);
    const deadline = listDeadlines(db).find((d) => d.kind === 'homework' && d.negotiationId === negotiationId)!;
    expect(deadline).toMatchObject({ date: CANCELLED.startsOn, detail: `owners IR; due round cancelled: ${CANCELLED.name}` });
  });

  it('in every summary format, of the round it was due at and of the round that assigned it', async () => {
    for (const name of [CANCELLED.name, LAST_HELD.name]) {
      const summary = roundSummary(db, roundId(name), TALKS_TODAY)!;
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
