import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { NegotiationDocument } from '@/lib/interchange/schema';

// A negotiation with more parties than a 1,280 px screen shows: twelve, as a real multilateral track has
// (mediators, guarantors, observers). Imported under its own name, restricted to the analyst who imports it,
// after every other spec has read the demo data.

const PARTIES = 12;
const pad = (n: number) => String(n).padStart(2, '0');
/** Parties 10 and 11 take no position on anything: the reader may fold them away. */
const SILENT = [10, 11];
const FAR_POSITION = 'Only the last party has spoken on this';

function wideTalks(name: string): NegotiationDocument {
  const party = (n: number) => `party:${n}`;
  const issue = (n: number, title: string) => ({
    key: `issue:${n}`,
    title,
    description: '',
    status: 'under_discussion' as const,
    priority: 'medium' as const,
    keyDate: null,
    keyDateLabel: '',
    sortOrder: n,
  });
  const position = (key: number, issueKey: number, partyKey: number, summary: string) => ({
    key: `position:${key}`,
    issue: `issue:${issueKey}`,
    party: party(partyKey),
    summary,
    stance: 'conditional' as const,
    redLines: '',
    flexibility: 'moderate' as const,
    asOf: '2026-02-05',
    source: null,
    round: null,
    update: null,
    supersedes: null,
    isCurrent: true,
  });
  const speaking = Array.from({ length: PARTIES }, (_, i) => i + 1).filter((n) => !SILENT.includes(n));
  return {
    format: 'negotiation-tracker/negotiation',
    version: 4,
    negotiation: { name, description: 'Generated: more parties than fit on one screen.' },
    parties: Array.from({ length: PARTIES }, (_, i) => ({
      key: party(i + 1),
      name: `Wide party ${pad(i + 1)}`,
      shortName: `W${pad(i + 1)}`,
      description: '',
      role: i === 0 ? ('mediator' as const) : ('party' as const),
      note: '',
    })),
    actors: [],
    outlets: [],
    sources: [],
    issues: [issue(1, 'Wide: maritime corridor'), issue(2, 'Wide: the far column'), issue(3, 'Wide: verification')],
    rounds: [],
    updates: [],
    positions: [
      ...speaking.filter((n) => n !== PARTIES).map((n, i) => position(i + 1, 1, n, `Party ${pad(n)} wants a corridor under its own terms`)),
      position(100, 2, PARTIES, FAR_POSITION),
      ...speaking.slice(0, 3).map((n, i) => position(200 + i, 3, n, `Party ${pad(n)} asks for inspections`)),
    ],
    statusChanges: [],
    homework: [],
    corroborations: [],
    convergence: [],
  };
}

/** The horizontal extent of an element, in CSS pixels of the page. */
async function span(locator: Locator) {
  const box = (await locator.boundingBox())!;
  return { left: box.x, right: box.x + box.width };
}

/** A screenshot beside the test's results (test-results/), for a reviewer to look at. */
async function shot(of: Locator, name: string) {
  const path = test.info().outputPath(name);
  await of.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

async function openWideTalks(page: Page, baseURL: string) {
  const name = `Wide talks ${Math.random().toString(36).slice(2, 8)}`;
  const imported = await page.request.post('/api/negotiations/import', { headers: { origin: baseURL }, data: wideTalks(name) });
  expect(imported.ok()).toBeTruthy();
  const { id } = (await imported.json()) as { id: number };
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`/?negotiation=${id}`);
  const matrix = page.getByRole('region', { name });
  await expect(matrix.getByRole('table')).toBeVisible();
  return { matrix, table: matrix.getByRole('table'), scroller: matrix.locator('.table-wrap') };
}

