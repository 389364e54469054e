import { test, expect, count, idOf } from './fixtures';

const donbasId = () => idOf(`SELECT id FROM issues WHERE title = 'Donbas status'`);

test('the convergence chart renders for Donbas, with its data table; viewers get no form', async ({ analystPage: page, viewerPage }) => {
  await page.goto(`/issues/${donbasId()}/convergence`);
  await expect(page.getByRole('heading', { level: 1, name: 'Convergence: Donbas status' })).toBeVisible();
  const chart = page.getByRole('img', { name: /Convergence on Donbas status/ });
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('aria-label', /Istanbul 4, Abu Dhabi round 1 4, Abu Dhabi round 2 4, Round 3 not judged/);
  const table = page.getByRole('table', { name: 'Convergence on Donbas status by round' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(table.getByRole('row', { name: /Abu Dhabi round 2/ })).toContainText('4 — irreconcilable');
  await expect(page.getByRole('img', { name: /Stances on Donbas status by party over time: .*Russia: opposes/ })).toBeVisible();
  await page.screenshot({ path: '/tmp/insight-convergence.png', fullPage: true });

  // An analyst records a judgement for the planned round; the chart follows.
  await page.getByLabel('Round', { exact: true }).selectOption({ label: 'Round 3' });
  await page.getByLabel('How far apart are the parties?', { exact: true }).selectOption('3');
  await page.getByLabel('Note (why; cite the report)').fill('Test judgement');
  await page.getByRole('button', { name: 'Record judgement' }).click();
  await expect(page.getByRole('status')).toContainText('Judgement recorded');
  await expect(chart).toHaveAttribute('aria-label', /Round 3 3\./);

  await viewerPage.goto(`/issues/${donbasId()}/convergence`);
  await expect(viewerPage.getByRole('img', { name: /Convergence on Donbas status/ })).toBeVisible();
  await expect(viewerPage.getByRole('button', { name: 'Record judgement' })).toHaveCount(0);
});

test('the prisoner exchange group shows both outlets and is marked consistent', async ({ viewerPage: page }) => {
  const id = idOf(`SELECT id FROM corroborations WHERE label = 'Prisoner exchange at Abu Dhabi round 2'`);
  await page.goto('/corroborations');
  await expect(page.getByRole('row', { name: /Prisoner exchange at Abu Dhabi round 2/ })).toContainText('consistent');
  await page.getByRole('link', { name: 'Prisoner exchange at Abu Dhabi round 2' }).click();
  await expect(page).toHaveURL(new RegExp(`/corroborations/${id}$`));
  const summary = page.getByRole('region', { name: 'Summary' });
  await expect(summary).toContainText('2 (El País, Financial Times)');
  await expect(summary).toContainText('consistent (analyst)');
  await expect(summary).toContainText('the figures differ');
  const figures = page.getByRole('list', { name: 'Figures each update reports' });
  await expect(figures).toContainText('314');
  await expect(figures).toContainText('157');
  await expect(page.getByRole('heading', { level: 3 })).toHaveCount(2);
  await expect(page.locator('.source-chain', { hasText: 'Financial Times' }).first()).toBeVisible();
  await expect(page.locator('.source-chain', { hasText: 'El País' }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save verdict' })).toHaveCount(0);
  await page.screenshot({ path: '/tmp/insight-corroboration.png', fullPage: true });
});

test('a shared dashboard URL restores the filtered view', async ({ viewerPage: page }) => {
  await page.goto('/?status=deadlocked');
  await expect(page.getByLabel('Status')).toHaveValue('deadlocked');
  const rows = page.locator('table.matrix tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Donbas status');
  await expect(rows.first()).toContainText('deadlocked');
  await expect(page.getByRole('region', { name: 'Needs attention' })).toContainText('Russia on Donbas status');
  await page.screenshot({ path: '/tmp/insight-dashboard-filtered.png', fullPage: true });
});

test('an analyst saves a view; it appears in the list and restores the filters', async ({ analystPage: page }) => {
  await page.goto('/');
  await page.screenshot({ path: '/tmp/insight-dashboard.png', fullPage: true });
  await page.getByLabel('Status').selectOption('under_discussion');
  await page.getByLabel('Priority').selectOption('critical');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/\/\?status=under_discussion&priority=critical$/);
  // Other specs add issues to the same database: count what the filter should keep there.
  const matching = () => count(`SELECT count(*) n FROM issues WHERE status = 'under_discussion' AND priority = 'critical'`);
  await expect(page.locator('table.matrix tbody tr')).toHaveCount(matching());

  await page.getByLabel('Save this view as…').fill('Critical, open');
  await page.getByRole('button', { name: 'Save view' }).click();
  await expect(page.getByRole('status')).toContainText('View “Critical, open” saved.');
  const list = page.getByRole('list', { name: 'Your saved views' });
  await expect(list.getByRole('link', { name: 'Critical, open' })).toBeVisible();
  expect(count(`SELECT count(*) n FROM saved_views WHERE name = 'Critical, open' AND query = 'status=under_discussion&priority=critical'`)).toBe(1);

  await page.goto('/');
  await expect(page.locator('table.matrix tbody tr')).toHaveCount(count(`SELECT count(*) n FROM issues`));
  await page.getByRole('list', { name: 'Your saved views' }).getByRole('link', { name: 'Critical, open' }).click();
  await expect(page).toHaveURL(/\?status=under_discussion&priority=critical$/);
  await expect(page.getByLabel('Status')).toHaveValue('under_discussion');
  await expect(page.getByLabel('Priority')).toHaveValue('critical');
  await expect(page.locator('table.matrix tbody tr')).toHaveCount(matching());

  await page.getByRole('button', { name: 'Delete view Critical, open' }).click();
  await expect(page.getByRole('list', { name: 'Your saved views' })).toHaveCount(0);
  expect(count(`SELECT count(*) n FROM saved_views WHERE name = 'Critical, open'`)).toBe(0);
});

test('the activity feed lists changes; the Atom feed needs a token', async ({ analystPage: page, playwright }) => {
  await page.goto('/activity');
  await expect(page.getByRole('heading', { level: 1, name: 'Activity' })).toBeVisible();
  const negotiationId = idOf(`SELECT id FROM negotiations WHERE name LIKE 'Russia%'`);
  const anonymous = await playwright.request.newContext({ baseURL: new URL(page.url()).origin });
  expect((await anonymous.get(`/api/negotiations/${negotiationId}/updates.atom`)).status()).toBe(401);
  expect((await anonymous.get(`/api/negotiations/${negotiationId}/updates.atom?token=ntk_wrong`)).status()).toBe(401);
  await anonymous.dispose();
  const feed = await page.request.get(`/api/negotiations/${negotiationId}/updates.atom`);
  expect(feed.status()).toBe(200);
  expect(feed.headers()['content-type']).toContain('application/atom+xml');
  const xml = await feed.text();
  expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
  expect(xml).toContain('157 Russian and Ukrainian prisoners');
  expect((await page.request.get('/api/negotiations/99999/updates.atom')).status()).toBe(404);
});
