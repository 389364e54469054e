import { test, expect, count, idOf } from './fixtures';

const unique = () => Math.random().toString(36).slice(2, 7);

test('an analyst creates a negotiation, seats two parties, adds an issue and sees it on the dashboard', async ({ analystPage: page }) => {
  test.setTimeout(120_000); // one long user journey on a shared machine
  const name = `Gaza ceasefire talks ${unique()}`;
  await page.goto('/negotiations');
  await expect(page.getByRole('row', { name: /Russia–Ukraine peace talks/ })).toBeVisible();
  await page.getByRole('link', { name: 'New negotiation' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Description').fill('Egypt- and Qatar-mediated.');
  await page.getByRole('button', { name: 'Create negotiation' }).click();
  await expect(page).toHaveURL(/\/negotiations\/\d+\/edit/);
  await expect(page.getByRole('status')).toContainText('Negotiation created');
  const negotiationId = idOf(`SELECT id FROM negotiations WHERE name = ?`, name);

  const seat = page.getByRole('form', { name: 'Seat a party' });
  await seat.getByLabel('Party').selectOption({ label: 'United States (US)' });
  await seat.getByLabel('Role').selectOption('mediator');
  await seat.getByLabel('Description').fill('Mediator with Egypt and Qatar.');
  await seat.getByLabel('Note').fill('Hosts the talks');
  await seat.getByRole('button', { name: 'Seat party' }).click();
  await expect(page.getByRole('form', { name: 'Seat of United States' })).toBeVisible();
  await expect(page.getByRole('form', { name: 'Seat of United States' }).getByLabel('Description')).toHaveValue('Mediator with Egypt and Qatar.');
  await seat.getByLabel('Party').selectOption({ label: 'Russia (RU)' });
  await seat.getByLabel('Role').selectOption('party');
  await seat.getByRole('button', { name: 'Seat party' }).click();
  const russia = page.getByRole('form', { name: 'Seat of Russia' });
  await expect(russia).toBeVisible();
  expect(count(`SELECT count(*) n FROM negotiation_parties WHERE negotiation_id = ?`, negotiationId)).toBe(2);
  expect(count(`SELECT count(*) n FROM negotiation_parties WHERE negotiation_id = ? AND role = 'mediator' AND note = 'Hosts the talks'`, negotiationId)).toBe(1);
  // What this negotiation says of the United States is its own: the demo's say something else.
  expect(count(`SELECT count(*) n FROM party_descriptions WHERE description = 'Mediator with Egypt and Qatar.'`)).toBe(1);

  // Change a seated party's role.
  await russia.getByLabel('Role').selectOption('observer');
  await russia.getByRole('button', { name: 'Save' }).click();
  await expect(russia.getByRole('status')).toContainText('Seat saved');
  expect(count(`SELECT count(*) n FROM negotiation_parties np JOIN parties p ON p.id = np.party_id WHERE negotiation_id = ? AND p.short_name = 'RU' AND role = 'observer'`, negotiationId)).toBe(1);

  // An issue with a key date that does not exist: message beside the field, typing kept, nothing written.
  await page.getByRole('link', { name: 'New issue' }).click();
  await expect(page.getByRole('heading', { name: `New issue in ${name}` })).toBeVisible();
  const form = page.getByRole('form', { name: 'New issue' });
  await form.getByLabel('Title').fill('Hostage releases');
  await form.getByLabel('Priority').selectOption('critical');
  await form.getByLabel('Key date', { exact: true }).evaluate((el: HTMLInputElement) => {
    el.type = 'text';
    el.value = '2026-02-30';
  });
  await form.getByLabel('Key date label').fill('Phase one ends');
  await form.getByRole('button', { name: 'Create issue' }).click();
  await expect(form.locator('.field').getByText('Key date must be a real date (YYYY-MM-DD).')).toBeVisible();
  await expect(form.getByLabel('Key date', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByRole('button', { name: 'Create issue' })).toHaveAttribute('aria-busy', 'false');
  await expect(form.getByLabel('Title')).toHaveValue('Hostage releases');
  await expect(form.getByLabel('Priority')).toHaveValue('critical');
  expect(count(`SELECT count(*) n FROM issues WHERE negotiation_id = ?`, negotiationId)).toBe(0);

  await form.getByLabel('Key date', { exact: true }).fill('2026-03-01');
  await form.getByRole('button', { name: 'Create issue' }).click();
  await expect(page).toHaveURL(/\/issues\/\d+$/);
  await expect(page.getByRole('heading', { name: 'Hostage releases' })).toBeVisible();
  expect(count(`SELECT count(*) n FROM issues WHERE negotiation_id = ? AND key_date = '2026-03-01' AND priority = 'critical'`, negotiationId)).toBe(1);

  await page.goto('/');
  const table = page.getByRole('table', { name: name });
  const row = table.getByRole('row', { name: /Hostage releases/ });
  await expect(row).toContainText('Phase one ends');
  await expect(row).toContainText('under discussion');
  await expect(table.getByRole('columnheader', { name: /^US/ })).toContainText('mediator');

  await page.goto('/negotiations');
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('1');
});

test('an issue edit based on a stale version is refused with the conflict message', async ({ analystPage: page }) => {
  const name = `Iran nuclear file ${unique()}`;
  await page.goto('/negotiations/new');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create negotiation' }).click();
  await expect(page).toHaveURL(/\/edit/);
  await page.getByRole('link', { name: 'New issue' }).click();
  await page.getByLabel('Title').fill('Enrichment cap');
  await page.getByRole('button', { name: 'Create issue' }).click();
  await expect(page.getByRole('heading', { name: 'Enrichment cap' })).toBeVisible();
  await page.getByRole('link', { name: 'Edit issue' }).click();
  const issueUrl = page.url().replace(/\/edit$/, '');

  // A colleague saves first, in another tab.
  const other = await page.context().newPage();
  await other.goto(`${issueUrl}/edit`);
  await other.getByLabel('Title').fill('Enrichment cap at 3.67%');
  await other.getByRole('button', { name: 'Save issue' }).click();
  await expect(other.getByRole('heading', { name: 'Enrichment cap at 3.67%' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Edit issue' });
  await form.getByLabel('Title').fill('Enrichment cap (mine)');
  await form.getByRole('button', { name: 'Save issue' }).click();
  await expect(form.getByRole('alert').first()).toContainText(
    'You changed this issue in another window since you opened this form: the title now reads “Enrichment cap at 3.67%”. Review and save again.',
  );
  await expect(form.getByLabel('Title')).toHaveValue('Enrichment cap (mine)');
  expect(count(`SELECT count(*) n FROM issues WHERE title = 'Enrichment cap (mine)'`)).toBe(0);
  expect(count(`SELECT count(*) n FROM issues WHERE title = 'Enrichment cap at 3.67%'`)).toBe(1);

  // Reviewed: saving again from the same form goes through.
  await form.getByRole('button', { name: 'Save issue' }).click();
  await expect(page.getByRole('heading', { name: 'Enrichment cap (mine)' })).toBeVisible();
  expect(count(`SELECT count(*) n FROM issues WHERE title = 'Enrichment cap (mine)'`)).toBe(1);
});

test('two analysts edit one negotiation: the second is told what changed, keeps what they typed, and saves again', async ({ analystPage: page, adminPage: colleague }) => {
  const name = `Gaza ceasefire ${unique()}`;
  await page.goto('/negotiations/new');
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create negotiation' }).click();
  await expect(page).toHaveURL(/\/edit/);
  const editUrl = new URL(page.url()).pathname;
  await colleague.goto(editUrl);

  // Both have the form open; the colleague saves first.
  const theirs = colleague.getByRole('form', { name: 'Negotiation' });
  await theirs.getByLabel('Description').fill('Phase one: hostages for prisoners.');
  await theirs.getByRole('button', { name: 'Save negotiation' }).click();
  await expect(theirs.getByRole('status')).toContainText('Negotiation saved.');

  const mine = page.getByRole('form', { name: 'Negotiation' });
  await mine.getByLabel('Description').fill('Talks in Doha and Cairo.');
  await mine.getByRole('button', { name: 'Save negotiation' }).click();
  await expect(mine.getByRole('alert').first()).toContainText(
    'Demo Admin changed this negotiation since you opened the form: the description now reads “Phase one: hostages for prisoners.”. Review and save again.',
  );
  await expect(mine.getByLabel('Description')).toHaveValue('Talks in Doha and Cairo.');
  expect(count(`SELECT count(*) n FROM negotiations WHERE name = ? AND description = 'Phase one: hostages for prisoners.'`, name)).toBe(1);

  await mine.getByLabel('Description').fill('Phase one: hostages for prisoners; talks in Doha and Cairo.');
  await mine.getByRole('button', { name: 'Save negotiation' }).click();
  await expect(mine.getByRole('status')).toContainText('Negotiation saved.');
  expect(count(`SELECT count(*) n FROM negotiations WHERE name = ? AND description = 'Phase one: hostages for prisoners; talks in Doha and Cairo.'`, name)).toBe(1);
});

test('an analyst adds a party and an actor of it in a negotiation, and corrects their title', async ({ analystPage: page }) => {
  const party = `Qatar ${unique()}`;
  await page.goto('/parties');
  const newParty = page.getByRole('form', { name: 'New party' });
  await newParty.getByLabel('Name', { exact: true }).fill(party);
  await newParty.getByRole('button', { name: 'Add party' }).click();
  await expect(newParty.locator('.field').getByText('Short name is required.')).toBeVisible();
  await expect(newParty.getByRole('button', { name: 'Add party' })).toHaveAttribute('aria-busy', 'false');
  await expect(newParty.getByLabel('Name', { exact: true })).toHaveValue(party);
  await newParty.getByLabel('Short name').fill('QA');
  await newParty.getByRole('button', { name: 'Add party' }).click();
  await expect(newParty.getByRole('status')).toContainText(`${party} added`);

  const person = `Mohammed bin Abdulrahman Al Thani ${unique()}`;
  const actor = page.getByRole('form', { name: 'New actor' });
  await actor.getByLabel('Name', { exact: true }).fill(person);
  await actor.getByLabel('Title').fill('Prime minister');
  await actor.getByLabel('Negotiation').selectOption({ label: 'US–Russia strategic stability' });
  await actor.getByLabel('Party').selectOption({ label: party });
  await actor.getByRole('button', { name: 'Add actor' }).click();
  await expect(actor.getByRole('status')).toContainText(`${person} added.`);
  await expect(page.getByRole('row', { name: new RegExp(party) })).toContainText('US–Russia strategic stability (named, not seated)');
  await expect(page.getByRole('listitem').filter({ hasText: person })).toContainText(`${party}, Prime minister in US–Russia strategic stability`);

  await page.getByRole('link', { name: `Edit ${party}` }).click();
  const edit = page.getByRole('form', { name: 'Edit party' });
  await edit.getByLabel('Short name').fill('QAT');
  await edit.getByRole('button', { name: 'Save party' }).click();
  await expect(edit.getByRole('status')).toContainText('Party saved');
  expect(count(`SELECT count(*) n FROM parties WHERE name = ? AND short_name = 'QAT'`, party)).toBe(1);

  const held = page.getByRole('form', { name: `${person} in US–Russia strategic stability` });
  await held.getByLabel('Title').fill('Prime minister and foreign minister');
  await held.getByLabel('From').fill('2026-01-10');
  await held.getByRole('button', { name: 'Save' }).click();
  await expect(held.getByRole('status')).toContainText('Saved');
  expect(
    count(`SELECT count(*) n FROM affiliations f JOIN actors a ON a.id = f.actor_id WHERE a.name = ? AND f.title = 'Prime minister and foreign minister' AND f.starts_on = '2026-01-10'`, person),
  ).toBe(1);

  // The party's page says, negotiation by negotiation, who speaks for it there.
  await page.goto(`/parties/${idOf(`SELECT id FROM parties WHERE name = ?`, party)}`);
  await expect(page.getByRole('region', { name: /US–Russia strategic stability/ })).toContainText(`${person} — Prime minister and foreign minister (from`);
});

test('a viewer sees no way to create or edit, and is refused on the forms’ pages', async ({ viewerPage: page }) => {
  await page.goto('/negotiations');
  await expect(page.getByRole('heading', { name: 'Negotiations' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Russia–Ukraine peace talks/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New negotiation' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^Edit / })).toHaveCount(0);

  await page.goto('/negotiations/new');
  await expect(page.getByRole('heading', { name: 'Not available to your role' })).toBeVisible();
  await expect(page.getByRole('form')).toHaveCount(0);
  await expect(page.getByLabel('Name')).toHaveCount(0);

  const negotiationId = idOf(`SELECT id FROM negotiations ORDER BY id LIMIT 1`);
  for (const path of [`/negotiations/${negotiationId}/edit`, `/negotiations/${negotiationId}/issues/new`, '/admin/users']) {
    await page.goto(path);
    await expect(page.getByRole('heading', { name: 'Not available to your role' })).toBeVisible();
    await expect(page.getByRole('form')).toHaveCount(0);
  }
  await page.goto('/parties');
  await expect(page.getByRole('row', { name: /Russia/ }).first()).toBeVisible();
  await expect(page.getByRole('form')).toHaveCount(0);
});
