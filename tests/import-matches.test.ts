import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GAZA, IRAN } from './shared-parties-fixture';

// The route and the shell command read the app's own database: point it at a fresh file before anything opens it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-import-matches-'));
const databasePath = path.join(dir, 'tracker.db');
vi.stubEnv('DATABASE_PATH', databasePath);
vi.setConfig({ testTimeout: 90_000, hookTimeout: 60_000 });

type Handler = (request: Request) => Promise<Response>;
let route: Handler;
let token = '';
let adminEmail = '';

beforeAll(async () => {
  const { getDb } = await import('@/server/db');
  const { createApiToken } = await import('@/db/mutations/tokens');
  const { importNegotiation } = await import('@/db/mutations/import-negotiation');
  const { makeUser } = await import('./factories');
  const db = getDb();
  const admin = makeUser(db, 'admin');
  adminEmail = admin.email;
  importNegotiation(db, admin, GAZA);
  token = createApiToken(db, admin, { name: 'importer', scope: 'full', days: 30 }).token;
  route = (await import('@/app/api/negotiations/import/route')).POST as Handler;
});

describe('an import says which parties and actors it found already here', () => {
  it('in the API answer', async () => {
    const request = new Request('http://localhost/api/negotiations/import', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(IRAN),
    });
    const response = await route(request);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { name: string; matched: { kind: string; name: string; otherNegotiations: number; message: string }[] };
    expect(body.name).toBe('Iran nuclear talks');
    expect(body.matched).toEqual([
      { kind: 'party', name: 'United States', otherNegotiations: 1, message: 'United States: matched the existing party, used in 1 other negotiation' },
      { kind: 'actor', name: 'Steve Witkoff', otherNegotiations: 1, message: 'Steve Witkoff: matched the existing actor, used in 1 other negotiation' },
    ]);
  });

  it("in npm run import's output", () => {
    const file = path.join(dir, 'iran.json');
    fs.writeFileSync(file, JSON.stringify(IRAN));
    const result = spawnSync('npx', ['tsx', 'scripts/import.ts', file, '--name', 'Iran nuclear talks, track 2', '--as', adminEmail], {
      cwd: path.resolve(__dirname, '..'),
      env: { ...process.env, DATABASE_PATH: databasePath },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Imported "Iran nuclear talks, track 2"');
    expect(result.stdout).toContain(
      [
        'Found already here and reused:',
        '  United States: matched the existing party, used in 2 other negotiations',
        '  Iran side: matched the existing party, used in 1 other negotiation',
        '  Steve Witkoff: matched the existing actor, used in 2 other negotiations',
        '  J. D. Vance: matched the existing actor, used in 1 other negotiation',
      ].join('\n'),
    );
  });
});
