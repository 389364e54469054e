import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { registerSearchForms } from '@/db/search-forms';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/db';
import type { CurrentUser } from '@/lib/roles';

// Every credential of a user ends together (db/mutations/credentials.ts), tokens end on their own
// (an expiry chosen when made), and a read-only token never writes — feed and calendar links take only those.

// The route handlers read the app's own database: point it at a fresh file before anything opens it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-credentials-'));
vi.stubEnv('DATABASE_PATH', path.join(dir, 'credentials.db'));
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: DB;
let admin: CurrentUser;
let negotiationId: number;
const routes = {} as Record<'updates' | 'feed' | 'calendar' | 'importNegotiation' | 'list', Handler>;
let m: {
  createApiToken: typeof import('@/db/mutations/tokens').createApiToken;
  revokeApiToken: typeof import('@/db/mutations/tokens').revokeApiToken;
  setPassword: typeof import('@/db/mutations/users').setPassword;
  updateUserAccess: typeof import('@/db/mutations/users').updateUserAccess;
  findTokenUser: typeof import('@/db/queries/tokens').findTokenUser;
  listTokensOf: typeof import('@/db/queries/tokens').listTokensOf;
  listAllTokens: typeof import('@/db/queries/tokens').listAllTokens;
  findActiveUser: typeof import('@/db/queries/users').findActiveUser;
  hashToken: typeof import('@/lib/api-tokens').hashToken;
  makeUser: typeof import('./factories').makeUser;
};

beforeAll(async () => {
  const { getDb } = await import('@/server/db');
  const factories = await import('./factories');
  m = {
    ...(await import('@/db/mutations/tokens')),
    ...(await import('@/db/mutations/users')),
    ...(await import('@/db/queries/tokens')),
    ...(await import('@/db/queries/users')),
    ...(await import('@/lib/api-tokens')),
    makeUser: factories.makeUser,
  };
  db = getDb();
  admin = factories.makeUser(db, 'admin');
  negotiationId = factories.makeNegotiation(db, admin).negotiationId;
  routes.updates = (await import('@/app/api/updates/route')).POST as Handler;
  routes.feed = (await import('@/app/api/negotiations/[id]/updates.atom/route')).GET as Handler;
  routes.calendar = (await import('@/app/api/deadlines.ics/route')).GET as Handler;
  routes.importNegotiation = (await import('@/app/api/negotiations/import/route')).POST as Handler;
  routes.list = (await import('@/app/api/negotiations/route')).GET as Handler;
});

const sessionVersion = (userId: number) => (db.$client.prepare('SELECT session_version v FROM users WHERE id = ?').get(userId) as { v: number }).v;
const accountVersion = (userId: number) => (db.$client.prepare('SELECT version v FROM users WHERE id = ?').get(userId) as { v: number }).v;
/** Whether a token still lets its script in. */
const works = (token: string) => m.findTokenUser(db, m.hashToken(token)) !== undefined;
const token = (user: CurrentUser, scope: 'read' | 'full' = 'full', days = 90) => m.createApiToken(db, user, { name: `${scope} script of ${user.name}`, scope, days }).token;

