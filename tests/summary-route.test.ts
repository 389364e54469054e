import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The route handler reads the app's own database: point it at a fresh file before anything opens it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-route-'));
vi.stubEnv('DATABASE_PATH', path.join(dir, 'route.db'));
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Route = typeof import('@/app/api/rounds/[id]/[file]/route');

describe('GET /api/rounds/{id}/summary.{ext} with a bearer token', () => {
  let GET: Route['GET'];
  let token: string;
  let colleagueToken: string;
  let viewerName: string;
  let colleagueName: string;
  let roundId: number;
  let viewerId: number;
  let negotiationId: number;

  beforeAll(async () => {
    const { getDb } = await import('@/server/db');
    const { loadDemoData } = await import('@/db/demo/load');
    const { createApiToken } = await import('@/db/mutations/tokens');
    const { makeMember, makeUser } = await import('./factories');
    const { demoRoundId } = await import('./summary-demo');
    const db = getDb();
    loadDemoData(db, makeUser(db, 'admin'));
    const viewer = makeUser(db, 'viewer');
    viewerId = viewer.id;
    // The peace talks are restricted: the token acts with its owner's memberships.
    negotiationId = makeMember(db, viewer, 'Russia–Ukraine peace talks (US-mediated)', 'viewer');
    token = createApiToken(db, viewer, { name: 'script', scope: 'read', days: 30 }).token;
    // A colleague who sees the same negotiations, so reads through the same cache.
    const colleague = makeUser(db, 'viewer');
    makeMember(db, colleague, 'Russia–Ukraine peace talks (US-mediated)', 'viewer');
    colleagueToken = createApiToken(db, colleague, { name: 'script', scope: 'read', days: 30 }).token;
    [viewerName, colleagueName] = [viewer.name, colleague.name];
    roundId = demoRoundId(db);
    ({ GET } = await import('@/app/api/rounds/[id]/[file]/route'));
  });

  const call = (file: string, auth: string | null = `Bearer ${token}`, id = String(roundId)) =>
    GET(new Request(`http://localhost/api/rounds/${id}/${file}`, { headers: auth ? { authorization: auth } : {} }), {
      params: Promise.resolve({ id, file }),
    });

  it('serves JSON and Markdown to a valid token, as a named attachment that is never cached', async () => {
    const json = await call('summary.json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('cache-control')).toBe('private, no-store');
    expect(json.headers.get('content-disposition')).toMatch(
      /^attachment; filename="russia-ukraine-peace-talks-us-mediated_abu-dhabi-round-2_2026-02-05_summary\.json"; filename\*=UTF-8''Russia%E2%80%93Ukraine/,
    );
    const body = await json.json();
    expect(body.round.name).toBe('Abu Dhabi round 2');
    expect(body.issues.map((i: { title: string }) => i.title)).toContain('Donbas status');

    const md = await call('summary.md');
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(await md.text()).toContain('### Homework assigned at this round');
    expect(body.brief.bottomLine.moved).toMatch(/^Donbas status: under discussion → deadlocked\./);
  });

  it('names the reader who exported a Word file or a PDF as its author, each their own', async () => {
    const { readDocx } = await import('./docx-reader');
    const { readPdf } = await import('./pdf-reader');
    const docx = async (auth: string) => readDocx(Buffer.from(await (await call('summary.docx', auth)).arrayBuffer()));
    expect((await docx(`Bearer ${token}`)).creator).toBe(viewerName);
    expect((await docx(`Bearer ${colleagueToken}`)).creator).toBe(colleagueName);
    const pdf = await readPdf(Buffer.from(await (await call('summary.pdf', `Bearer ${colleagueToken}`)).arrayBuffer()));
    expect(pdf.info.author).toBe(colleagueName);
    expect(pdf.lines.filter((l) => l.page === 1).map((l) => l.text)).toContain('Bottom line');
  });

  it('serves the same bytes again from its cache, and a fresh file after a write', async () => {
    const first = await (await call('summary.md')).text();
    const again = await (await call('summary.md')).text();
    expect(again).toBe(first);
    const { getDb } = await import('@/server/db');
    getDb().$client.prepare('UPDATE rounds SET summary = ? WHERE id = ?').run('Cache check: a summary written after the first download.', roundId);
    expect(await (await call('summary.md')).text()).toContain('Cache check: a summary written after the first download.');
  });

  it('refuses a wrong token, a bad file name and an unknown round', async () => {
    expect((await call('summary.csv', 'Bearer ntk_not-a-real-token')).status).toBe(401);
    expect((await call('summary.html')).status).toBe(400);
    expect((await call('report.pdf')).status).toBe(400);
    expect((await call('summary.pdf', `Bearer ${token}`, '424242')).status).toBe(404);
    expect((await call('summary.pdf', `Bearer ${token}`, 'abc')).status).toBe(404);
  });

  it("answers 404 to the token from the request after its owner left the negotiation, as for a round that does not exist", async () => {
    const { getDb } = await import('@/server/db');
    const { removeMember, setMember } = await import('@/db/mutations/members');
    expect((await call('summary.md')).status).toBe(200);
    removeMember(getDb(), null, negotiationId, viewerId);
    const refused = await call('summary.md');
    expect(refused.status).toBe(404);
    expect(await refused.json()).toEqual({ error: 'No such round.' });
    setMember(getDb(), null, { negotiationId, userId: viewerId, role: 'viewer' });
    expect((await call('summary.md')).status).toBe(200);
  });
});
