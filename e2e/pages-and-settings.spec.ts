import fs from 'node:fs';
import path from 'node:path';
import { test, expect, idOf, loginAs } from './fixtures';

/** Every page with an id in its path, found on disk, with an id no record has. */
function pagesOfMissingRecords(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === 'page.tsx' ? [path.join(dir, e.name)] : []));
  return walk(path.join(process.cwd(), 'app'))
    .map((f) => path.relative(path.join(process.cwd(), 'app'), f).split(path.sep).join('/'))
    .filter((f) => f.includes('['))
    .map((f) => '/' + f.replace(/\/?page\.tsx$/, '').replace(/\[[^\]]+\]/g, '999999'));
}

// The site's own pages as a reader meets them: an icon, not-found in the site's look, removals that ask
// first, an update linking its round, activity on the reader's clock, shortcuts that can be turned off,
// targets big enough to hit, and a dark theme when the system asks for one.

test('the site has an icon, and a missing page is "Not found" in the site’s own look', async ({ analystPage: page }) => {
  const icon = await page.request.get('/icon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
  await page.goto('/');
  // Next may list the icon more than once while a page streams in: one is enough.
  await expect(page.locator('head link[rel="icon"][href*="icon.svg"]').first()).toBeAttached();

  const pages = pagesOfMissingRecords();
  expect(pages.length).toBeGreaterThan(15);
  for (const url of pages) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' }), url).toBeVisible();
    await expect(page, url).toHaveTitle('Not found · Negotiation tracker');
    await expect(page.locator('.site-header'), url).toBeVisible();
  }
  await expect(page.getByRole('link', { name: 'Back to the dashboard' })).toBeVisible();
});

test('an update links the round it happened at', async ({ analystPage: page }) => {
  const updateId = idOf(`SELECT id FROM updates WHERE round_id IS NOT NULL ORDER BY id LIMIT 1`);
  const roundId = idOf(`SELECT round_id id FROM updates WHERE id = ?`, updateId);
  await page.goto(`/updates/${updateId}`);
  await page.locator('dt:text-is("Round") + dd a').click();
  await expect(page).toHaveURL(new RegExp(`/rounds/${roundId}$`));
});

test('removing an outcome asks first; Cancel keeps it', async ({ analystPage: page }) => {
  const roundId = idOf(`SELECT id FROM rounds WHERE status = 'held' ORDER BY id LIMIT 1`);
  await page.goto(`/rounds/${roundId}/edit`);
  const text = `Outcome to remove ${Date.now()}`;
  const form = page.getByRole('form', { name: 'New outcome' });
  await form.getByLabel('Outcome').fill(text);
  await form.getByRole('button', { name: 'Add outcome' }).click();
  const item = page.getByRole('listitem').filter({ hasText: text });
  await expect(item).toBeVisible();
  await item.getByRole('button', { name: 'Remove' }).click();
  await expect(item.getByRole('group', { name: 'Remove this outcome? It cannot be undone.' })).toBeVisible();
  await item.getByRole('button', { name: 'Cancel' }).click();
  await expect(item.getByRole('button', { name: 'Remove' })).toBeVisible();
  await item.getByRole('button', { name: 'Remove' }).click();
  await item.getByRole('button', { name: 'Yes, remove' }).click();
  await expect(page.getByText(text)).toHaveCount(0);
});

/** Presses `key` until the page has hydrated and the shortcut took it to the update form. */
async function shortcutOpensUpdateForm(page: import('@playwright/test').Page, key: string) {
  await expect(async () => {
    if (!page.url().includes('/updates/new')) await page.keyboard.press(key);
    await expect(page).toHaveURL(/\/updates\/new/, { timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

test('single-key shortcuts: "N" works like "n", and both can be turned off in the settings', async ({ analystPage: page }) => {
  await page.goto('/negotiations');
  await shortcutOpensUpdateForm(page, 'Shift+N');

  await page.goto('/settings');
  const toggle = page.getByRole('checkbox', { name: /Single-key shortcuts/ });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await expect(page.getByRole('status')).toHaveText('Shortcuts are off in this browser.');
  await page.goto('/negotiations');
  await page.waitForLoadState('networkidle');
  await page.keyboard.press('n');
  await page.keyboard.press('/');
  await expect(page).toHaveURL(/\/negotiations$/);
  await expect(page.getByRole('searchbox', { name: 'Search' })).not.toBeFocused();

  await page.goto('/settings');
  await page.getByRole('checkbox', { name: /Single-key shortcuts/ }).check();
  await page.goto('/negotiations');
  await shortcutOpensUpdateForm(page, 'n');
});

test('activity shows times on the reader’s own clock', async ({ browser }) => {
  const context = await browser.newContext({ timezoneId: 'America/New_York' });
  await loginAs(context.request, 'analyst');
  const page = await context.newPage();
  await page.goto('/activity');
  // The browser tells the server its zone once, then the page is shown again in it.
  await expect(page.getByText('your time zone, America/New_York')).toBeVisible();
  const first = page.locator('ol.history time').first();
  const at = await first.getAttribute('datetime');
  const expected = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'America/New_York' }).format(new Date(at!));
  await expect(first).toHaveText(expected);
  await context.close();
});

test('every control on the main pages is at least 24 px high, but links within a line of text', async ({ analystPage: page }) => {
  const issueId = idOf(`SELECT id FROM issues ORDER BY id LIMIT 1`);
  const roundId = idOf(`SELECT id FROM rounds ORDER BY id LIMIT 1`);
  for (const url of ['/', '/negotiations', '/updates/new', `/issues/${issueId}`, `/rounds/${roundId}`, '/homework', '/deadlines', '/activity', '/settings']) {
    await page.goto(url);
    const small = await page.evaluate(() =>
      [...document.querySelectorAll('a, button, select, input, textarea, summary')]
        .filter((el) => (el as HTMLElement).offsetParent !== null && getComputedStyle(el).display !== 'inline')
        // A checkbox or radio has its label as an equivalent, larger target (WCAG 2.5.8's exception).
        .filter((el) => !((el as HTMLInputElement).type === 'checkbox' || (el as HTMLInputElement).type === 'radio') || !(el as HTMLInputElement).labels?.length)
        .map((el) => ({ el: `${el.tagName.toLowerCase()} ${(el.textContent || el.getAttribute('name') || '').trim().slice(0, 30)}`, h: el.getBoundingClientRect().height }))
        .filter((t) => t.h < 24),
    );
    expect(small, url).toEqual([]);
  }
});

test('a dark theme follows the system setting', async ({ browser }) => {
  const context = await browser.newContext({ colorScheme: 'dark' });
  await loginAs(context.request, 'analyst');
  const page = await context.newPage();
  await page.goto('/');
  const colours = await page.evaluate(() => ({ bg: getComputedStyle(document.documentElement).backgroundColor, ink: getComputedStyle(document.documentElement).color }));
  expect(colours).toEqual({ bg: 'rgb(18, 22, 27)', ink: 'rgb(230, 233, 237)' });
  await context.close();
  const light = await browser.newContext({ colorScheme: 'light' });
  await loginAs(light.request, 'analyst');
  const lightPage = await light.newPage();
  await lightPage.goto('/');
  expect(await lightPage.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(247, 247, 245)');
  await light.close();
});
