import Database from 'better-sqlite3';
import { test, expect, idOf } from './fixtures';
import { raw, serverProcesses, sessionCookie } from './raw-http';
import { hashPassword } from '@/server/auth/password';

// The e2e server runs two workers (playwright.config.ts sets WORKERS=2). Node's cluster hands each new connection
// to the next worker in turn, and raw() opens a connection per request, so consecutive requests here land on
// alternate workers: the first test proves it, the others rely on it. The login limit across workers is
// e2e/login-address.spec.ts's, whose guesses alternate the same way.

const workerOf = async () => (JSON.parse((await raw({ method: 'GET', path: '/api/health' })).text) as { worker: number | null }).worker;

test('npm start serves one port from two worker processes, which take connections in turn', async () => {
  expect(serverProcesses()).toHaveLength(2);
  const answered = [];
  for (let i = 0; i < 6; i++) answered.push(await workerOf());
  expect(new Set(answered).size, `workers that answered: ${answered.join(', ')}`).toBe(2);
  for (let i = 1; i < answered.length; i++) expect(answered[i], `request ${i} went to the worker before it: ${answered.join(', ')}`).not.toBe(answered[i - 1]);
});

test('a session signed in on one worker is honoured on both, and signing out ends it on both', async () => {
  // A user of its own: signing out ends every session of the user (their session version), not only this one.
  const email = `workers-${Date.now()}@test.example`;
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  db.pragma('busy_timeout = 5000');
  db.prepare(`INSERT INTO users (email, name, role, password_hash) VALUES (?, 'Workers test', 'viewer', ?)`).run(email, await hashPassword('workers-test-password'));
  db.close();

  const csrf = await raw({ method: 'GET', path: '/api/auth/csrf' });
  const csrfCookie = [csrf.headers['set-cookie']].flat().map((c) => String(c).split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const form = (fields: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, ...fields });
  const signIn = await raw({ path: '/api/auth/callback/credentials', headers: form({}), body: new URLSearchParams({ csrfToken, email, password: 'workers-test-password', json: 'true' }).toString() });
  const cookie = [csrfCookie, ...[signIn.headers['set-cookie']].flat().map((c) => String(c).split(';')[0])].join('; ');
  expect(cookie).toContain('next-auth.session-token');

  for (let i = 0; i < 4; i++) expect((await raw({ method: 'GET', path: '/', headers: { cookie } })).status, `signed-in request ${i}`).toBe(200);
  await raw({ path: '/api/auth/signout', headers: { ...form({}), cookie }, body: new URLSearchParams({ csrfToken, json: 'true' }).toString() });
  for (let i = 0; i < 4; i++) {
    const after = await raw({ method: 'GET', path: '/', headers: { cookie } });
    expect(after.status, `request ${i} after signing out`).toBe(307);
    expect(String(after.headers.location)).toContain('/login');
  }
});

test('a write answered by one worker is on the next page each worker serves, though both had it cached', async () => {
  const analyst = await sessionCookie('analyst');
  const word = `workerprobe${Date.now()}`;
  const search = async () => (await raw({ method: 'GET', path: `/search?q=${word}`, headers: { cookie: analyst } })).text;
  // Both workers compute and cache the search with no hit.
  for (let i = 0; i < 2; i++) expect(await search()).not.toContain('Logged by the workers test');

  const negotiationId = idOf(`SELECT id FROM negotiations ORDER BY id LIMIT 1`);
  const logged = await raw({
    path: '/api/updates',
    headers: { cookie: analyst, origin: `http://localhost:${process.env.E2E_PORT ?? '3100'}`, 'content-type': 'application/json' },
    body: JSON.stringify({ negotiationId, body: `Logged by the workers test ${word}.`, occurredOn: '2026-11-30', sources: [{ outlet: 'Workers test wire', reliability: 'C', credibility: 3 }] }),
  });
  expect(logged.status, logged.text).toBe(201);
  for (let i = 0; i < 2; i++) expect(await search(), `search on the ${i === 0 ? 'next' : 'other'} worker`).toContain('Logged by the workers test');
});
