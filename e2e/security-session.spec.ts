import Database from 'better-sqlite3';
import { test, expect } from './fixtures';
import { encode } from 'next-auth/jwt';
import { hashPassword } from '@/server/auth/password';
import { E2E_NEXTAUTH_SECRET } from './secret';

// Users of their own, so signing out or locking them does not touch the demo sessions other specs use.
const PASSWORD = 'session-test-password-1';

async function makeUser(email: string, role = 'viewer') {
  const db = new Database(process.env.E2E_DATABASE_PATH!);
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare(`INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, ?)`).run(email, email.split('@')[0], role, await hashPassword(PASSWORD));
  } finally {
    db.close();
  }
}

const unique = (what: string) => `${what}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@test.example`;

test('after five wrong passwords the account is locked, even for the right one, with a clear message', async ({ page }) => {
  test.slow(); // many round trips; the shared CI machine can be slow
  const email = unique('locked');
  await makeUser(email);
  // Its five failures count for 127.0.0.1 too (X-Forwarded-For is not believed: e2e/login-address.spec.ts), well
  // under the per-address limit of the whole run.
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Password').fill(`wrong-password-${i}`);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.locator('p[role=alert]')).toContainText('Wrong email or password');
    await expect(page.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  }
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('p[role=alert]')).toContainText('Too many failed attempts. Wait 15 minutes and try again.');
  await expect(page).toHaveURL(/\/login/);
});

test('signing out invalidates the session cookie everywhere, not only in this browser', async ({ browser }) => {
  const email = unique('signout');
  await makeUser(email);
  const context = await browser.newContext();
  const { csrfToken } = await (await context.request.get('/api/auth/csrf')).json();
  const login = await context.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: PASSWORD, json: 'true' } });
  expect(login.ok()).toBe(true);
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Where every issue stands' })).toBeVisible();
  const stolen = await context.cookies();
  expect(stolen.some((c) => c.name.includes('next-auth.session-token'))).toBe(true);

  const { csrfToken: csrf2 } = await (await context.request.get('/api/auth/csrf')).json();
  await context.request.post('/api/auth/signout', { form: { csrfToken: csrf2, json: 'true' } });

  // Someone who kept a copy of the old cookie gets nothing.
  const other = await browser.newContext();
  await other.addCookies(stolen);
  const replay = await other.newPage();
  await replay.goto('/');
  await expect(replay).toHaveURL(/\/login/);
  const session = await (await other.request.get('/api/auth/session')).json();
  expect(session?.user).toBeUndefined();
  await other.close();
  await context.close();
});

test('a disabled user loses access at the next request', async ({ browser }) => {
  const email = unique('disabled');
  await makeUser(email);
  const context = await browser.newContext();
  const { csrfToken } = await (await context.request.get('/api/auth/csrf')).json();
  await context.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: PASSWORD, json: 'true' } });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Where every issue stands' })).toBeVisible();

  const db = new Database(process.env.E2E_DATABASE_PATH!);
  db.pragma('busy_timeout = 5000');
  db.prepare(`UPDATE users SET disabled = 1 WHERE email = ?`).run(email);
  db.close();

  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
  await context.close();
});

test('a session cookie is honoured only when it is ours, unexpired and of the current session version', async ({ browser, baseURL }) => {
  const email = unique('minted');
  await makeUser(email);
  const db = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  const user = db.prepare('SELECT id, session_version sv FROM users WHERE email = ?').get(email) as { id: number; sv: number };
  db.close();
  const claims = { uid: user.id, sv: user.sv, role: 'viewer' as const, email, name: email };
  const tokens = {
    valid: await encode({ token: claims, secret: E2E_NEXTAUTH_SECRET }),
    expired: await encode({ token: claims, secret: E2E_NEXTAUTH_SECRET, maxAge: -3600 }),
    foreign: await encode({ token: claims, secret: 'another-deployment-secret-0123456789abcdef' }),
    oldVersion: await encode({ token: { ...claims, sv: user.sv - 1 }, secret: E2E_NEXTAUTH_SECRET }),
    garbage: 'not-a-token',
  };
  for (const [kind, value] of Object.entries(tokens)) {
    const context = await browser.newContext();
    await context.addCookies([{ name: 'next-auth.session-token', value, url: baseURL! }]);
    const page = await context.newPage();
    await page.goto('/');
    if (kind === 'valid') await expect(page.getByRole('heading', { name: 'Where every issue stands' }), kind).toBeVisible();
    else await expect(page, kind).toHaveURL(/\/login/);
    expect((await context.request.get('/api/negotiations')).status(), kind).toBe(kind === 'valid' ? 200 : 401);
    await context.close();
  }
});
