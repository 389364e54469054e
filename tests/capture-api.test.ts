import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// POST /api/capture against the demo data: the FT seed article proposes its statements with the demo's
// actors, issues (by their keywords) and the quotes already logged; nothing is written; a negotiation
// the caller does not see is a 404; text that cannot be read is a 422 with a message.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-capture-api-'));
vi.stubEnv('DATABASE_PATH', path.join(dir, 'capture.db'));
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Handler = (request: Request) => Promise<Response>;
let route: Handler;
const tokens = { analyst: '', outsider: '' };
let demoId = 0;
let restrictedId = 0;
let count: () => number;

const article = fs.readFileSync(path.join(__dirname, 'fixtures/capture/seed-ft.txt'), 'utf8');

beforeAll(async () => {
  const { getDb } = await import('@/server/db');
  const { createApiToken } = await import('@/db/mutations/tokens');
  const { loadDemoData, DEMO_NEGOTIATION_NAME } = await import('@/db/demo/load');
  const { makeMember, makeNegotiation, makeUser } = await import('./factories');
  const db = getDb();
  const admin = makeUser(db, 'admin');
  loadDemoData(db, admin);
  const analyst = makeUser(db, 'analyst');
  const outsider = makeUser(db, 'analyst');
  tokens.analyst = createApiToken(db, analyst, { name: 'script', scope: 'full', days: 30 }).token;
  tokens.outsider = createApiToken(db, outsider, { name: 'script', scope: 'full', days: 30 }).token;
  const sqlite = (db as unknown as { $client: import('better-sqlite3').Database }).$client;
  demoId = (sqlite.prepare('SELECT id FROM negotiations WHERE name = ?').get(DEMO_NEGOTIATION_NAME) as { id: number }).id;
  makeMember(db, analyst, demoId, 'analyst');
  restrictedId = makeNegotiation(db, analyst, 'Back channel', { restricted: true }).negotiationId;
  count = () =>
    (sqlite.prepare('SELECT (SELECT count(*) FROM updates) + (SELECT count(*) FROM sources) + (SELECT count(*) FROM audit_log) n').get() as { n: number }).n;
  route = (await import('@/app/api/capture/route')).POST as Handler;
});

const post = (body: unknown, token = tokens.analyst) =>
  route(new Request('http://localhost/api/capture', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }));

describe('POST /api/capture', () => {
  it('proposes the FT article’s statements with the demo’s actors, issues and logged quotes, and writes nothing', async () => {
    const before = count();
    const response = await post({ negotiationId: demoId, text: article, url: 'https://www.ft.com/content/abc', publishedOn: '2026-02-05' });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer.source).toMatchObject({ outlet: 'Financial Times', title: 'US and Russian militaries to resume high-level talks', publishedOn: '2026-02-05' });
    const lavrov = answer.proposals.find((p: { quote: string }) => p.quote.includes('nonsense'));
    expect(lavrov.speaker.name).toBe('Sergei Lavrov');
    expect(lavrov.speaker.actorId).toEqual(expect.any(Number));
    expect(lavrov.issueIds).toHaveLength(1);
    expect(lavrov.eventDate).toEqual({ date: '2026-02-05', precision: 'day', label: '' });
    // The demo already logs Lavrov's "nonsense" from this article.
    expect(lavrov.duplicateOfUpdateId).toEqual(expect.any(Number));
    expect(answer.text.slice(lavrov.start, lavrov.end)).toBe(lavrov.sentence);
    expect(answer.proposals.length).toBeGreaterThanOrEqual(10);
    // The demo grades the FT already: a new FT article starts from that grade.
    expect(answer.source.reliability).not.toBe('F');
    expect(count()).toBe(before);
  });

  it('answers 404 for a negotiation the caller does not see, exactly as for none', async () => {
    const unseen = await post({ negotiationId: restrictedId, text: article }, tokens.outsider);
    const none = await post({ negotiationId: 999_999, text: article }, tokens.outsider);
    expect([unseen.status, none.status]).toEqual([404, 404]);
    expect(await unseen.json()).toEqual(await none.json());
  });

  it('refuses what cannot be read with a message: empty text, text over 1 MB', async () => {
    const empty = await post({ negotiationId: demoId, text: '  ' });
    expect(empty.status).toBe(422);
    expect((await empty.json()).error).toMatch(/Paste the article/);
    const huge = await post({ negotiationId: demoId, text: 'a'.repeat(1024 * 1024 + 1) });
    expect(huge.status).toBe(422);
    expect((await huge.json()).error).toMatch(/1 MB/);
    const bad = await post({ negotiationId: demoId, text: 'x', publishedOn: 'Thursday' });
    expect(bad.status).toBe(400);
  });

  it('reads Russian text and an article naming no known actor honestly', async () => {
    const ru = await (await post({ negotiationId: demoId, text: 'Песков заявил: «Работа продолжается».', publishedOn: '2026-02-05' })).json();
    expect(ru.proposals[0].quote).toBe('Работа продолжается');
    expect(ru.notes.join(' ')).toMatch(/Russian or Ukrainian/);
    const nobody = await (await post({ negotiationId: demoId, text: 'A farmer said the weather was “awful”.' })).json();
    expect(nobody.proposals[0].speaker).toMatchObject({ actorId: null, name: 'A farmer' });
  });
});
