import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect, count, idOf } from './fixtures';

// Paste the Financial Times seed article, review what it proposes beside the text, and log three of its statements
// in one confirmation: one moving Russia's position on the security guarantees, one joining the group of the update
// that already logged it. A refused confirmation first: nothing written, every decision and edit still on the page.

const ARTICLE = fs.readFileSync(path.join(__dirname, '..', 'tests', 'fixtures', 'capture', 'seed-ft.txt'), 'utf8');
const PEACE = () => idOf(`SELECT id FROM negotiations WHERE name = 'Russia–Ukraine peace talks (US-mediated)'`);
const GUARANTEES = () => idOf(`SELECT id FROM issues WHERE title = 'Security guarantees'`);
const SHOTS = process.env.CAPTURE_SHOTS_DIR;
const written = (): number => count(`SELECT (SELECT count(*) FROM updates) + (SELECT count(*) FROM sources) + (SELECT count(*) FROM articles) + (SELECT count(*) FROM positions) + (SELECT count(*) FROM audit_log) AS n`);

/** The proposal card whose quote holds these words. */
async function proposal(page: Page, words: string): Promise<Locator> {
  const cards = page.locator('section.capture-proposal');
  await expect(cards.first()).toBeVisible();
  for (let i = 0; i < (await cards.count()); i++) {
    if ((await cards.nth(i).getByLabel('Quote').inputValue()).includes(words)) return cards.nth(i);
  }
  throw new Error(`no proposal quoting “${words}”`);
}

test('an analyst pastes the FT article, reviews its proposals beside the text and logs three of them in one go', async ({ analystPage: page }) => {
  test.setTimeout(120_000);
  await page.goto(`/issues/${GUARANTEES()}`);
  await expect(page.getByRole('link', { name: 'Capture from an article' })).toHaveAttribute('aria-keyshortcuts', 'c');
  // The shortcut works once the page has hydrated; keep pressing until it does.
  await expect(async () => {
    if (!page.url().includes('/updates/capture')) await page.keyboard.press('c');
    await expect(page).toHaveURL(/\/updates\/capture\?negotiation=\d+&issue=\d+/, { timeout: 1000 });
  }).toPass();
  const paste = page.getByRole('form', { name: 'Paste an article' });
  await expect(paste.getByLabel('Negotiation')).toHaveValue(String(PEACE()));
  await paste.getByLabel('Article text').fill(ARTICLE);
  await paste.getByText('What you know of the article').click();
  await paste.getByLabel('URL').fill('https://www.ft.com/content/e2e-capture');
  await paste.getByLabel('Publication date').fill('2026-02-05');
  const before = written();
  await paste.getByRole('button', { name: 'Propose updates' }).click();

  const review = page.getByRole('form', { name: 'Review the proposals' });
  await expect(review.getByLabel('Outlet', { exact: true })).toHaveValue('Financial Times');
  await expect(review.getByLabel('Headline')).toHaveValue('US and Russian militaries to resume high-level talks');
  // Each proposal's sentence is marked in the article beside it.
  const article = page.getByRole('region', { name: /The article/ });
  await expect(article.locator('mark')).not.toHaveCount(0);
  expect(written()).toBe(before);

  const nonsense = await proposal(page, 'nonsense');
  await expect(nonsense.getByLabel('Speaker')).toHaveValue(/\d+/);
  await expect(nonsense.getByRole('group', { name: 'Issues' }).getByLabel('Security guarantees')).toBeChecked();
  await expect(nonsense.getByRole('link', { name: /update #\d+/ })).toBeVisible();
  await nonsense.getByRole('button', { name: /Add this report to update #\d+’s corroboration group/ }).click();
  await expect(nonsense.getByRole('button', { name: 'Accepted' })).toHaveAttribute('aria-pressed', 'true');
  await nonsense.getByText('A position or status change this report brings').click();
  await nonsense.getByText('New position').click();
  await nonsense.getByLabel('Party').selectOption({ label: 'Russia' });
  await nonsense.getByLabel('Issue', { exact: true }).first().selectOption({ label: 'Security guarantees' });
  await nonsense.getByLabel('Stance').selectOption('opposes');
  await nonsense.getByLabel('Position summary').fill('Dismisses the guarantees discussed with the US as nonsense without a final settlement (E2E capture).');

  const productive = await proposal(page, 'detailed and productive');
  await productive.getByRole('button', { name: 'Accept' }).click();
  await productive.getByLabel('Quote').fill('detailed and productive discussions (E2E capture)');
  const weeks = await proposal(page, 'in the coming weeks');
  await weeks.getByRole('button', { name: 'Accept' }).click();
  await expect(weeks.getByLabel('Date it happened')).toHaveValue(/in the coming weeks/);
  // Focusing a proposal marks its sentence in the article strongest.
  await weeks.getByLabel('Quote').focus();
  await expect(article.locator('mark.active')).toContainText('in the coming weeks');
  const dropped = await proposal(page, 'for eternity');
  await dropped.getByRole('button', { name: 'Drop' }).click();

  // Refused: a date nobody can read. Nothing is written and every decision and edit stays.
  await productive.getByLabel('Date it happened').fill('someday soon-ish');
  await review.getByRole('button', { name: 'Confirm: log 3 updates' }).click();
  await expect(review.getByRole('alert').first()).toContainText('Please correct the fields marked below');
  await expect(productive.locator('.error')).not.toHaveCount(0);
  expect(written()).toBe(before);
  await expect(productive.getByLabel('Quote')).toHaveValue('detailed and productive discussions (E2E capture)');
  await expect(nonsense.getByLabel('Position summary')).toHaveValue(/nonsense without a final settlement \(E2E capture\)/);
  await expect(nonsense.getByLabel('Stance')).toHaveValue('opposes');
  await expect(nonsense.getByRole('button', { name: /Joins update #\d+’s corroboration group/ })).toBeVisible();
  await expect(dropped.getByRole('button', { name: 'Restore' })).toBeVisible();

  if (SHOTS) {
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ]) {
      await page.setViewportSize({ width, height });
      await review.getByRole('group', { name: 'The source' }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `capture-${width}x${height}-top.png`) });
      await nonsense.scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `capture-${width}x${height}.png`) });
      await page.screenshot({ path: path.join(SHOTS, `capture-${width}x${height}-full.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  }

  await productive.getByLabel('Date it happened').fill('5 Feb 2026');
  await review.getByRole('button', { name: 'Confirm: log 3 updates' }).click();
  await expect(page).toHaveURL(new RegExp(`/negotiations/${PEACE()}/timeline`));
  const main = page.getByRole('main');
  await expect(main.getByText('detailed and productive discussions (E2E capture)').first()).toBeVisible();
  await expect(main.getByText('Financial Times').first()).toBeVisible();

  await page.goto(`/issues/${GUARANTEES()}`);
  await expect(main.getByText('Dismisses the guarantees discussed with the US as nonsense without a final settlement (E2E capture).').first()).toBeVisible();
  await expect(main.getByText(/security guarantees Ukraine was discussing with the US would not end the war/).first()).toBeVisible();
  // The article is kept: its text, capture time and SHA-256 are stored with it.
  expect(count(`SELECT count(*) AS n FROM articles WHERE url = 'https://www.ft.com/content/e2e-capture' AND length(archived_sha256) = 64 AND archived_text LIKE '%for eternity%'`)).toBe(1);
  expect(count(`SELECT count(*) AS n FROM corroboration_updates cu JOIN update_sources us ON us.update_id = cu.update_id JOIN sources s ON s.id = us.source_id WHERE s.quote LIKE '%nonsense%'`)).toBeGreaterThanOrEqual(2);
});
