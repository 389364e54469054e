import { test, expect, count, idOf } from './fixtures';

test('an analyst creates a token, a script uses it, and once revoked it is refused', async ({ analystPage: page, playwright, baseURL }) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'API tokens' }).click();
  await expect(page.getByRole('heading', { name: 'API tokens' })).toBeVisible();

  const name = `e2e script ${Date.now()}`;
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create token' }).click();
  const shown = page.getByRole('region', { name: 'Your new token' });
  await expect(shown).toContainText('shown only once');
  const token = await shown.getByLabel('Token').inputValue();
  expect(token).toMatch(/^ntk_/);

  // A script: no cookies, only the bearer token.
  const script = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const auth = { Authorization: `Bearer ${token}` };
  expect((await script.get('/api/negotiations')).status()).toBe(401);
  const listed = await script.get('/api/negotiations', { headers: auth });
  expect(listed.status()).toBe(200);
  const { negotiations } = await listed.json();
  const names = negotiations.map((n: { name: string }) => n.name);
  expect(names).toEqual(expect.arrayContaining(['Russia–Ukraine peace talks (US-mediated)', 'US–Russia strategic stability']));
  const talks = negotiations.find((n: { name: string }) => n.name.startsWith('Russia–Ukraine'));
  expect(talks.rounds.map((r: { name: string }) => r.name)).toContain('Istanbul');
  expect(talks.issues.map((i: { title: string }) => i.title)).toContain('Donbas status');

  const exported = await script.get(`/api/negotiations/${talks.id}/export.json`, { headers: auth });
  expect(exported.status()).toBe(200);
  const doc = await exported.json();
  expect(doc.version).toBe(4);
  expect(doc.issues.map((i: { title: string }) => i.title)).toContain('Donbas status');

  // The list shows it was used; revoking asks for confirmation.
  await page.reload();
  const row = page.getByRole('row', { name: new RegExp(name) });
  await expect(row).not.toContainText('never');
  await row.getByRole('button', { name: `Revoke ${name}` }).click();
  await row.getByRole('button', { name: 'Yes, revoke' }).click();
  await expect(row).toContainText('revoked');

  expect((await script.get('/api/negotiations', { headers: auth })).status()).toBe(401);
  expect((await script.get(`/api/negotiations/${talks.id}/export.json`, { headers: auth })).status()).toBe(401);
  await script.dispose();
});

test('a viewer token reads but cannot import', async ({ viewerPage: page, playwright, baseURL }) => {
  await page.goto('/settings/tokens');
  await page.getByLabel('Name').fill('viewer read-only');
  await page.getByRole('button', { name: 'Create token' }).click();
  const token = await page.getByRole('region', { name: 'Your new token' }).getByLabel('Token').inputValue();
  const script = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
  const auth = { Authorization: `Bearer ${token}` };
  expect((await script.get('/api/negotiations', { headers: auth })).status()).toBe(200);
  const refused = await script.post('/api/negotiations/import', { headers: auth, data: { format: 'x' } });
  expect(refused.status()).toBe(403);
  await script.dispose();
});

test('the import page lists the errors of an invalid document by path and creates nothing', async ({ analystPage: page }) => {
  const before = count(`SELECT count(*) n FROM negotiations`);
  await page.goto('/negotiations/import');
  await expect(page.getByRole('heading', { name: 'Import a negotiation' })).toBeVisible();
  const invalid = {
    format: 'negotiation-tracker/negotiation',
    version: 1,
    negotiation: { name: 'Broken import', description: '' },
    parties: [],
    actors: [],
    sources: [],
    issues: [{ key: 'issue:1', title: 'Water', description: '', status: 'solved', priority: 'high', keyDate: null, keyDateLabel: '', sortOrder: 0 }],
    rounds: [],
    updates: [],
    positions: [],
    statusChanges: [],
    homework: [],
    corroborations: [],
    convergence: [],
  };
  await page.getByLabel('Negotiation file (JSON)').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(invalid)) });
  await page.getByRole('button', { name: 'Import negotiation' }).click();
  const alert = page.getByRole('form', { name: 'Import negotiation' }).getByRole('alert');
  await expect(alert).toContainText('nothing was imported');
  await expect(alert.getByRole('list', { name: 'Errors' })).toContainText('/issues/0/status');
  expect(count(`SELECT count(*) n FROM negotiations`)).toBe(before);
  expect(count(`SELECT count(*) n FROM negotiations WHERE name = 'Broken import'`)).toBe(0);
});

