import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { test, expect, idOf } from './fixtures';

const ARMS = () => idOf(`SELECT id FROM negotiations WHERE name = 'US–Russia strategic stability'`);

test('the dashboard downloads its matrix as Excel with the filters it shows', async ({ viewerPage: page }, testInfo) => {
  await page.goto(`/?negotiation=${ARMS()}`);
  const downloads = page.getByText('Download the matrix with these filters:');
  await expect(downloads).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel (.xlsx)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/^Where every issue stands - \d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Matrix')!;
  const negotiations = new Set<string>();
  sheet.eachRow((row, n) => n > 1 && negotiations.add(String(row.getCell(2).value)));
  expect([...negotiations]).toEqual(['US–Russia strategic stability']);
  const issues = new Set<string>();
  sheet.eachRow((row, n) => n > 1 && issues.add(String(row.getCell(3).value)));
  expect(issues).toContain('New START extension');
});

test('the homework board downloads its items as CSV with its filters', async ({ viewerPage: page }, testInfo) => {
  await page.goto('/homework?status=open');
  await expect(page.getByText('Download these items:')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('homework.png'), fullPage: true });
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'CSV', exact: true }).click();
  const download = await downloadPromise;
  const rows = parse(fs.readFileSync((await download.path())!, 'utf8'), { bom: true, columns: true }) as Record<string, string>[];
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((r) => r.status === 'open')).toBe(true);
  expect(rows.some((r) => r.marking === 'TLP:AMBER')).toBe(true);
});

test('the round summary offers its spreadsheet as Excel, with a sheet each of positions, homework and outcomes', async ({ viewerPage: page }, testInfo) => {
  const roundId = idOf(`SELECT id FROM rounds WHERE name = 'Abu Dhabi round 2'`);
  await page.goto(`/rounds/${roundId}/summary`);
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Excel (.xlsx)' }).click();
  const download = await downloadPromise;
  await page.screenshot({ path: testInfo.outputPath('round-summary.png') });
  expect(download.suggestedFilename()).toMatch(/Abu Dhabi round 2 - 2026-02-05 - summary\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((w) => w.name)).toEqual(['Positions', 'Homework', 'Outcomes']);
  fs.copyFileSync((await download.path())!, testInfo.outputPath('summary.xlsx'));
});
