import { test, expect, count, idOf } from './fixtures';

test('an admin browses and filters the audit log; it offers no way to change it', async ({ adminPage: page, analystPage }) => {
  test.slow(); // many round trips; the shared CI machine can be slow
  // Make a fresh write to find: an analyst records a position through the API.
  const issueId = idOf(`SELECT id FROM issues WHERE title = 'Ceasefire monitoring'`);
  const partyId = idOf(`SELECT id FROM parties WHERE short_name = 'RU'`);
  const current = count(
    `SELECT coalesce((SELECT id FROM positions WHERE issue_id = ? AND party_id = ? AND is_current = 1), 0) n`,
    issueId,
    partyId,
  );
  await analystPage.goto('/');
  const made = await analystPage.request.post(`/api/issues/${issueId}/positions`, {
    headers: { origin: new URL(analystPage.url()).origin },
    data: { partyId, basedOn: current || null, summary: 'Audit trail probe', stance: 'opposes', flexibility: 'low', asOf: '2026-02-09' },
  });
  expect(made.status()).toBe(201);
  const { id } = await made.json();

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByRole('heading', { name: 'Audit log' })).toBeVisible();
  const table = page.getByRole('table', { name: 'Audit log entries' });
  await expect(table).toContainText(`position #${id}`);

  const filters = page.getByRole('search', { name: 'Filter the audit log' });
  await filters.getByLabel('User').selectOption({ label: 'Demo Analyst (analyst@example.org)' });
  await filters.getByLabel('Entity').selectOption('position');
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/entity=position/);
  const row = table.getByRole('row', { name: new RegExp(`position #${id}\\b`) });
  await expect(row).toContainText('Demo Analyst');
  await expect(row).toContainText('Audit trail probe');
  await expect(row.locator('del').first()).toBeVisible(); // what it replaced
  for (const r of await table.getByRole('row').all()) {
    const text = await r.textContent();
    if (text?.includes('#')) expect(text).toContain('position');
  }
  await filters.getByLabel('To').fill('2000-01-01');
  await filters.getByRole('button', { name: 'Filter' }).click();
  await expect(table).toContainText('No entries match these filters.');
  await page.goto('/admin/audit');

  // Read-only: the only form is the filter, which is a GET.
  await expect(page.getByRole('form')).toHaveCount(0);
  expect(await page.locator('main form').evaluateAll((fs) => fs.map((f) => (f as HTMLFormElement).method))).toEqual(['get']);
  await expect(page.getByRole('button', { name: /delete|edit|remove/i })).toHaveCount(0);
});

test('analysts and viewers are told the audit log is for admins, and see no link to it', async ({ analystPage, viewerPage }) => {
  for (const page of [analystPage, viewerPage]) {
    await page.goto('/admin/audit');
    await expect(page.getByText('Only an admin can read the audit log.')).toBeVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  }
});
