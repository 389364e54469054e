import { test, expect, idOf } from './fixtures';

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
});
