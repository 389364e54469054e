import { test, expect, count, idOf } from './fixtures';

// Hostile text through the real forms: it must come back as text, never as markup or script.
const XSS = '<script>alert(1)</script><img src=x onerror=alert(1)><svg onload=alert(1)>';
const CONTROL = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).filter((c) => !'\n\r\t'.includes(c)).join('');
const PAYLOAD = `Hostile ${Date.now()} ${XSS} javascript:alert(1) \u202eRTL-override\u202c 🕊️✅👩🏽‍⚖️ [ctl:${CONTROL}] "quotes" 'single' & ampersand`;

test('payloads in a position and a status note render inert; javascript: URLs and over-long text are refused', async ({ analystPage: page }) => {
  test.slow(); // many round trips; the shared CI machine can be slow
  const dialogs: string[] = [];
  page.on('dialog', async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const issueId = idOf(`SELECT id FROM issues WHERE title = 'Prisoner exchanges'`);
  const nato = idOf(`SELECT id FROM parties WHERE short_name = 'NATO'`);
  await page.goto(`/issues/${issueId}`);
  await page.getByText('Record a new position for NATO').click();
  const form = page.getByRole('form', { name: 'New position of NATO' });

  // 1. Over-long summary: a message beside the field, nothing written.
  const before = count(`SELECT count(*) n FROM positions WHERE issue_id = ? AND party_id = ?`, issueId, nato);
  await form.getByLabel('Summary').fill('x'.repeat(5000));
  await form.getByRole('button', { name: 'Record position' }).click();
  await expect(form.locator('.field').getByText('Summary must be at most 2000 characters.')).toBeVisible();
  expect(count(`SELECT count(*) n FROM positions WHERE issue_id = ? AND party_id = ?`, issueId, nato)).toBe(before);

  // 2. A javascript: source URL is refused with a message.
  await form.getByLabel('Summary').fill(PAYLOAD);
  await form.getByLabel('Red lines').fill(`${XSS}\n${'long red line '.repeat(100)}`);
  await form.getByText('Add a new source').click();
  await form.getByLabel('Outlet').fill(`<b>Outlet</b> ${XSS}`);
  await form.getByLabel('URL').fill('javascript:alert(document.cookie)');
  await form.getByLabel('Quoted text').fill(PAYLOAD);
  await form.getByRole('button', { name: 'Record position' }).click();
  await expect(form.locator('.field').getByText('Give a full http:// or https:// address.')).toBeVisible();
  expect(count(`SELECT count(*) n FROM positions WHERE issue_id = ? AND party_id = ?`, issueId, nato)).toBe(before);
  await expect(form.getByLabel('Summary')).toHaveValue(PAYLOAD.replace(/\r/g, ''));

  // 3. With an http(s) URL it is stored as typed and shown as text.
  await form.getByLabel('URL').fill('https://example.org/a?b=<c>&d="e"');
  await form.getByRole('button', { name: 'Record position' }).click();
  await expect(form.getByRole('status')).toContainText('New position recorded');
  const stored = count(`SELECT count(*) n FROM positions WHERE issue_id = ? AND party_id = ? AND summary LIKE '%<script>alert(1)</script>%'`, issueId, nato);
  expect(stored).toBe(1);

  await page.reload();
  const history = page.getByRole('region', { name: 'Position history of NATO' });
  await expect(history.getByText('<script>alert(1)</script>', { exact: false }).first()).toBeVisible();
  await expect(history.getByText('🕊️✅👩🏽‍⚖️', { exact: false }).first()).toBeVisible();
  // No element was made from the payload.
  await expect(page.locator('img[src="x"], svg[onload], main script')).toHaveCount(0);
  const evil = await page.locator('a[href^="javascript:"]').count();
  expect(evil).toBe(0);

  // 4. A status note with the payload.
  const status = page.getByRole('form', { name: 'Change status' });
  if ((await status.count()) === 0) await page.getByText(/Change the status/).click();
  await status.getByLabel('New status').selectOption('implementing');
  await status.getByLabel('Note').fill(PAYLOAD);
  await status.getByRole('button', { name: /Change status|Save/ }).click();
  await expect(status.getByRole('status')).toContainText('Status changed');
  await page.reload();
  await expect(page.getByText(/Hostile \d+ <script>/).first()).toBeVisible();
  await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);

  // 5. The dashboard shows the new position as text too.
  await page.goto('/');
  await expect(page.getByText(/Hostile \d+ <script>alert\(1\)<\/script>/).first()).toBeVisible();
  await expect(page.locator('img[src="x"], svg[onload]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
