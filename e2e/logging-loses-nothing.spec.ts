import Database from 'better-sqlite3';
import { test, expect, count, idOf, openChange, writeDb } from './fixtures';
import { HALF_FILLED_SOURCE } from '@/lib/validation/sources';
import { NO_SOURCE, UNSOURCED_LABEL } from '@/lib/update-sourcing';

// Logging an update loses nothing the analyst typed or the tracker held: a position change starts from the
// current position (its red lines kept), half a source is refused beside its field, an update with no source at
// all is refused unless the analyst says it has none yet, and a refusal is summed up at the top of the form,
// focused, each problem a link to its field.

const ISSUE = 'E2E verification regime';
const RED_LINES = 'No on-site inspections of non-deployed warheads';
const ARMS = () => idOf(`SELECT id FROM negotiations WHERE name = 'US–Russia strategic stability'`);
const US = () => idOf(`SELECT id FROM parties WHERE name = 'United States'`);

// An issue of its own, with a current position that has red lines, so that no other spec's facts move.
test.beforeAll(() => {
  const db = writeDb();
  try {
    const issue = db.prepare(`INSERT INTO issues (negotiation_id, title, status, sort_order) VALUES (?, ?, 'under_discussion', 990)`).run(ARMS(), ISSUE);
    db.prepare(`INSERT INTO positions (issue_id, party_id, summary, stance, red_lines, flexibility, as_of) VALUES (?, ?, 'Wants verification restored', 'conditional', ?, 'moderate', '2026-02-01')`).run(
      issue.lastInsertRowid,
      US(),
      RED_LINES,
    );
  } finally {
    db.close();
  }
});

test.afterAll(() => {
  const db = writeDb();
  try {
    db.pragma('foreign_keys = ON');
    const issue = idOf(`SELECT id FROM issues WHERE title = ?`, ISSUE);
    db.prepare(`DELETE FROM updates WHERE id IN (SELECT update_id FROM update_issues WHERE issue_id = ?)`).run(issue);
    db.prepare(`DELETE FROM issues WHERE id = ?`).run(issue);
  } finally {
    db.close();
  }
});

test('a position changed through the update form starts from the current one, and keeps its red lines', async ({ analystPage: page }) => {
  const issueId = idOf(`SELECT id FROM issues WHERE title = ?`, ISSUE);
  await page.goto(`/updates/new?issue=${issueId}`);
  const form = page.getByRole('form', { name: 'Log an update' });
  await form.getByLabel('What happened').fill('Washington said it would not accept verification without on-site inspections.');
  const position = await openChange(form, 'New position');
  await position.getByLabel('Party').selectOption({ label: 'United States' });
  await position.getByLabel('Issue').selectOption({ label: ISSUE });
  // Before → after: what stands now is shown, and the fields start from it.
  await expect(position.locator('[aria-label="Current position"]')).toContainText('conditional');
  await expect(position.locator('[aria-label="Current position"]')).toContainText(RED_LINES);
  await expect(position.getByLabel('Position summary')).toHaveValue('Wants verification restored');
  await expect(position.getByLabel('Red lines')).toHaveValue(RED_LINES);
  await position.getByLabel('Stance').selectOption('opposes');
  await form.getByLabel(UNSOURCED_LABEL).check();
  await form.getByRole('button', { name: 'Log update' }).click();
  await expect(page).toHaveURL(/\/updates\/\d+\?logged=1$/);

  const now = new Database(process.env.E2E_DATABASE_PATH!, { readonly: true });
  try {
    const current = now.prepare(`SELECT stance, red_lines redLines, summary FROM positions WHERE issue_id = ? AND party_id = ? AND is_current = 1`).get(issueId, US());
    expect(current).toEqual({ stance: 'opposes', redLines: RED_LINES, summary: 'Wants verification restored' });
  } finally {
    now.close();
  }
});

test('half a source is refused beside its Outlet, summed up at the top with focus on it, and nothing is written', async ({ analystPage: page }) => {
  const issueId = idOf(`SELECT id FROM issues WHERE title = ?`, ISSUE);
  await page.goto(`/updates/new?issue=${issueId}`);
  const form = page.getByRole('form', { name: 'Log an update' });
  await form.getByLabel('What happened').fill('A report with a link but no outlet.');
  await form.getByText('Add a new source').click();
  await form.getByLabel('URL').fill('https://www.ft.com/content/verification');
  const before = { updates: count(`SELECT count(*) n FROM updates`), sources: count(`SELECT count(*) n FROM sources`) };
  await form.getByRole('button', { name: 'Log update' }).click();

  const summary = form.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: HALF_FILLED_SOURCE })).toBeVisible();
  await expect(form.getByLabel('Outlet')).toHaveAttribute('aria-invalid', 'true');
  // The link takes the reader to the field.
  await summary.getByRole('link', { name: HALF_FILLED_SOURCE }).click();
  await expect(form.getByLabel('Outlet')).toBeFocused();
  // Everything typed is still there, and nothing was written.
  await expect(form.getByLabel('What happened')).toHaveValue('A report with a link but no outlet.');
  await expect(form.getByLabel('URL')).toHaveValue('https://www.ft.com/content/verification');
  expect(count(`SELECT count(*) n FROM updates`)).toBe(before.updates);
  expect(count(`SELECT count(*) n FROM sources`)).toBe(before.sources);
});