function get(route: Handler, url: string, { bearer, params = {} }: { bearer?: string; params?: Record<string, string> } = {}) {
  const headers: Record<string, string> = bearer ? { authorization: `Bearer ${bearer}` } : {};
  return route(new Request(`http://localhost${url}`, { headers }), { params: Promise.resolve(params) });
}
function post(route: Handler, body: unknown, bearer: string) {
  const request = new Request('http://localhost/api/probe', {
    method: 'POST',
    headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return route(request, { params: Promise.resolve({}) });
}
const updatesOf = () => (db.$client.prepare('SELECT count(*) n FROM updates').get() as { n: number }).n;

describe("an account's clean-up ends every credential it has", () => {
  it('a token made before a password reset no longer works, and neither does a session', () => {
    const analyst = m.makeUser(db, 'analyst');
    const script = token(analyst);
    const sv = sessionVersion(analyst.id);
    expect(works(script)).toBe(true);
    m.setPassword(db, admin, analyst.id, 'scrypt$new', accountVersion(analyst.id));
    expect(works(script)).toBe(false);
    expect(m.findActiveUser(db, analyst.id, sv)).toBeUndefined();
    expect(m.listTokensOf(db, analyst.id)[0]).toMatchObject({ revokedReason: 'password reset' });
    // A token made after the reset works: the clean-up ends what existed, it does not lock the account.
    expect(works(token(analyst))).toBe(true);
  });

  it('an analyst who changes their own password ends their own tokens and sessions', () => {
    const analyst = m.makeUser(db, 'analyst');
    const script = token(analyst);
    const sv = sessionVersion(analyst.id);
    m.setPassword(db, analyst, analyst.id, 'scrypt$mine', accountVersion(analyst.id));
    expect(works(script)).toBe(false);
    expect(sessionVersion(analyst.id)).toBe(sv + 1);
    expect(m.listTokensOf(db, analyst.id)[0].revokedReason).toBe('password changed');
  });

  it('a token of a disabled account stays dead when the account is enabled again', () => {
    const analyst = m.makeUser(db, 'analyst');
    const script = token(analyst, 'read');
    m.updateUserAccess(db, admin, analyst.id, { disabled: true }, accountVersion(analyst.id));
    expect(works(script)).toBe(false);
    expect(m.listTokensOf(db, analyst.id)[0].revokedReason).toBe('account disabled');
    const sv = sessionVersion(analyst.id);
    m.updateUserAccess(db, admin, analyst.id, { disabled: false }, accountVersion(analyst.id));
    expect(works(script)).toBe(false);
    // Re-enabling ends whatever was issued meanwhile too (a session that was refused while disabled).
    expect(sessionVersion(analyst.id)).toBe(sv + 1);
  });

  it('a token that exists while the account is disabled stays dead once it is enabled: re-enabling ends it too', () => {
    const analyst = m.makeUser(db, 'analyst');
    m.updateUserAccess(db, admin, analyst.id, { disabled: true }, accountVersion(analyst.id));
    // Made by the shell or before the refusal reached it: a token that exists while the account is disabled.
    const kept = token(analyst);
    expect(works(kept)).toBe(false);
    m.updateUserAccess(db, admin, analyst.id, { disabled: false }, accountVersion(analyst.id));
    expect(works(kept)).toBe(false);
    expect(m.listTokensOf(db, analyst.id)[0].revokedReason).toBe('account re-enabled');
  });

  it('a change of role ends the tokens and sessions made under the old role', () => {
    const analyst = m.makeUser(db, 'analyst');
    const script = token(analyst);
    const sv = sessionVersion(analyst.id);
    m.updateUserAccess(db, admin, analyst.id, { role: 'viewer' }, accountVersion(analyst.id));
    expect(works(script)).toBe(false);
    expect(m.findActiveUser(db, analyst.id, sv)).toBeUndefined();
    expect(m.listTokensOf(db, analyst.id)[0].revokedReason).toBe('role changed');
  });

  it('setting what already holds (enabling an enabled account, the same role) ends nothing', () => {
    const analyst = m.makeUser(db, 'analyst');
    const script = token(analyst);
    const sv = sessionVersion(analyst.id);
    m.updateUserAccess(db, admin, analyst.id, { disabled: false }, accountVersion(analyst.id));
    m.updateUserAccess(db, admin, analyst.id, { role: 'analyst' }, accountVersion(analyst.id));
    expect(works(script)).toBe(true);
    expect(sessionVersion(analyst.id)).toBe(sv);
  });

  it("ends only that user's credentials", () => {
    const analyst = m.makeUser(db, 'analyst');
    const colleague = m.makeUser(db, 'analyst');
    const theirs = token(colleague);
    m.setPassword(db, admin, analyst.id, 'scrypt$x', accountVersion(analyst.id));
    expect(works(theirs)).toBe(true);
  });
});

describe('tokens end on their own', () => {
  it('lasts 90 days unless another lifetime is chosen, and is read-only unless asked', async () => {
    const { TokenSchema } = await import('@/lib/validation/tokens');
    expect(TokenSchema.parse({ name: 'nightly export' })).toEqual({ name: 'nightly export', scope: 'read', days: 90 });
    expect(TokenSchema.parse({ name: 'x', scope: 'full', days: '365' })).toEqual({ name: 'x', scope: 'full', days: 365 });
    expect(TokenSchema.safeParse({ name: 'x', days: '0' }).error?.issues[0].message).toBe('Choose how long it lasts: 7, 30, 90, 365 days.');
    expect(TokenSchema.safeParse({ name: 'x', days: 'never' }).success).toBe(false);
    expect(TokenSchema.safeParse({ name: 'x', scope: 'admin' }).error?.issues[0].message).toBe('Choose read-only or full access.');
  });

  it('stops working once its lifetime is over', () => {
    const analyst = m.makeUser(db, 'analyst');
    const made = new Date('2026-01-01T09:00:00Z');
    const { token: script, expiresAt } = m.createApiToken(db, analyst, { name: 'a week', scope: 'read', days: 7 }, made);
    expect(expiresAt).toBe('2026-01-08T09:00:00.000Z');
    expect(m.findTokenUser(db, m.hashToken(script), new Date('2026-01-08T08:59:59Z'))).toBeDefined();
    expect(m.findTokenUser(db, m.hashToken(script), new Date('2026-01-08T09:00:00Z'))).toBeUndefined();
  });
});

describe('a read-only token never writes; a feed link takes only a read-only token', () => {
  it('a feed link cannot log an update, even with the token sent as a bearer', async () => {
    const analyst = m.makeUser(db, 'analyst');
    const feedToken = token(analyst, 'read');
    const before = updatesOf();
    const refused = await post(routes.updates, { negotiationId, body: 'Logged through a feed link', occurredOn: '2026-02-10' }, feedToken);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error).toBe('This token is read-only: it can read but never change anything. A script that writes needs a token with full access.');
    expect(updatesOf()).toBe(before);
    const imported = await post(routes.importNegotiation, { format: 'negotiation-tracker/negotiation' }, feedToken);
    expect(imported.status).toBe(403);

    // The same analyst's full-access token logs it.
    const logged = await post(routes.updates, { negotiationId, body: 'Logged by a script', occurredOn: '2026-02-10', sources: [{ outlet: 'Script wire', reliability: 'C', credibility: 3 }] }, token(analyst, 'full'));
    expect(logged.status).toBe(201);
    expect(updatesOf()).toBe(before + 1);
  });

  it('reads feeds and calendars with ?token= only for a read-only token, and records when it was used', async () => {
    const viewer = m.makeUser(db, 'viewer');
    const readOnly = token(viewer, 'read');
    const full = token(viewer, 'full');
    const feed = `/api/negotiations/${negotiationId}/updates.atom`;
    const params = { id: String(negotiationId) };
    expect((await get(routes.feed, `${feed}?token=${readOnly}`, { params })).status).toBe(200);
    expect((await get(routes.calendar, `/api/deadlines.ics?token=${readOnly}`)).status).toBe(200);
    const refused = await get(routes.feed, `${feed}?token=${full}`, { params });
    expect(refused.status).toBe(401);
    expect((await refused.json()).error).toMatch(/^A feed or calendar link takes a read-only token/);
    expect((await get(routes.calendar, `/api/deadlines.ics?token=${full}`)).status).toBe(401);
    // A full-access token still reads as a bearer, the way a script sends it.
    expect((await get(routes.feed, feed, { bearer: full, params })).status).toBe(200);
    expect((await get(routes.list, '/api/negotiations', { bearer: readOnly })).status).toBe(200);
    const used = m.listTokensOf(db, viewer.id).find((t) => t.scope === 'read')!;
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('refuses an expired or revoked token in a feed link', async () => {
    const viewer = m.makeUser(db, 'viewer');
    const old = m.createApiToken(db, viewer, { name: 'old feed', scope: 'read', days: 7 }, new Date('2025-01-01T00:00:00Z')).token;
    expect((await get(routes.calendar, `/api/deadlines.ics?token=${old}`)).status).toBe(401);
    const made = m.createApiToken(db, viewer, { name: 'feed', scope: 'read', days: 30 });
    m.revokeApiToken(db, viewer, made.id);
    expect((await get(routes.calendar, `/api/deadlines.ics?token=${made.token}`)).status).toBe(401);
  });
});

describe("admins see and revoke anyone's tokens", () => {
  it("lists every user's tokens with their owner, working ones first, and an admin's revocation says so", () => {
    const analyst = m.makeUser(db, 'analyst');
    const viewer = m.makeUser(db, 'viewer');
    const a = m.createApiToken(db, analyst, { name: 'analyst import script', scope: 'full', days: 30 });
    const v = m.createApiToken(db, viewer, { name: 'viewer calendar', scope: 'read', days: 365 });
    m.revokeApiToken(db, viewer, v.id);
    const all = m.listAllTokens(db);
    const mine = all.filter((t) => t.ownerId === analyst.id || t.ownerId === viewer.id);
    expect(mine.map((t) => [t.name, t.ownerEmail, t.scope, t.revokedReason])).toEqual([
      ['analyst import script', analyst.email, 'full', null],
      ['viewer calendar', viewer.email, 'read', 'revoked by its owner'],
    ]);
    const firstEnded = all.findIndex((t) => t.revokedAt !== null || t.expiresAt <= new Date().toISOString());
    expect(all.slice(firstEnded).every((t) => t.revokedAt !== null || t.expiresAt <= new Date().toISOString())).toBe(true);

    m.revokeApiToken(db, admin, a.id);
    expect(works(a.token)).toBe(false);
    expect(m.listTokensOf(db, analyst.id)[0].revokedReason).toBe(`revoked by an admin (${admin.name})`);
  });
});

describe('the upgrade', () => {
  it('gives tokens made before expiry existed their full access and 90 days from the upgrade', () => {
    const migrations = path.join(process.cwd(), 'db', 'migrations');
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-token-upgrade-'));
    fs.cpSync(migrations, copy, { recursive: true });
    const journalFile = path.join(copy, 'meta', '_journal.json');
    const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
    const mine = journal.entries.findIndex((e) => e.tag.endsWith('versions_and_token_lifetimes'));
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, mine) }));
    const file = path.join(copy, 'old.db');
    const old = new Database(file);
    migrate(drizzle(old), { migrationsFolder: copy });
    old.exec(`INSERT INTO users (email, name, role, password_hash) VALUES ('old@example.org', 'Old', 'analyst', 'x');
              INSERT INTO api_tokens (user_id, name, token_hash) VALUES (1, 'old script', 'hash-of-old');`);
    // The later migrations' search index needs the function every app connection has (db/search-forms.ts).
    registerSearchForms(old);
    migrate(drizzle(old), { migrationsFolder: migrations });
    const row = old.prepare(`SELECT scope, expires_at FROM api_tokens`).get() as { scope: string; expires_at: string };
    old.close();
    expect(row.scope).toBe('full');
    const days = (Date.parse(row.expires_at) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89.9);
    expect(days).toBeLessThan(90.1);
  });
});
