import { test, expect, count, idOf } from './fixtures';

const PEACE = () => idOf(`SELECT id FROM negotiations WHERE name LIKE 'Russia–Ukraine%'`);
const ARMS = () => idOf(`SELECT id FROM negotiations WHERE name = 'US–Russia strategic stability'`);
const RUSSIA = () => idOf(`SELECT id FROM parties WHERE short_name = 'RU'`);
const ROUND = (name: string) => idOf(`SELECT id FROM rounds WHERE name = ?`, name);
const unique = () => Math.random().toString(36).slice(2, 8);

// Round 3 was reported "in the coming weeks" on 5 Feb 2026: once that window (to 19 Mar 2026) has passed, its homework is
// overdue by estimate, on the board, the round page and the dashboard (issue 17.3).
test('homework assigned at Abu Dhabi round 2 and due at the planned Round 3 reads overdue (estimated) once its window has passed', async ({ analystPage: page }) => {
  const title = `Draft monitoring map ${unique()}`;
  await page.goto(`/homework/new?negotiation=${PEACE()}`);
  const form = page.getByRole('form', { name: 'New homework' });
  await form.getByLabel('Title').fill(title);
  await form.getByRole('group', { name: 'Owner parties' }).getByLabel('Ukraine', { exact: true }).check();
  await form.getByLabel('Assigned at').selectOption({ label: 'Abu Dhabi round 2' });
  await form.getByLabel('Due at round').selectOption({ label: 'Round 3' });
  await form.getByRole('button', { name: 'Add homework' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  await page.goto(`/homework?negotiation=${PEACE()}`);
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row).toContainText('Abu Dhabi round 2');
  await expect(row).toContainText('Round 3, in the coming weeks (est. by 19 Mar 2026)');
  await expect(row).toContainText('open');
  await expect(row).toContainText('overdue (estimated)');

  await page.goto(`/rounds/${ROUND('Round 3')}`);
  await expect(page.getByText('in the coming weeks (est. by 19 Mar 2026)').first()).toBeVisible();
  await expect(page.getByText('overdue (estimated)').first()).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('list', { name: 'Overdue homework' })).toContainText('due at Round 3, in the coming weeks (est. by 19 Mar 2026): overdue (estimated)');
});

