import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { test, expect, count, idOf } from './fixtures';
import { RESTRICTED_NEGOTIATION, RESTRICTED_SAMPLES, RESTRICTED_WORDS } from './restricted-samples';
import { CACHED_PAGES } from '@/tests/cached-pages';

// Need to know (docs/decisions/0017), as the demo shows it: the peace talks are restricted to the analyst, the
// viewer and the admin; outsider@example.org, an analyst, is a member of the open strategic-stability talks only.

const OPEN_NEGOTIATION = 'US–Russia strategic stability';
const openId = () => idOf(`SELECT id FROM negotiations WHERE name = ?`, OPEN_NEGOTIATION);

/** A page or route address with its {sample} placeholders filled from the restricted negotiation. */
const restricted = (url: string) => url.replace(/\{(\w+)\}/g, (_, k: string) => String(RESTRICTED_SAMPLES[k]()));

/** Every page of the app with a record's id in its path, found on disk: a new one is probed without being listed. */
function pagesWithIds(): string[] {
  const walk = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : e.name === 'page.tsx' ? [path.join(dir, e.name)] : []));
  return walk(path.join(process.cwd(), 'app'))
    .map((f) => path.relative(process.cwd(), f).split(path.sep).join('/'))
    .filter((f) => f.includes('['))
    .sort();
}
const SEGMENT: Record<string, string> = {
  issues: 'issue',
  negotiations: 'negotiation',
  rounds: 'round',
  updates: 'update',
  homework: 'homework',
  corroborations: 'corroboration',
  parties: 'party',
  outlets: 'outlet',
  articles: 'article',
};
function pageUrl(file: string): string {
  const parts = file.replace(/^app\//, '').replace(/\/page\.tsx$/, '').split('/');
  return '/' + parts.map((p, i) => (p.startsWith('[') ? `{${SEGMENT[parts[i - 1]]}}` : p)).join('/');
}

async function textOf(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}
/** The restricted words a response holds, but for the one a search page was asked for (it shows the question back). */
const wordsIn = (text: string, url = '') => {
  const asked = new URL(url, 'http://x').searchParams.get('q');
  return RESTRICTED_WORDS.filter((w) => w !== asked && text.includes(w));
};
/** A search for a restricted word finds nothing at all: no result and no count. */
function expectNothingFound(url: string, text: string) {
  if (url.startsWith('/api/search')) expect(JSON.parse(text).results, url).toEqual([]);
  else if (url.startsWith('/search')) expect(text, url).toMatch(/No results<!-- --> for “/);
}

test('every page of a restricted negotiation’s records is not found for the outsider, and shown to its members', async ({ outsiderPage, analystPage }) => {
  const pages = pagesWithIds();
  expect(pages.length).toBeGreaterThan(15);
  for (const file of pages) {
    const url = restricted(pageUrl(file));
    expect((await textOf(analystPage.request, url)).status, `${url} as a member`).toBe(200);
    const asOutsider = await textOf(outsiderPage.request, url);
    expect(asOutsider.status, `${url} as the outsider`).toBe(404);
    expect(wordsIn(asOutsider.text), url).toEqual([]);
    expect(asOutsider.text, url).not.toContain(RESTRICTED_NEGOTIATION);
  }
});

test('search, feeds, deadlines, activity and the dashboard hold none of the restricted negotiation’s words for the outsider', async ({
  outsiderPage,
  analystPage,
}) => {
  const words = RESTRICTED_WORDS.flatMap((w) => [`/search?q=${w}`, `/api/search?q=${w}`]);
  const urls = [
    '/',
    ...words,
    '/deadlines',
    '/deadlines?past=1',
    '/api/deadlines.ics',
    '/activity',
    '/homework',
    '/corroborations',
    '/corroborations/suggest',
    '/parties',
    '/negotiations',
    '/api/negotiations',
    '/api/sources/choices',
    `/negotiations/${openId()}`,
    `/negotiations/${openId()}/timeline`,
    `/api/negotiations/${openId()}/updates.atom`,
    `/api/negotiations/${openId()}/export.json`,
    '/updates/new',
  ];
  for (const url of urls) {
    const { status, text } = await textOf(outsiderPage.request, url);
    expect(status, url).toBe(200);
    expect(wordsIn(text, url), url).toEqual([]);
    expectNothingFound(url, text);
    expect(text, url).not.toContain(RESTRICTED_NEGOTIATION);
  }
  // Not vacuous: a member finds every word.
  for (const w of RESTRICTED_WORDS) expect((await textOf(analystPage.request, `/api/search?q=${w}`)).text, w).toContain(w);
  const { text: dashboard } = await textOf(analystPage.request, '/');
  expect(wordsIn(dashboard).length).toBeGreaterThan(0);
  // The search counts say nothing either: no result at all, not "results you may not see".
  await outsiderPage.goto('/search?q=Donbas');
  await expect(outsiderPage.getByRole('heading', { name: /No results for “Donbas”/ })).toBeVisible();
});

test('a page cached for the admin is never served to the outsider (db/read-cache.ts keys by what a reader sees)', async ({ adminPage, outsiderPage }) => {
  const writes = () => count(`SELECT (SELECT count(*) FROM audit_log) + (SELECT count(*) FROM login_attempts) n`);
  for (const page of CACHED_PAGES) {
    for (const template of page.urls) {
      const url = restricted(template);
      const before = writes();
      const asAdmin = await textOf(adminPage.request, url);
      expect(asAdmin.status, `${url} as the admin`).toBe(200);
      const asOutsider = await textOf(outsiderPage.request, url);
      // Nothing was written in between: the admin's entry was still there to be served.
      expect(writes(), url).toBe(before);
      if (/\/(issues|rounds|negotiations)\/\d+/.test(url)) {
        expect(asOutsider.status, `${url} as the outsider`).toBe(404);
      } else {
        expect(asOutsider.status, `${url} as the outsider`).toBe(200);
        expect(asOutsider.text, `${url}: the outsider got the admin's page`).not.toBe(asAdmin.text);
      }
      expect(wordsIn(asOutsider.text, url), url).toEqual([]);
      if (RESTRICTED_WORDS.some((w) => url.endsWith(`q=${w}`))) expectNothingFound(url, asOutsider.text);
    }
  }
});

test('a new negotiation is its creator’s until they open it; its marking heads each of its pages', async ({ analystPage, viewerPage }) => {
  const name = 'Back-channel track (need to know)';
  await analystPage.goto('/negotiations/new');
  const form = analystPage.getByRole('form', { name: 'Negotiation' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Handling marking').fill('RESTRICTED — negotiation team only');
  await form.getByRole('button', { name: 'Create negotiation' }).click();
  await expect(analystPage).toHaveURL(/\/negotiations\/\d+\/edit\?created=1$/);
  await expect(analystPage.getByRole('note', { name: 'Handling marking' })).toHaveText('RESTRICTED — negotiation team only');
  const id = idOf(`SELECT id FROM negotiations WHERE name = ?`, name);

  expect((await viewerPage.request.get(`/negotiations/${id}`)).status()).toBe(404);
  await viewerPage.goto('/negotiations');
  await expect(viewerPage.getByRole('link', { name })).toHaveCount(0);

  await analystPage.getByLabel('Who may read it').selectOption('open');
  await analystPage.getByRole('button', { name: 'Save negotiation' }).click();
  await expect(analystPage.getByText('Negotiation saved.')).toBeVisible();
  await viewerPage.goto(`/negotiations/${id}`);
  await expect(viewerPage.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(viewerPage.getByRole('note', { name: 'Handling marking' })).toHaveText('RESTRICTED — negotiation team only');
  await expect(viewerPage.getByText('Open: every signed-in user can read it.')).toBeVisible();
});

test('an admin adds the outsider on the members page; removed, they lose it on their next request, and their token too', async ({
  adminPage,
  outsiderPage,
}) => {
  const id = RESTRICTED_SAMPLES.negotiation()!;
  const page = `/negotiations/${id}`;
  expect((await outsiderPage.request.get(page)).status()).toBe(404);
  // A token made now acts with its owner's memberships, whatever they are at each request.
  await outsiderPage.goto('/settings/tokens');
  await outsiderPage.getByLabel('Name').fill('Need to know check');
  await outsiderPage.getByRole('button', { name: 'Create token' }).click();
  const token = await outsiderPage.getByRole('region', { name: 'Your new token' }).getByLabel('Token').inputValue();
  const viaToken = () => outsiderPage.request.get(`/api/negotiations/${id}/export.json`, { headers: { authorization: `Bearer ${token}` } });
  expect((await viaToken()).status()).toBe(404);

  await adminPage.goto(`${page}/members`);
  const remove = adminPage.getByRole('form', { name: 'Remove outsider@example.org' });
  try {
    const add = adminPage.getByRole('form', { name: 'Add a member' });
    await add.getByLabel('User').selectOption({ label: 'Demo Outsider (outsider@example.org, analyst)' });
    await add.getByLabel('Role in this negotiation').selectOption('viewer');
    await add.getByRole('button', { name: 'Add member' }).click();
    await expect(remove).toBeVisible();
    await outsiderPage.goto(page);
    await expect(outsiderPage.getByRole('heading', { name: RESTRICTED_NEGOTIATION, level: 1 })).toBeVisible();
    await expect(outsiderPage.getByRole('note', { name: 'Handling marking' })).toHaveText('TLP:AMBER');
    // A viewer there, whatever their own role: no analyst's buttons.
    await expect(outsiderPage.getByRole('link', { name: 'New round' })).toHaveCount(0);
    expect((await viaToken()).status()).toBe(200);
  } finally {
    // Whatever failed above, the outsider leaves again: the other specs rely on them being outside.
    await adminPage.goto(`${page}/members`);
    if (await remove.count()) await remove.getByRole('button', { name: 'Remove' }).click();
    await expect(remove).toHaveCount(0);
  }
  await outsiderPage.reload();
  expect((await outsiderPage.request.get(page)).status()).toBe(404);
  expect((await viaToken()).status()).toBe(404);
});
