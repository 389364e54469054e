import { test, expect, count, idOf, openChange, writeDb } from './fixtures';
import { UNSOURCED_LABEL } from '@/lib/update-sourcing';

// Logging asks one thing once: a position change takes the party and issue the update is about, and the round
// is chosen from the update's date until the analyst picks one.

const ISSUE = 'E2E inspection quotas';
const ARMS = () => idOf(`SELECT id FROM negotiations WHERE name = 'US–Russia strategic stability'`);
const PEACE = () => idOf(`SELECT id FROM negotiations WHERE name = 'Russia–Ukraine peace talks (US-mediated)'`);
const RUSSIA = () => idOf(`SELECT id FROM parties WHERE short_name = 'RU'`);
const round = (name: string) => String(idOf(`SELECT id FROM rounds WHERE name = ?`, name));

// An issue of its own, with Russia's current position on it, so that no other spec's facts move.
test.beforeAll(() => {
  const db = writeDb();
  try {
    const issue = db.prepare(`INSERT INTO issues (negotiation_id, title, status, sort_order) VALUES (?, ?, 'under_discussion', 991)`).run(ARMS(), ISSUE);
    db.prepare(`INSERT INTO positions (issue_id, party_id, summary, stance, red_lines, flexibility, as_of) VALUES (?, ?, 'Quotas by treaty only', 'conditional', 'No US inspectors at Votkinsk', 'low', '2026-02-01')`).run(
      issue.lastInsertRowid,
      RUSSIA(),
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

test("a position change takes the update's party and issue: they are entered once", async ({ analystPage: page }) => {
  const issueId = idOf(`SELECT id FROM issues WHERE title = ?`, ISSUE);
  await page.goto(`/updates/new?issue=${issueId}`);
  const form = page.getByRole('form', { name: 'Log an update' });
  await form.getByLabel('What happened').fill('Moscow said it would accept quotas set by the commission.');
  await form.getByRole('group', { name: 'Parties' }).getByLabel('Russia').check();

  const position = await openChange(form, 'New position');
  await expect(position.getByLabel('Party')).toHaveValue(String(RUSSIA()));
  await expect(position.getByLabel('Issue')).toHaveValue(String(issueId));
  // So it starts from Russia's current position on the issue, red lines and all.
  await expect(position.locator('[aria-label="Current position"]')).toContainText('No US inspectors at Votkinsk');
  await expect(position.getByLabel('Red lines')).toHaveValue('No US inspectors at Votkinsk');
  await position.getByLabel('Stance').selectOption('supports');
  await position.getByLabel('Position summary').fill('Quotas set by the commission');
  await form.getByLabel(UNSOURCED_LABEL).check();
  await form.getByRole('button', { name: 'Log update' }).click();
  await expect(page).toHaveURL(/\/updates\/\d+\?logged=1$/);

  const updateId = Number(new URL(page.url()).pathname.split('/').pop());
  expect(
    count(
      `SELECT count(*) n FROM positions WHERE update_id = ? AND issue_id = ? AND party_id = ? AND is_current = 1 AND stance = 'supports' AND red_lines = 'No US inspectors at Votkinsk' AND as_of = (SELECT occurred_on FROM updates WHERE id = ?)`,
      updateId,
      issueId,
      RUSSIA(),
      updateId,
    ),
  ).toBe(1);
});

test('a change about another party than the update is refused beside its field, and nothing is written', async ({ analystPage: page }) => {
  const issueId = idOf(`SELECT id FROM issues WHERE title = ?`, ISSUE);
  await page.goto(`/updates/new?issue=${issueId}`);
  const form = page.getByRole('form', { name: 'Log an update' });
  await form.getByLabel('What happened').fill('Washington on quotas.');
  await form.getByRole('group', { name: 'Parties' }).getByLabel('United States').check();
  const position = await openChange(form, 'New position');
  await position.getByLabel('Party').selectOption({ label: 'Russia' });
  await position.getByLabel('Stance').selectOption('opposes');
  await form.getByLabel(UNSOURCED_LABEL).check();
  const before = { updates: count(`SELECT count(*) n FROM updates`), positions: count(`SELECT count(*) n FROM positions`) };
  await form.getByRole('button', { name: 'Log update' }).click();
  await expect(position.getByText('The new position is about another party than the update')).toBeVisible();
  await expect(position.getByLabel('Party')).toHaveValue(String(RUSSIA()));
  expect(count(`SELECT count(*) n FROM updates`)).toBe(before.updates);
  expect(count(`SELECT count(*) n FROM positions`)).toBe(before.positions);
});

test('the round is chosen from the date, again when the date changes, until the analyst picks one', async ({ analystPage: page }) => {
  await page.goto(`/updates/new?negotiation=${PEACE()}`);
  const form = page.getByRole('form', { name: 'Log an update' });
  const date = form.getByLabel('Date it happened');
  const roundField = form.getByLabel('Round', { exact: true });
  await date.fill('24 Jan 2026');
  await expect(roundField).toHaveValue(round('Abu Dhabi round 1'));
  // Between two rounds: the last one before it.
  await date.fill('2026-01-30');
  await expect(roundField).toHaveValue(round('Abu Dhabi round 1'));
  await date.fill('5 Feb 2026');
  await expect(roundField).toHaveValue(round('Abu Dhabi round 2'));
  await date.fill('2025-05-16');
  await expect(roundField).toHaveValue(round('Istanbul'));
  await date.fill('2025-01-01');
  await expect(roundField).toHaveValue('');

  // Picked, it stays, "not tied to a round" included.
  await date.fill('5 Feb 2026');
  await roundField.selectOption({ label: 'Istanbul (held)' });
  await date.fill('24 Jan 2026');
  await expect(roundField).toHaveValue(round('Istanbul'));
  await roundField.selectOption('');
  await date.fill('5 Feb 2026');
  await expect(roundField).toHaveValue('');
});
