import { test as base, expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';

export const DEMO_PASSWORD = 'tracker-demo';
/** The demo logins: one per role, and the outsider, an analyst who is no member of the restricted peace talks. */
export type DemoRole = 'admin' | 'analyst' | 'viewer' | 'outsider';
export const emailOf = (role: DemoRole) => `${role}@example.org`;
/** The role each demo login has (db/demo/accounts.json). */
export const roleOf = (login: DemoRole): 'admin' | 'analyst' | 'viewer' => (login === 'outsider' ? 'analyst' : login);

/** Logs in through next-auth's own routes, the way a script would; the cookie lands in the page's context. */
export async function loginAs(request: APIRequestContext, role: DemoRole) {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const response = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: emailOf(role), password: DEMO_PASSWORD, json: 'true' },
  });
  expect(response.ok()).toBeTruthy();
}

/** Read-only access to the run's throw-away database, to check what was (not) written. */
export function readDb() {
  return new Database(process.env.E2E_DATABASE_PATH!, { readonly: true, fileMustExist: true });
}

export function count(sql: string, ...params: unknown[]): number {
  const db = readDb();
  try {
    return (db.prepare(sql).get(...params) as { n: number }).n;
  } finally {
    db.close();
  }
}

export function idOf(sql: string, ...params: unknown[]): number {
  const db = readDb();
  try {
    return (db.prepare(sql).get(...params) as { id: number }).id;
  } finally {
    db.close();
  }
}

/** Opens one of the update form's changes ("New position", "Status change", …), folded under one summary, and gives its section. */
export async function openChange(form: Locator, name: string): Promise<Locator> {
  const changes = form.locator('details.changes');
  if (!(await changes.evaluate((d: HTMLDetailsElement) => d.open))) await changes.locator('summary').first().click();
  const section = changes.locator('details', { hasText: name });
  await section.getByText(name, { exact: true }).click();
  return section;
}

/**
 * Fills and submits the issue page's position form for `partyName`, but captures the server-action POST
 * instead of letting it through, so a test can replay it with other credentials or headers.
 */
export async function capturePositionPost(page: Page, issueId: number, partyName: string, summary: string) {
  await page.goto(`/issues/${issueId}`);
  await page.getByText(`Record a new position for ${partyName}`).click();
  const form = page.getByRole('form', { name: `New position of ${partyName}` });
  await form.getByLabel('Summary').fill(summary);
  let captured: { headers: Record<string, string>; body: Buffer } | undefined;
  await page.route(`**/issues/${issueId}`, async (route) => {
    const req = route.request();
    if (req.method() === 'POST') {
      captured = { headers: await req.allHeaders(), body: req.postDataBuffer()! };
      await route.abort();
    } else await route.continue();
  });
  await form.getByRole('button', { name: 'Record position' }).click();
  await expect.poll(() => captured).toBeDefined();
  await page.unroute(`**/issues/${issueId}`);
  return captured!;
}

type Fixtures = { analystPage: Page; viewerPage: Page; adminPage: Page; outsiderPage: Page };

export const test = base.extend<Fixtures>({
  analystPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    await loginAs(context.request, 'analyst');
    await use(await context.newPage());
    await context.close();
  },
  viewerPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    await loginAs(context.request, 'viewer');
    await use(await context.newPage());
    await context.close();
  },
  adminPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    await loginAs(context.request, 'admin');
    await use(await context.newPage());
    await context.close();
  },
  outsiderPage: async ({ browser }, use) => {
    const context = await browser.newContext();
    await loginAs(context.request, 'outsider');
    await use(await context.newPage());
    await context.close();
  },
});

export { expect };
