import { test, expect, count, idOf } from './fixtures';

// Sources as analysts think of them (issue 17 item 6, docs/decisions/0023): finding a stored quote by typing,
// by keyboard alone, warned when the negotiation cites it already; a second quote of a stored article without
// typing its outlet or headline again.

const PEACE = () => idOf(`SELECT id FROM negotiations WHERE name = 'Russia–Ukraine peace talks (US-mediated)'`);
const NONSENSE = () => idOf(`SELECT id FROM cited_sources WHERE quote LIKE '%dismissed them as “nonsense”%'`);

test('an existing quote is found and cited by keyboard, with a warning that an update of this negotiation cites it already', async ({ analystPage: page }) => {
  const quoteId = NONSENSE();
  const citedBy = idOf(
    `SELECT min(us.update_id) id FROM update_sources us JOIN updates u ON u.id = us.update_id WHERE us.source_id = ? AND u.negotiation_id = ?`,
    quoteId,
    PEACE(),
  );
  await page.goto(`/updates/new?negotiation=${PEACE()}`);
  const form = page.getByRole('form', { name: 'Log an update' });
  await form.getByLabel('What happened').fill('Lavrov repeated that the guarantees were nonsense.');
  const search = form.getByRole('combobox', { name: 'Find a source already in the tracker' });
  await search.focus();
  await page.keyboard.type('Lavrov nonsense');
  const options = form.getByRole('listbox', { name: 'Sources found' });
  // The whole quote, with its outlet, article, date and grade, and the warning before it is picked.
  const option = options.getByRole('option').filter({ hasText: 'dismissed them as “nonsense”' }).first();
  await expect(option).toContainText('Financial Times');
  await expect(option).toContainText(`Already cited in update #${citedBy}`);
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  // Down through the list to that quote (the words may find others first), then Enter.
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('ArrowDown');
    if ((await options.locator('[aria-selected="true"]').textContent())?.includes('dismissed them as “nonsense”')) break;
  }
  await expect(search).toHaveAttribute('aria-activedescendant', /option/);
  await page.keyboard.press('Enter');
  const cited = form.getByRole('list', { name: 'Sources cited' });
  await expect(cited).toContainText('dismissed them as “nonsense”');
  await expect(cited.getByRole('link', { name: `update #${citedBy}` })).toHaveAttribute('href', `/updates/${citedBy}`);
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await form.getByRole('button', { name: 'Log update' }).click();
  await expect(page).toHaveURL(/\/updates\/\d+\?logged=1$/);
  const updateId = Number(/\/updates\/(\d+)/.exec(page.url())![1]);
  expect(count(`SELECT count(*) n FROM update_sources WHERE update_id = ? AND source_id = ?`, updateId, quoteId)).toBe(1);
});

test('a second quote of a stored article is added without typing its outlet or headline again', async ({ analystPage: page }) => {
  const articleId = idOf(`SELECT article_id id FROM sources WHERE id = ?`, NONSENSE());
  const articles = count(`SELECT count(*) n FROM articles`);
  const outlets = count(`SELECT count(*) n FROM outlets`);
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/updates/new?negotiation=${PEACE()}`);
  const form = page.getByRole('form', { name: 'Log an update' });
  await form.getByLabel('What happened').fill('Lavrov said Moscow would not drop its goals.');
  const search = form.getByRole('combobox', { name: 'Find a source already in the tracker' });
  await search.fill('Lavrov nonsense');
  const article = form.getByRole('listbox', { name: 'Sources found' }).getByRole('option')
    .filter({ hasText: 'Add a new quote from this article' })
    .filter({ hasText: 'US and Russian militaries to resume high-level talks' });
  await expect(article).toBeVisible();
  // Usable at a phone's width: the list fits the screen.
  const box = await article.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await article.click();
  await expect(form.getByText(/^New quote from Financial Times/)).toBeVisible();
  await expect(form.getByLabel('Outlet')).toHaveCount(0);
  await form.getByLabel('Quoted text').fill('Moscow had no intention of dropping its maximalist goals.');
  await form.getByLabel('Credibility of the claim').selectOption('2');
  await form.getByRole('button', { name: 'Log update' }).click();
  await expect(page).toHaveURL(/\/updates\/\d+\?logged=1$/);
  const updateId = Number(/\/updates\/(\d+)/.exec(page.url())![1]);
  expect(
    count(
      `SELECT count(*) n FROM update_sources us JOIN sources s ON s.id = us.source_id WHERE us.update_id = ? AND s.article_id = ? AND s.quote LIKE 'Moscow had no intention%' AND s.credibility = 2`,
      updateId,
      articleId,
    ),
  ).toBe(1);
  expect(count(`SELECT count(*) n FROM articles`)).toBe(articles);
  expect(count(`SELECT count(*) n FROM outlets`)).toBe(outlets);
  // The update's page shows outlet → article → quotes.
  const sources = page.getByRole('heading', { name: 'Sources' }).locator('xpath=following-sibling::section[1]');
  await expect(sources.getByRole('link', { name: 'Financial Times' })).toHaveAttribute('href', /\/outlets\/\d+$/);
  await expect(sources).toContainText('Moscow had no intention of dropping its maximalist goals.');
});
