import { test, expect } from './fixtures';

test('"/" focuses the search box; results highlight the words and filters live in the URL', async ({ viewerPage: page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search' });
  // The shortcut works once the page has hydrated; keep pressing until it does.
  await expect(async () => {
    await page.keyboard.press('/');
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass();
  await box.fill('nonsense');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=nonsense/);
  await expect(page.getByRole('heading', { name: /results? for “nonsense”/ })).toBeVisible();
  await expect(page.locator('mark', { hasText: /nonsense/i }).first()).toBeVisible();

  // A shared link restores the filtered view.
  await page.goto('/search?q=prisoners&kind=update&reliability=A');
  await expect(page.getByLabel('Kind')).toHaveValue('update');
  await expect(page.getByRole('heading', { name: 'No results for “prisoners”' })).toBeVisible();
  await page.goto('/search?q=%22%29%28NEAR%20AND%20*');
  await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
});

test('deadlines list key dates with days left; the calendar feed needs a token', async ({ viewerPage: page, playwright }) => {
  await page.goto('/deadlines?past=1');
  const row = page.getByRole('row', { name: /New START expires/ }).filter({ hasText: 'US–Russia strategic stability' }).first();
  await expect(row).toContainText('5 Feb 2026');
  await expect(row).toContainText(/days? (ago|left)|today/);
  await expect(page.getByRole('row', { name: /Planned round: Round 3/ })).toContainText('in the coming weeks');

  const anonymous = await playwright.request.newContext({ baseURL: page.url() });
  expect((await anonymous.get('/api/deadlines.ics')).status()).toBe(401);
  expect((await anonymous.get('/api/deadlines.ics?token=ntk_not-a-token')).status()).toBe(401);
  await anonymous.dispose();
  const ics = await page.request.get('/api/deadlines.ics');
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain('SUMMARY:New START expires');
});