test('a round entered as "May 2025" reads "May 2025" on its page and in the negotiation, with no invented day', async ({ analystPage: page }) => {
  const name = `E2E spring round ${unique()}`;
  await page.goto(`/negotiations/${ARMS()}/rounds/new`);
  const form = page.getByRole('form', { name: 'New round' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Status').selectOption('held');
  await form.getByLabel('Start date').fill('sometime in spring');
  await form.getByRole('button', { name: 'Create round' }).click();
  await expect(form.locator('.field').getByText(/^Not a date we can read\. Write a day \(5 May 2025\), a month \(May 2025\)/)).toBeVisible();
  expect(count(`SELECT count(*) n FROM rounds WHERE name = ?`, name)).toBe(0);

  await form.getByLabel('Start date').fill('May 2025');
  await form.getByRole('button', { name: 'Create round' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('May 2025', { exact: true })).toBeVisible();
  await page.goto(`/negotiations/${ARMS()}`);
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('May 2025');
  await expect(page.getByRole('row', { name: new RegExp(name) })).not.toContainText('1 May 2025');
});

test('a due round that is held turns open homework overdue, on the board and on the round page', async ({ analystPage: page }) => {
  test.setTimeout(120_000);
  const tag = unique();
  const roundA = `E2E held round ${tag}`;
  const roundB = `E2E next round ${tag}`;
  const title = `Bring a verification proposal ${tag}`;
  const arms = ARMS();

  await page.goto(`/negotiations/${arms}/rounds/new`);
  let form = page.getByRole('form', { name: 'New round' });
  await form.getByLabel('Name').fill(roundA);
  await form.getByLabel('Venue').fill('Geneva');
  await form.getByLabel('Format').selectOption('bilateral');
  await form.getByLabel('Status').selectOption('held');
  await form.getByLabel('Start date').fill('2026-02-01');
  await form.getByLabel('End date').fill('2026-02-02');
  await form.getByRole('button', { name: 'Create round' }).click();
  await expect(page.getByRole('heading', { name: roundA })).toBeVisible();

  await page.goto(`/negotiations/${arms}/rounds/new`);
  form = page.getByRole('form', { name: 'New round' });
  await form.getByLabel('Name').fill(roundB);
  await form.getByLabel('Start date').fill('in the coming weeks');
  await form.getByRole('button', { name: 'Create round' }).click();
  await expect(page.getByRole('heading', { name: roundB })).toBeVisible();
  const roundBId = ROUND(roundB);

  await page.goto(`/homework/new?negotiation=${arms}&assigned=${ROUND(roundA)}`);
  form = page.getByRole('form', { name: 'New homework' });
  await form.getByLabel('Title').fill(title);
  await form.getByRole('group', { name: 'Owner parties' }).getByLabel('United States', { exact: true }).check();
  await expect(form.getByLabel('Assigned at')).toHaveValue(String(ROUND(roundA)));
  await form.getByLabel('Due at round').selectOption({ label: roundB });
  await form.getByRole('button', { name: 'Add homework' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  await page.goto(`/homework?round=${roundBId}`);
  await expect(page.getByRole('row', { name: new RegExp(title) })).not.toContainText('overdue');

  // Dates that run backwards are refused beside the end date, and nothing changes.
  await page.goto(`/rounds/${roundBId}/edit`);
  form = page.getByRole('form', { name: 'Round facts' });
  await form.getByLabel('Status').selectOption('held');
  await form.getByLabel('Start date').fill('2026-02-20');
  await form.getByLabel('End date').fill('2026-02-19');
  await form.getByRole('button', { name: 'Save round' }).click();
  await expect(form.locator('.field').getByText('The end date comes before the start date.')).toBeVisible();
  await expect(form.getByLabel('Start date')).toHaveValue('2026-02-20');
  expect(count(`SELECT count(*) n FROM rounds WHERE id = ? AND status = 'planned' AND version = 1`, roundBId)).toBe(1);

  await form.getByLabel('End date').fill('2026-02-21');
  await form.getByRole('button', { name: 'Save round' }).click();
  await expect(form.getByRole('status')).toContainText('Round saved');

  await page.goto(`/homework?round=${roundBId}`);
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('overdue');
  await page.goto(`/homework?status=overdue`);
  await expect(page.getByRole('row', { name: new RegExp(title) })).toBeVisible();

  await page.goto(`/rounds/${roundBId}`);
  const due = page.getByRole('table', { name: 'Due at this round' });
  await expect(due.getByRole('row', { name: new RegExp(title) })).toContainText('overdue');

  // Delivering it clears the flag.
  await page.getByRole('link', { name: title }).click();
  const statusForm = page.getByRole('form', { name: 'Change homework status' });
  await statusForm.getByLabel('New status').selectOption('delivered');
  await statusForm.getByLabel('Resolution note').fill('Proposal tabled.');
  await statusForm.getByRole('button', { name: 'Change status' }).click();
  await expect(statusForm.getByRole('status')).toContainText('Status changed');
  await expect(page.getByRole('region', { name: 'Details' })).not.toContainText('overdue');
  await expect(page.getByRole('list', { name: 'Revisions' })).toContainText('status: open → delivered');
});

test('a round called off asks when and why, then says so on its page and in its summary', async ({ analystPage: page }) => {
  const name = `E2E Geneva round ${unique()}`;
  await page.goto(`/negotiations/${ARMS()}/rounds/new`);
  let form = page.getByRole('form', { name: 'New round' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Start date').fill('2026-03-10');
  await expect(form.getByLabel('Cancelled on')).toHaveCount(0);
  await form.getByRole('button', { name: 'Create round' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();
  const id = ROUND(name);

  await page.goto(`/rounds/${id}/edit`);
  form = page.getByRole('form', { name: 'Round facts' });
  await form.getByLabel('Status').selectOption('cancelled');
  await form.getByRole('button', { name: 'Save round' }).click();
  await expect(form.locator('.field').getByText('A cancelled round needs the date it was called off.')).toBeVisible();
  await expect(form.locator('.field').getByText('Say why the round was cancelled, as reported.')).toBeVisible();
  expect(count(`SELECT count(*) n FROM rounds WHERE id = ? AND status = 'planned'`, id)).toBe(1);

  // Called off a week before it was due to start, as reported by a source typed in the same form.
  await form.getByLabel('Cancelled on').fill('2026-03-03');
  await form.getByLabel('Why it was cancelled').fill('Russia recalled its delegation');
  await form.getByText('Add a new source').click();
  await form.getByLabel('Outlet').fill('Reuters');
  await form.getByLabel('Title').fill(`Geneva talks called off ${name}`);
  await form.getByRole('button', { name: 'Save round' }).click();
  await expect(form.getByRole('status')).toContainText('Round saved');

  const said = 'Cancelled on 3 Mar 2026: Russia recalled its delegation (Reuters)';
  await page.goto(`/rounds/${id}`);
  const facts = page.getByRole('region', { name: 'Facts' });
  await expect(facts).toContainText(said);
  await expect(facts).toContainText(`Geneva talks called off ${name}`);
  await page.goto(`/rounds/${id}/summary`);
  await expect(page.getByRole('region', { name: 'The round', exact: true })).toContainText(said);
});

test('refining a vague item keeps the earlier version in its history', async ({ analystPage: page }) => {
  const vague = `A list of homework ${unique()}`;
  await page.goto(`/homework/new?negotiation=${PEACE()}`);
  let form = page.getByRole('form', { name: 'New homework' });
  await form.getByLabel('Title').fill(vague);
  await form.getByLabel(/Vague/).check();
  for (const party of ['United States', 'Russia', 'Ukraine']) {
    await form.getByRole('group', { name: 'Owner parties' }).getByLabel(party, { exact: true }).check();
  }
  await form.getByRole('button', { name: 'Add homework' }).click();
  await expect(page.getByRole('heading', { name: vague })).toContainText('vague');

  form = page.getByRole('form', { name: 'Refine homework' });
  await form.getByLabel('Title').fill(`${vague}: withdrawal lines`);
  await form.getByLabel(/Vague/).uncheck();
  await form.getByLabel('Issue').selectOption({ label: 'Donbas status' });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('status')).toContainText('earlier version is kept');
  const revisions = page.getByRole('list', { name: 'Revisions' });
  await expect(revisions).toContainText(`title: ${vague} → ${vague}: withdrawal lines`);
  await expect(revisions).toContainText('vague: yes → no');
  await expect(revisions).toContainText('by Demo Analyst');
});

test('a board link with filters in the URL shows only matching rows', async ({ analystPage: page }) => {
  await page.goto(`/homework?party=${RUSSIA()}&status=delivered`);
  await expect(page.getByLabel('Party')).toHaveValue(String(RUSSIA()));
  await expect(page.getByLabel('Status')).toHaveValue('delivered');
  const rows = page.getByRole('table', { name: 'Matching homework' }).locator('tbody tr');
  await expect(rows.filter({ hasText: 'Prepare a prisoner exchange' })).toHaveCount(1);
  const n = await rows.count();
  for (let i = 0; i < n; i++) {
    await expect(rows.nth(i)).toContainText('RU');
    await expect(rows.nth(i)).toContainText('delivered');
  }
  await expect(rows.filter({ hasText: 'Withdrawal mechanics' })).toHaveCount(0);

  // The filter form writes the same URL.
  await page.getByLabel('Status').selectOption('open');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(new RegExp(`party=${RUSSIA()}.*status=open`));
  await expect(page.getByRole('row', { name: /Withdrawal mechanics/ })).toBeVisible();
  await expect(page.getByRole('row', { name: /Prepare a prisoner exchange/ })).toHaveCount(0);
});

test('the negotiation page lists issues and rounds in order with their homework count', async ({ analystPage: page }) => {
  await page.goto(`/negotiations/${PEACE()}`);
  const rounds = page.getByRole('region', { name: 'Rounds' }).locator('tbody tr th');
  // Other specs may add rounds to the shared demo database: check the seeded ones keep their order.
  const names = await rounds.allTextContents();
  const seeded = ['Istanbul', 'Abu Dhabi round 1', 'Abu Dhabi round 2', 'Round 3'];
  expect(names.filter((n) => seeded.includes(n))).toEqual(seeded);
  await expect(page.getByRole('region', { name: 'Issues' }).getByRole('link', { name: 'Donbas status' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Homework' })).toContainText('open item');
  await expect(page.getByRole('link', { name: 'Timeline' })).toHaveAttribute('href', `/negotiations/${PEACE()}/timeline`);
  await expect(page.getByRole('link', { name: 'Since the last round' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New round' })).toBeVisible();
});

test('a viewer reads rounds and homework but finds no form to change them', async ({ viewerPage: page }) => {
  const abuDhabi2 = ROUND('Abu Dhabi round 2');
  await page.goto(`/rounds/${abuDhabi2}`);
  await expect(page.getByRole('heading', { name: 'Abu Dhabi round 2' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Assigned at this round' })).toContainText('Withdrawal mechanics');
  await expect(page.locator('main form')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Edit round' })).toHaveCount(0);

  await page.goto('/homework');
  await expect(page.getByRole('table', { name: 'All homework' })).toContainText('Withdrawal mechanics');
  // Only the read-only filter (a GET search) and the viewer's own saved views are there.
  await expect(page.locator('main form:not([role=search]):not([aria-label="Save this view"])')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'New homework' })).toHaveCount(0);

  const item = idOf(`SELECT id FROM homework WHERE title = 'Withdrawal mechanics'`);
  await page.goto(`/homework/${item}`);
  await expect(page.getByRole('heading', { name: 'Withdrawal mechanics' })).toBeVisible();
  await expect(page.locator('main form')).toHaveCount(0);

  await page.goto(`/negotiations/${PEACE()}`);
  await expect(page.getByRole('link', { name: 'New round' })).toHaveCount(0);
  await page.goto(`/rounds/${abuDhabi2}/edit`);
  await expect(page).toHaveURL(new RegExp(`/rounds/${abuDhabi2}$`));
});

test('on a phone the homework board fits the screen: the page never scrolls sideways, a wide table scrolls in its own box', async ({ viewerPage: page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto('/homework');
  const table = page.getByRole('table', { name: 'All homework' });
  await expect(table).toContainText('Withdrawal mechanics');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, 'the page is wider than the phone').toBeLessThanOrEqual(0);
  const fit = await table.evaluate((t) => {
    const box = t.parentElement!;
    return { wider: t.scrollWidth > box.clientWidth, scrolls: getComputedStyle(box).overflowX };
  });
  if (fit.wider) expect(fit.scrolls, 'the table is cut off instead of scrolling').toBe('auto');
});

test('homework due at a round that is then cancelled reads "due round cancelled" and can be moved to another round', async ({ analystPage: page }) => {
  test.setTimeout(120_000);
  const tag = unique();
  const called = `E2E round called off ${tag}`;
  const next = `E2E round after ${tag}`;
  const title = `Bring the data exchange text ${tag}`;
  const arms = ARMS();
  for (const [name, startsOn] of [
    [called, '2026-01-15'],
    [next, ''],
  ]) {
    await page.goto(`/negotiations/${arms}/rounds/new`);
    const form = page.getByRole('form', { name: 'New round' });
    await form.getByLabel('Name').fill(name);
    if (startsOn) await form.getByLabel('Start date').fill(startsOn);
    else await form.getByLabel('Start date').fill('in the coming weeks');
    await form.getByRole('button', { name: 'Create round' }).click();
    await expect(page.getByRole('heading', { name })).toBeVisible();
  }
  const calledId = ROUND(called);
  await page.goto(`/homework/new?negotiation=${arms}`);
  let form = page.getByRole('form', { name: 'New homework' });
  await form.getByLabel('Title').fill(title);
  await form.getByRole('group', { name: 'Owner parties' }).getByLabel('Russia', { exact: true }).check();
  await form.getByLabel('Due at round').selectOption({ label: called });
  await form.getByRole('button', { name: 'Add homework' }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  await page.goto(`/rounds/${calledId}/edit`);
  form = page.getByRole('form', { name: 'Round facts' });
  await form.getByLabel('Status').selectOption('cancelled');
  await form.getByLabel('Cancelled on').fill('2026-01-10');
  await form.getByLabel('Why it was cancelled').fill('The delegations could not agree on a venue');
  await form.getByRole('button', { name: 'Save round' }).click();
  await expect(form.getByRole('status')).toContainText('Round saved');

  // Everywhere: the board, the round page, the dashboard's overdue list, counted from the day it was planned for.
  await page.goto(`/homework?negotiation=${arms}&status=due_round_cancelled`);
  await expect(page.getByRole('row', { name: new RegExp(title) })).toContainText('due round cancelled, overdue');
  await page.goto(`/rounds/${calledId}`);
  await expect(page.getByRole('table', { name: 'Due at this round' }).getByRole('row', { name: new RegExp(title) })).toContainText('due round cancelled');
  await page.goto(`/?negotiation=${arms}`);
  await expect(page.getByRole('list', { name: 'Overdue homework' })).toContainText(`due round cancelled: ${called} (planned for 15 Jan 2026)`);

  // Its page says how to move it, and the form offers the other round.
  await page.goto(`/homework/${idOf(`SELECT id FROM homework WHERE title = ?`, title)}`);
  await expect(page.getByRole('note', { name: 'Due round cancelled' })).toContainText(`Its due round, ${called}, was cancelled`);
  await expect(page.getByRole('note', { name: 'Due round cancelled' })).toContainText('choose another round under “Due at round”, or a due date, in “Refine” below');
  form = page.getByRole('form', { name: 'Refine homework' });
  await expect(form.getByLabel('Due at round').locator('option:checked')).toHaveText(`${called} (cancelled)`);
  await form.getByLabel('Due at round').selectOption({ label: next });
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(form.getByRole('status')).toContainText('Homework saved');
  await expect(page.getByRole('note', { name: 'Due round cancelled' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Details' })).not.toContainText('cancelled');
});
