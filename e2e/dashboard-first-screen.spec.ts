import { test, expect } from './fixtures';

// The ten-second test: the dashboard's first screen answers what moved, what is overdue, which deadline is next
// and where the parties are furthest apart. The issue rows are on it without scrolling, on a laptop and a phone.

for (const [width, height, device] of [
  [1440, 900, 'a laptop'],
  [390, 844, 'a phone'],
] as const) {
  test(`on ${device} (${width}×${height}) the first screen holds the answers and the first issue rows`, async ({ viewerPage: page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/');
    const glance = page.getByRole('list', { name: 'At a glance' });
    await expect(glance).toContainText('Overdue homework:');
    await expect(glance).toContainText('Next deadline:');
    const firstRow = page.locator('table.matrix tbody tr').first();
    await expect(firstRow).toBeVisible();
    const box = (await firstRow.boundingBox())!;
    expect(box.y, 'the first issue row starts on the first screen').toBeLessThan(height - 100);
    // Each row says its status, its trend in words and when it last had an event.
    await expect(firstRow).toContainText(/last event|nothing recorded yet/);
    if (device === 'a phone') {
      // One card per issue; the links open from a menu button, a 44 px target.
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
      const menu = page.getByRole('button', { name: 'Menu' });
      expect((await menu.boundingBox())!.height).toBeGreaterThanOrEqual(44);
      await menu.click();
      await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Homework' })).toBeVisible();
      expect(box.width).toBeLessThanOrEqual(width);
    }
  });
}

test('a trend is written out, with the scale in the column header', async ({ viewerPage: page }) => {
  await page.goto('/');
  const table = page.getByRole('table', { name: /Russia–Ukraine/ });
  await expect(table.getByRole('columnheader', { name: /Trend/ })).toContainText('▲ closer, ▼ further apart');
  await expect(table.getByRole('row', { name: /Security guarantees/ })).toContainText('▼ diverging, 3 → 4 of 4');
});
