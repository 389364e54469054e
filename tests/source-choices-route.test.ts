import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The route handler reads the app's own database: point it at a fresh file before anything opens it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-sources-'));
vi.stubEnv('DATABASE_PATH', path.join(dir, 'route.db'));
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Route = typeof import('@/app/api/sources/choices/route');

describe('GET /api/sources/choices (the issue page forms fetch their source list when opened)', () => {
  let GET: Route['GET'];
  const tokens: Record<'analyst' | 'viewer', string> = { analyst: '', viewer: '' };
  let newest: number;

  beforeAll(async () => {
    const { getDb } = await import('@/server/db');
    const { loadDemoData } = await import('@/db/demo/load');
    const { createApiToken } = await import('@/db/mutations/tokens');
    const { makeUser } = await import('./factories');
    const db = getDb();
    loadDemoData(db, makeUser(db, 'admin'));
    tokens.analyst = createApiToken(db, makeUser(db, 'analyst'), { name: 'forms', scope: 'read', days: 30 }).token;
    tokens.viewer = createApiToken(db, makeUser(db, 'viewer'), { name: 'reader', scope: 'read', days: 30 }).token;
    newest = (db.$client.prepare('SELECT max(id) id FROM sources').get() as { id: number }).id;
    ({ GET } = await import('@/app/api/sources/choices/route'));
  });

  const call = (token: string) => GET(new Request('http://localhost/api/sources/choices', { headers: { authorization: `Bearer ${token}` } }));

  it('gives an analyst the newest sources first, never cached by the browser', async () => {
    const response = await call(tokens.analyst);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const { sources } = (await response.json()) as { sources: { id: number; outlet: string; reliability: string }[] };
    expect(sources.length).toBeGreaterThan(3);
    expect(sources[0].id).toBe(newest);
    expect(sources.map((s) => s.id)).toEqual([...sources.map((s) => s.id)].sort((a, b) => b - a));
    expect(sources.map((s) => s.outlet)).toEqual(expect.arrayContaining(['El País']));
  });

  // Without any token the route reads the session cookie, which needs a request scope: e2e/security-authz.spec.ts probes that.
  it('refuses a viewer (no forms to fill) and an unknown token', async () => {
    expect((await call(tokens.viewer)).status).toBe(403);
    expect((await call('not-a-token')).status).toBe(401);
  });
});
