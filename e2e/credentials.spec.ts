import { request as playwrightRequest, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { test, expect, count, idOf } from './fixtures';

// Every credential of a user ends together; tokens end on their own; feed links carry read-only tokens;
// admins see and revoke anyone's tokens (db/mutations/credentials.ts, server/auth/request-user.ts).

const unique = () => Math.random().toString(36).slice(2, 7);
const PASSWORD = 'Fresh-start-2026';

/** An admin creates an analyst on the users page; returns their email. */
async function createAnalyst(admin: Page): Promise<string> {
  const email = `token-holder-${unique()}@example.org`;
  await admin.goto('/admin/users');
  const form = admin.getByRole('form', { name: 'New user' });
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Name').fill('Token Holder');
  await form.getByLabel('Role').selectOption('analyst');
  await form.getByLabel('Password').fill(PASSWORD);
  await form.getByRole('button', { name: 'Create user' }).click();
  await expect(admin.getByRole('status')).toContainText(`Created analyst ${email}`);
  return email;
}

/** A browser signed in as `email`, on its API tokens page. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const { csrfToken } = await (await context.request.get('/api/auth/csrf')).json();
  await context.request.post('/api/auth/callback/credentials', { form: { csrfToken, email, password: PASSWORD, json: 'true' } });
  const page = await context.newPage();
  await page.goto('/settings/tokens');
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  return page;
}

/** Creates a token on the API tokens page and returns it as shown, once. */
async function createToken(page: Page, name: string, access: 'read' | 'full', lasts = '90') {
  const form = page.getByRole('form', { name: 'Create a token' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Access').selectOption(access);
  await form.getByLabel('Lasts').selectOption(lasts);
  await form.getByRole('button', { name: 'Create token' }).click();
  return page.getByRole('region', { name: 'Your new token' }).getByLabel('Token').inputValue();
}

async function script(baseURL: string | undefined): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
}

test('a token made before a password reset no longer works, and the admin sees why it ended', async ({ adminPage: admin, browser, baseURL }) => {
  test.setTimeout(120_000);
  const email = await createAnalyst(admin);
  const holder = await signedIn(browser, email);
  const token = await createToken(holder, 'nightly export', 'full');
  const api = await script(baseURL);
  try {
    const auth = { Authorization: `Bearer ${token}` };
    expect((await api.get('/api/negotiations', { headers: auth })).status()).toBe(200);

    await admin.goto('/admin/users');
    const reset = admin.getByRole('form', { name: `Password of ${email}` });
    await reset.getByLabel('New password').fill('Another-start-2026');
    await reset.getByRole('button', { name: 'Reset password' }).click();
    await expect(reset.getByRole('status')).toContainText('Password reset; their sessions and API tokens have ended.');

    expect((await api.get('/api/negotiations', { headers: auth })).status()).toBe(401);
    // Their browser session ended too: the next page sends them to sign in.
    await holder.goto('/settings/tokens');
    await expect(holder).toHaveURL(/\/login/);

    await admin.getByRole('link', { name: 'API tokens of all users' }).click();
    const row = admin.getByRole('table', { name: 'Tokens of all users' }).getByRole('row', { name: new RegExp(email) });
    await expect(row).toContainText('nightly export');
    await expect(row).toContainText('full access');
    await expect(row).toContainText('password reset');
    await expect(row.getByRole('button', { name: /Revoke/ })).toHaveCount(0);
  } finally {
    await api.dispose();
    await holder.context().close();
  }
});

test('a token of a disabled account stays refused once the account is enabled again', async ({ adminPage: admin, browser, baseURL }) => {
  test.setTimeout(120_000);
  const email = await createAnalyst(admin);
  const holder = await signedIn(browser, email);
  const token = await createToken(holder, 'calendar', 'read');
  await holder.context().close();
  const api = await script(baseURL);
  try {
    const calendar = `/api/deadlines.ics?token=${token}`;
    expect((await api.get(calendar)).status()).toBe(200);
    await admin.goto('/admin/users');
    const row = admin.getByRole('row', { name: new RegExp(email) });
    await row.getByRole('form', { name: `Access of ${email}` }).getByRole('button', { name: 'Disable' }).click();
    await expect(row.getByText('disabled', { exact: true })).toBeVisible();
    expect((await api.get(calendar)).status()).toBe(401);
    await row.getByRole('form', { name: `Access of ${email}` }).getByRole('button', { name: 'Enable' }).click();
    await expect(row.getByText('active', { exact: true })).toBeVisible();
    expect((await api.get(calendar)).status()).toBe(401);
  } finally {
    await api.dispose();
  }
});

test('a feed link cannot log an update; a full-access token is not taken in a link', async ({ analystPage: page, baseURL }) => {
  await page.goto('/settings/tokens');
  const feedToken = await createToken(page, `feed reader ${unique()}`, 'read', '30');
  await page.reload();
  const fullToken = await createToken(page, `import script ${unique()}`, 'full', '7');
  const negotiationId = idOf(`SELECT id FROM negotiations WHERE name LIKE 'Russia%'`);
  const api = await script(baseURL);
  try {
    const feed = `/api/negotiations/${negotiationId}/updates.atom`;
    expect((await api.get(`${feed}?token=${feedToken}`)).status()).toBe(200);

    const before = count(`SELECT count(*) n FROM updates`);
    const body = { negotiationId, body: 'Logged with a feed link token', occurredOn: '2026-02-10', sources: [{ outlet: 'Script wire', reliability: 'C', credibility: 3 }] };
    const refused = await api.post('/api/updates', { headers: { Authorization: `Bearer ${feedToken}` }, data: body });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error).toContain('This token is read-only');
    expect(count(`SELECT count(*) n FROM updates`)).toBe(before);

    const inLink = await api.get(`${feed}?token=${fullToken}`);
    expect(inLink.status()).toBe(401);
    expect((await inLink.json()).error).toContain('takes a read-only token');
    // Only the feeds read ?token=: anywhere else a token goes in the header.
    expect((await api.get(`/api/negotiations?token=${feedToken}`)).status()).toBe(401);

    const logged = await api.post('/api/updates', { headers: { Authorization: `Bearer ${fullToken}` }, data: { ...body, body: 'Logged by the import script' } });
    expect(logged.status()).toBe(201);

    await page.reload();
    const table = page.getByRole('table', { name: 'Your tokens' });
    await expect(table.getByRole('row', { name: /feed reader/ })).toContainText('read-only');
    await expect(table.getByRole('row', { name: /feed reader/ })).not.toContainText('never');
  } finally {
    await api.dispose();
  }
});

test("an admin revokes a viewer's token; the viewer sees who ended it; others cannot open the page", async ({ adminPage: admin, viewerPage: viewer, baseURL }) => {
  await viewer.goto('/settings/tokens');
  const name = `spreadsheet link ${unique()}`;
  const token = await createToken(viewer, name, 'read');
  const api = await script(baseURL);
  try {
    const auth = { Authorization: `Bearer ${token}` };
    expect((await api.get('/api/negotiations', { headers: auth })).status()).toBe(200);

    await admin.goto('/admin/tokens');
    const row = admin.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText('viewer@example.org');
    await expect(row).toContainText('read-only');
    await row.getByRole('button', { name: `Revoke ${name}` }).click();
    await row.getByRole('button', { name: 'Yes, revoke' }).click();
    await expect(row).toContainText('revoked by an admin');
    expect((await api.get('/api/negotiations', { headers: auth })).status()).toBe(401);

    await viewer.reload();
    await expect(viewer.getByRole('row', { name: new RegExp(name) })).toContainText('revoked by an admin (Demo Admin)');
    await viewer.goto('/admin/tokens');
    await expect(viewer.getByRole('heading', { name: 'Not available to your role' })).toBeVisible();
    await expect(viewer.getByRole('table')).toHaveCount(0);
  } finally {
    await api.dispose();
  }
});