test('the import page imports an exported negotiation under a new name', async ({ analystPage: page }) => {
  const id = idOf(`SELECT id FROM negotiations WHERE name = 'US–Russia strategic stability'`);
  const exported = await page.request.get(`/api/negotiations/${id}/export.json`);
  expect(exported.status()).toBe(200);
  const buffer = Buffer.from(await exported.body());
  await page.goto('/negotiations/import');
  const form = page.getByRole('form', { name: 'Import negotiation' });
  const file = { name: 'start.json', mimeType: 'application/json', buffer };
  await page.getByLabel('Negotiation file (JSON)').setInputFiles(file);
  await page.getByRole('button', { name: 'Import negotiation' }).click();
  await expect(form.getByRole('alert')).toContainText('already exists');
  // Said once, beside the field it is about, under a headline of its own.
  expect((await form.getByRole('alert').innerText()).split('already exists')).toHaveLength(2);
  await expect(form.getByRole('alert').getByRole('list', { name: 'Errors' })).toContainText('/negotiation/name');

  await page.getByLabel('Negotiation file (JSON)').setInputFiles(file);
  await page.getByLabel('New name (optional)').fill('Strategic stability (copy)');
  await page.getByRole('button', { name: 'Import negotiation' }).click();
  await expect(form.getByRole('status')).toContainText('Imported as “Strategic stability (copy)”');
  // The parties and people it shares with the demo are reused, and the page says which.
  const reused = form.getByRole('list', { name: 'Found already here and reused:' });
  await expect(reused).toContainText(/United States: matched the existing party, used in \d+ other negotiations/);
  await expect(reused).toContainText(/Vladimir Putin: matched the existing actor, used in \d+ other negotiations?/);
  const copy = idOf(`SELECT id FROM negotiations WHERE name = 'Strategic stability (copy)'`);
  expect(count(`SELECT count(*) n FROM issues WHERE negotiation_id = ?`, copy)).toBe(count(`SELECT count(*) n FROM issues WHERE negotiation_id = ?`, id));
});

test('a spreadsheet of updates with a bad row is refused by row; a good one is written', async ({ analystPage: page }) => {
  const id = idOf(`SELECT id FROM negotiations WHERE name = 'Russia–Ukraine peace talks (US-mediated)'`);
  const before = count(`SELECT count(*) n FROM updates WHERE negotiation_id = ?`, id);
  const header = 'date,text,issue,party,source_outlet,source_url,quote';
  await page.goto(`/negotiations/${id}/import-updates`);
  const form = page.getByRole('form', { name: 'Import updates' });
  const upload = (csv: string) =>
    page.getByLabel('Spreadsheet of updates (CSV)').setInputFiles({ name: 'updates.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await upload([header, '2026-02-07,Kyiv briefs allies,Donbas status,UA,Reuters,https://example.org/a,', '2026-02-08,Bad,Fishing rights,UA,Reuters,,'].join('\n'));
  await page.getByRole('button', { name: 'Import updates' }).click();
  await expect(form.getByRole('alert')).toContainText("Row 3: issue 'Fishing rights' is not in this negotiation.");
  expect(count(`SELECT count(*) n FROM updates WHERE negotiation_id = ?`, id)).toBe(before);

  await upload([header, '2026-02-07,Kyiv briefs allies,Donbas status,UA,Reuters,https://example.org/a,"We briefed them"', '2026-02-08,Moscow replies,Donbas status;Security guarantees,RU,TASS,,'].join('\n'));
  await page.getByRole('button', { name: 'Import updates' }).click();
  await expect(form.getByRole('status')).toContainText('2 updates imported');
  expect(count(`SELECT count(*) n FROM updates WHERE negotiation_id = ?`, id)).toBe(before + 2);
});