test('a negotiation wider than the screen: the issue column stays, the hidden parties are announced and reachable', async ({ analystPage: page, baseURL }) => {
  const { matrix, table, scroller } = await openWideTalks(page, baseURL!);
  const lastHeader = table.getByRole('columnheader', { name: new RegExp(`W${pad(PARTIES)}`) });
  const farRow = table.getByRole('row', { name: /Wide: the far column/ });
  const farCell = farRow.getByText(FAR_POSITION);
  const issueHeader = table.getByRole('columnheader', { name: 'Issue' });

  // The row's only position lies beyond the right edge, and the bar says how many parties are out of sight.
  await expect(farCell).not.toBeInViewport();
  const more = matrix.getByRole('button', { name: /\d+ more parties \(\d+ with positions\) →/ });
  await expect(more).toBeVisible();
  await expect(matrix.locator('.wide-matrix')).toHaveClass(/more-right/);
  await shot(matrix, 'wide-dashboard-1280.png');

  const scrollerSpan = await span(scroller);
  for (let i = 0; i < PARTIES && (await more.isVisible()); i++) {
    await more.click();
    await page.waitForTimeout(400);
  }
  await expect(more).toBeHidden();
  await expect(farCell).toBeInViewport();
  await expect(lastHeader).toBeInViewport();
  expect((await span(lastHeader)).right).toBeLessThanOrEqual(scrollerSpan.right + 1);

  // The issue column did not scroll away: the row still says what it is about, at the left edge.
  const issueSpan = await span(issueHeader);
  expect(issueSpan.left).toBeGreaterThanOrEqual(scrollerSpan.left - 1);
  expect(issueSpan.left).toBeLessThan(scrollerSpan.left + 2);
  await expect(farRow.getByRole('rowheader')).toBeInViewport();
  expect((await span(farRow.getByRole('rowheader'))).left).toBeLessThan(scrollerSpan.left + 2);
  await expect(matrix.getByRole('button', { name: /^← \d+ parties$/ })).toBeVisible();
  await shot(matrix, 'wide-dashboard-scrolled.png');

  // Parties with no position anywhere can be folded away, and brought back.
  await expect(table.locator('thead th[data-party]')).toHaveCount(PARTIES);
  await matrix.getByRole('button', { name: 'Hide the 2 parties with no position' }).click();
  await expect(table.getByRole('columnheader', { name: /W10/ })).toBeHidden();
  await expect(table.getByRole('columnheader', { name: /W11/ })).toBeHidden();
  await expect(lastHeader).toBeVisible();
  await matrix.getByRole('button', { name: 'Show the 2 parties with no position' }).click();
  await expect(table.getByRole('columnheader', { name: /W10/ })).toBeVisible();
});

test('the dashboard prints every column of a wide negotiation', async ({ analystPage: page, baseURL }) => {
  const { matrix, table, scroller } = await openWideTalks(page, baseURL!);
  // About the width an A4 landscape page leaves inside its margins.
  await page.setViewportSize({ width: 1000, height: 900 });
  await page.emulateMedia({ media: 'print' });
  await expect(matrix.getByRole('group', { name: /Columns of/ })).toBeHidden();
  const clipped = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(clipped).toBeLessThanOrEqual(1);
  const lastHeader = table.getByRole('columnheader', { name: new RegExp(`W${pad(PARTIES)}`) });
  expect((await span(lastHeader)).right).toBeLessThanOrEqual(1000);
  const farCell = table.getByText(FAR_POSITION);
  await farCell.scrollIntoViewIfNeeded();
  await expect(farCell).toBeInViewport();
  expect((await span(farCell)).right).toBeLessThanOrEqual(1000);
  expect(await scroller.evaluate((el) => el.scrollLeft)).toBe(0);
  await shot(matrix, 'wide-dashboard-print.png');
  // The browser's own print, as a reviewer would hold it (A4 landscape from the stylesheet's named page).
  const pdf = test.info().outputPath('wide-dashboard.pdf');
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  await test.info().attach('wide-dashboard.pdf', { path: pdf, contentType: 'application/pdf' });
});
