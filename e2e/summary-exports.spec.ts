import fs from 'node:fs';
import { test, expect, idOf } from './fixtures';

const AD2 = () => idOf(`SELECT id FROM rounds WHERE name = 'Abu Dhabi round 2'`);

test('a viewer reads the round summary and downloads it as Markdown from the page', async ({ viewerPage: page }) => {
  const roundId = AD2();
  await page.goto(`/rounds/${roundId}/summary`);
  await expect(page.getByRole('heading', { name: 'Round summary: Abu Dhabi round 2', level: 1 })).toBeVisible();
  // The brief first, in the words of every export; the evidence after it, as the annex.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Download the round summary', 'Bottom line', 'Where the parties stand', 'Homework due', 'Annex: the evidence']);
  await expect(page.getByRole('listitem').filter({ hasText: 'What moved:' })).toContainText('Donbas status: under discussion → deadlocked');
  const stances = page.getByRole('table', { name: 'Where the parties stand' });
  await expect(stances.getByRole('columnheader')).toHaveText(['Issue', 'Status', 'United States', 'Russia', 'Ukraine']);
  await expect(stances.getByRole('row', { name: /^Donbas status/ })).toContainText('under discussion → deadlocked');
  await expect(page.getByRole('table', { name: 'Homework due' })).toContainText('Withdrawal mechanics');
  await page.setViewportSize({ width: 1440, height: 900 });
  const shot = test.info().outputPath('round-summary-brief.png');
  await page.screenshot({ path: shot, fullPage: false });
  await test.info().attach('round-summary-brief.png', { path: shot, contentType: 'image/png' });
  for (const issue of ['Donbas status', 'Security guarantees', 'Ceasefire monitoring', 'Prisoner exchanges'])
    await expect(page.getByRole('heading', { name: issue, level: 4 })).toBeVisible();
  const donbas = page.getByRole('table', { name: 'Positions on Donbas status at Abu Dhabi round 2' });
  await expect(donbas.getByRole('row', { name: /^Russia / })).toContainText('opposes');
  await expect(page.getByRole('table', { name: 'Homework assigned at this round' })).toContainText('Withdrawal mechanics');
  await expect(page.getByRole('table', { name: 'Homework that was due at this round' })).toContainText('delivered');
  await expect(page.getByRole('table', { name: 'Upcoming key dates' })).toContainText('New START expires');

  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Markdown' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/Russia.Ukraine peace talks \(US-mediated\) - Abu Dhabi round 2 - 2026-02-05 - summary\.md$/);
  const text = fs.readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('# Round summary: Abu Dhabi round 2');
  expect(text.indexOf('## Bottom line')).toBeLessThan(text.indexOf('## Annex: the evidence'));
  expect(text).toContain('#### Donbas status');
  await expect(page.getByRole('status')).toContainText('Markdown downloaded.');

  // A slow export shows that it is being prepared, then still downloads.
  await page.route('**/summary.pdf', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const pdfPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'PDF' }).click();
  await expect(page.getByRole('status')).toContainText('Preparing PDF…');
  expect((await pdfPromise).suggestedFilename()).toMatch(/Abu Dhabi round 2 - 2026-02-05 - summary\.pdf$/);
  await expect(page.getByRole('status')).toContainText('PDF downloaded.');

  // Printed, the page is the document alone.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(page.getByRole('link', { name: 'Markdown' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('heading', { name: 'Donbas status', level: 4 })).toBeVisible();
});

test('the export URLs serve every format with a named attachment, to a session or a bearer token only', async ({ viewerPage: page, request }) => {
  const roundId = AD2();
  const anonymous = await request.get(`/api/rounds/${roundId}/summary.csv`);
  expect(anonymous.status()).toBe(401);

  const csv = await page.request.get(`/api/rounds/${roundId}/summary.csv`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()['content-type']).toContain('text/csv');
  expect(csv.headers()['cache-control']).toContain('no-store');
  expect(csv.headers()['content-disposition']).toContain(
    'attachment; filename="russia-ukraine-peace-talks-us-mediated_abu-dhabi-round-2_2026-02-05_summary.csv"',
  );
  expect(await csv.text()).toContain('Donbas status');

  const pdf = await page.request.get(`/api/rounds/${roundId}/summary.pdf`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');

  const docx = await page.request.get(`/api/rounds/${roundId}/summary.docx`);
  expect(docx.status()).toBe(200);
  expect((await docx.body()).subarray(0, 2).toString()).toBe('PK');

  expect((await page.request.get(`/api/rounds/${roundId}/summary.exe`)).status()).toBe(400);
  expect((await page.request.get(`/api/rounds/999999/summary.json`)).status()).toBe(404);
});