test('an update with no source is refused beside the sources and nothing is written; ticked "unsourced", it is saved and counted apart in the weak-sources panel', async ({
  analystPage: page,
}) => {
  const issueId = idOf(`SELECT id FROM issues WHERE title = ?`, ISSUE);
  const text = `Heard in the corridor that verification is off the table (${Date.now()}).`;
  await page.goto(`/updates/new?issue=${issueId}`);
  const form = page.getByRole('form', { name: 'Log an update' });
  await form.getByLabel('What happened').fill(text);
  const before = count(`SELECT count(*) n FROM updates`);
  await form.getByRole('button', { name: 'Log update' }).click();

  const summary = form.locator('.error-summary');
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link', { name: NO_SOURCE })).toBeVisible();
  await expect(form.getByLabel('Find a source already in the tracker')).toHaveAttribute('aria-invalid', 'true');
  // The summary's link reaches the search that stands for the sources.
  await summary.getByRole('link', { name: NO_SOURCE }).click();
  await expect(form.getByLabel('Find a source already in the tracker')).toBeFocused();
  await expect(form.getByLabel('What happened')).toHaveValue(text);
  expect(count(`SELECT count(*) n FROM updates`)).toBe(before);

  await form.getByLabel(UNSOURCED_LABEL).check();
  await form.getByRole('button', { name: 'Log update' }).click();
  await expect(page).toHaveURL(/\/updates\/\d+\?logged=1$/);
  const updateId = Number(new URL(page.url()).pathname.split('/').pop());
  expect(count(`SELECT count(*) n FROM updates WHERE id = ? AND unsourced = 1`, updateId)).toBe(1);

  // The panel lists it apart from the positions on weak sources, and the first line counts it.
  const unsourced = count(`SELECT count(*) n FROM updates WHERE unsourced = 1`);
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'At a glance' })).toContainText(`unsourced: ${unsourced}`);
  const attention = page.locator('details', { has: page.getByText(/^Needs attention: /) }).first();
  await expect(attention.locator('summary')).toContainText(`${unsourced} unsourced`);
  if ((await attention.getAttribute('open')) === null) await attention.locator('summary').click();
  const panel = page.getByRole('region', { name: 'Needs attention' });
  await expect(panel.getByRole('heading', { name: `Updates logged without a source (${unsourced})` })).toBeVisible();
  await expect(panel.getByRole('heading', { name: /^Positions resting only on weak sources/ })).toBeVisible();
  await panel.getByRole('list', { name: 'Updates logged without a source' }).getByRole('link', { name: text }).click();
  await expect(page).toHaveURL(new RegExp(`/updates/${updateId}$`));
});

test('the common path (text, date, issue, party, source) is under 12 Tab stops, and the Lavrov update logs by keyboard alone', async ({ analystPage: page }) => {
  const peace = idOf(`SELECT id FROM negotiations WHERE name = 'Russia–Ukraine peace talks (US-mediated)'`);
  await page.goto(`/updates/new?negotiation=${peace}`);
  const form = page.getByRole('form', { name: 'Log an update' });
  await form.getByLabel('What happened').focus();
  const stops: string[] = [];
  for (let i = 0; i < 40; i++) {
    const here = await page.evaluate(() => {
      const el = document.activeElement as HTMLInputElement;
      return `${el.tagName}:${el.name || el.textContent?.trim()}`;
    });
    stops.push(here);
    if (here === 'BUTTON:Log update') break;
    await page.keyboard.press('Tab');
  }
  expect(stops.length, stops.join(' → ')).toBeLessThan(12);

  // The seed article's Lavrov statement, by keyboard: type, Tab, arrows and Space, down to its source.
  const lavrovSource = { id: idOf(`SELECT id FROM sources WHERE quote LIKE 'In an interview recorded before the talks%'`) };
  await form.getByLabel('What happened').focus();
  await page.keyboard.type('Lavrov dismissed the security guarantees as "nonsense" (FT).');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2026-02-05');
  await page.keyboard.press('Tab'); // round: chosen from the date
  await expect(form.getByLabel('Round', { exact: true })).toHaveValue(String(idOf(`SELECT id FROM rounds WHERE name = 'Abu Dhabi round 2'`)));
  await page.keyboard.press('Tab'); // issues: Donbas status first
  await page.keyboard.press('ArrowDown'); // Security guarantees
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab'); // parties: United States first
  await page.keyboard.press('ArrowDown'); // Russia
  await page.keyboard.press('Space');
  await page.keyboard.press('Tab'); // time and people it names (folded)
  await page.keyboard.press('Tab'); // the search for a source already in the tracker: words of the quote, ↓, Enter
  const search = form.getByRole('combobox', { name: 'Find a source already in the tracker' });
  await expect(search).toBeFocused();
  await page.keyboard.type('interview recorded before the talks');
  await expect(form.getByRole('listbox', { name: 'Sources found' }).getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(form.getByRole('group', { name: 'Issues' }).getByLabel('Security guarantees')).toBeChecked();
  await expect(form.getByRole('group', { name: 'Parties' }).getByLabel('Russia')).toBeChecked();
  await expect(form.locator('input[type="hidden"][name="sourceIds"]')).toHaveValue(String(lavrovSource.id));
  const before = count(`SELECT count(*) n FROM updates`);
  await form.getByRole('button', { name: 'Log update' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/updates\/\d+\?logged=1$/);
  expect(count(`SELECT count(*) n FROM updates`)).toBe(before + 1);
  const logged = Number(new URL(page.url()).pathname.split('/').pop());
  expect(count(`SELECT count(*) n FROM update_sources WHERE update_id = ? AND source_id = ?`, logged, lavrovSource.id)).toBe(1);
});
