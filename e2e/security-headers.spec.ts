import { test, expect, count, idOf, capturePositionPost } from './fixtures';

test('pages carry a nonce-based CSP and still hydrate without a single violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  const response = await page.goto('/login');
  const headers = response!.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toBeTruthy();
  const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'))!;
  expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(scriptSrc).toContain("'strict-dynamic'");
  expect(scriptSrc).not.toContain('unsafe-inline');
  expect(scriptSrc).not.toContain('unsafe-eval');
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'self'");
  expect(csp).toContain("form-action 'self'");
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-frame-options']).toBe('DENY');

  // Every inline script Next rendered carries this response's nonce.
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
  const scripts = await page.locator('script').evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  for (const n of scripts) expect(n).toBe(nonce);

  // A fresh nonce per request.
  const again = await page.request.get('/login');
  expect(again.headers()['content-security-policy']).not.toBe(csp);

  // The client form works: React hydrated under the policy.
  await page.getByLabel('Email').fill('viewer@example.org');
  await page.getByLabel('Password').fill('wrong-password-here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('p[role=alert]')).toContainText('Wrong email or password');
  await page.getByLabel('Password').fill('tracker-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Where every issue stands' })).toBeVisible();
  expect(violations).toEqual([]);
});

test('API responses forbid framing and sniffing', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  expect(response.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
  // A download too (set in next.config.js: the proxy skips /api/).
  const feed = await request.get('/api/bench/ceiling');
  expect(feed.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
});

test('a server action posted from another origin is refused and writes nothing', async ({ analystPage: page }) => {
  const issueId = idOf(`SELECT id FROM issues WHERE title = 'Donbas status'`);
  const captured = await capturePositionPost(page, issueId, 'United States', 'Sent from evil.example');

  const before = count(`SELECT count(*) n FROM positions`);
  // Same session cookie (the page's context), but the request claims to come from elsewhere.
  const response = await page.request.post(`/issues/${issueId}`, {
    headers: { ...captured.headers, origin: 'https://evil.example' },
    data: captured.body,
  });
  expect(response.ok()).toBe(false);
  expect(count(`SELECT count(*) n FROM positions`)).toBe(before);
  expect(count(`SELECT count(*) n FROM positions WHERE summary = 'Sent from evil.example'`)).toBe(0);

  // Control: the same request from our own origin goes through, so the refusal above was the origin check.
  const ok = await page.request.post(`/issues/${issueId}`, { headers: captured.headers, data: captured.body });
  expect(ok.status()).toBe(200);
  await expect.poll(() => count(`SELECT count(*) n FROM positions WHERE summary = 'Sent from evil.example'`)).toBe(1);
});
