import { test, expect, count, idOf, capturePositionPost } from './fixtures';

const DONBAS = () => idOf(`SELECT id FROM issues WHERE title = 'Donbas status'`);
const UKRAINE = () => idOf(`SELECT id FROM parties WHERE short_name = 'UA'`);

test('anyone can read the health check; everything else needs a login', async ({ page, request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  expect((await health.json()).database.ok).toBe(true);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('an analyst logs in with the form and sees the seeded matrix', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('Email').fill('analyst@example.org');
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('p[role=alert]')).toContainText('Wrong email or password');
  await page.getByLabel('Password').fill('tracker-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Where every issue stands' })).toBeVisible();
  const talks = page.getByRole('table', { name: /Russia–Ukraine peace talks/ });
  const donbas = talks.getByRole('row', { name: /Donbas status/ });
  await expect(donbas).toContainText('deadlocked');
  await expect(donbas).toContainText('opposes');
  const start = page.getByRole('table', { name: /strategic stability/ });
  await expect(start.getByRole('row', { name: /New START extension/ })).toContainText('New START expires');
});

test('an analyst records a new position and the old one stays in the history', async ({ analystPage: page }) => {
  const issueId = DONBAS();
  const before = count(`SELECT count(*) n FROM positions WHERE issue_id = ? AND party_id = ?`, issueId, UKRAINE());
  await page.goto(`/issues/${issueId}`);
  await page.getByText('Record a new position for Ukraine').click();
  const form = page.getByRole('form', { name: 'New position of Ukraine' });
  await form.getByLabel('Summary').fill('Open to a freeze of the line of contact, no recognition.');
  await form.getByLabel('Stance').selectOption('conditional');
  await form.getByLabel('As of').fill('2026-02-06');
  await form.getByText('Add a new source').click();
  await form.getByLabel('Outlet').fill('Kyiv Independent');
  await form.getByLabel('Quoted text').fill('We will never recognise occupied land.');
  await form.getByRole('button', { name: 'Record position' }).click();
  await expect(form.getByRole('status')).toContainText('New position recorded');

  const history = page.getByRole('region', { name: 'Position history of Ukraine' });
  await expect(history.getByText('Open to a freeze of the line of contact')).toBeVisible();
  await expect(history.getByText('superseded').first()).toBeVisible();
  await expect(history.getByText('Changed: stance opposes → conditional')).toBeVisible();
  expect(count(`SELECT count(*) n FROM positions WHERE issue_id = ? AND party_id = ?`, issueId, UKRAINE())).toBe(before + 1);
});

test('the status form fetches its source list when opened, and cites the chosen source', async ({ analystPage: page }) => {
  const issueId = idOf(`SELECT id FROM issues WHERE title = 'Ceasefire monitoring'`);
  const elPais = idOf(`SELECT id FROM cited_sources WHERE outlet = 'El País' ORDER BY id DESC LIMIT 1`);
  await page.goto(`/issues/${issueId}`);
  const lists = page.waitForResponse((r) => r.url().endsWith('/api/sources/choices') && r.status() === 200);
  await page.getByText('Change the status').click();
  await lists;
  const form = page.getByRole('form', { name: 'Change status' });
  const picker = form.getByLabel('Cite an existing source');
  await expect(picker.locator(`option[value="${elPais}"]`)).toHaveCount(1);
  await picker.selectOption(String(elPais));
  await form.getByLabel('New status').selectOption('narrowing');
  await form.getByRole('button', { name: 'Change status' }).click();
  await expect(form.getByRole('status')).toContainText('Status changed');
  expect(count(`SELECT count(*) n FROM status_changes WHERE issue_id = ? AND source_id = ? AND to_status = 'narrowing'`, issueId, elPais)).toBe(1);
});

test('a bad date gets a message beside the field, keeps the typing and writes nothing', async ({ analystPage: page }) => {
  const issueId = DONBAS();
  const before = count(`SELECT count(*) n FROM positions`);
  await page.goto(`/issues/${issueId}`);
  await page.getByText('Record a new position for Russia').click();
  const form = page.getByRole('form', { name: 'New position of Russia' });
  await form.getByLabel('Summary').fill('Typed text that must survive');
  await form.getByLabel('As of').evaluate((el: HTMLInputElement) => {
    el.type = 'text';
    el.value = '2026-02-31';
  });
  await form.getByRole('button', { name: 'Record position' }).click();
  await expect(form.locator('.field').getByText('As-of date must be a real date (YYYY-MM-DD).')).toBeVisible();
  await expect(form.getByLabel('Summary')).toHaveValue('Typed text that must survive');
  expect(count(`SELECT count(*) n FROM positions`)).toBe(before);
});

test('a viewer finds no form, and a forged request is refused', async ({ analystPage, viewerPage }) => {
  const issueId = DONBAS();
  await viewerPage.goto(`/issues/${issueId}`);
  await expect(viewerPage.getByRole('heading', { name: 'Donbas status' })).toBeVisible();
  await expect(viewerPage.getByText(/Record a new position/)).toHaveCount(0);
  await expect(viewerPage.getByRole('form')).toHaveCount(0);

  // Capture a real server-action request an analyst sends, without letting it through…
  const captured = await capturePositionPost(analystPage, issueId, 'United States', 'Forged by a viewer');

  // …and replay it with the viewer's session.
  const before = count(`SELECT count(*) n FROM positions`);
  const { cookie: _cookie, ...headers } = captured.headers;
  const response = await viewerPage.request.post(`/issues/${issueId}`, { headers, data: captured.body });
  expect(response.status()).toBeLessThan(500);
  expect(await response.text()).toContain('Your role can read but not change anything.');
  expect(count(`SELECT count(*) n FROM positions`)).toBe(before);
  expect(count(`SELECT count(*) n FROM positions WHERE summary = 'Forged by a viewer'`)).toBe(0);
});
