import { test, expect } from './fixtures';

// After signing in, the browser goes where the login link said only if that is on this app: the review landed on
// evil.example from /login?callbackUrl=/%5Cevil.example/steal and /%09/evil.example. The rule is
// server/http/local-path.ts; its property test (tests/local-path.test.ts) tries thousands of spellings.
const HOSTILE = ['/%5Cevil.example/steal', '/%09/evil.example', 'https://evil.example/', '/.//evil.example'];

async function signIn(page: import('@playwright/test').Page, callbackUrl: string) {
  await page.goto(`/login?callbackUrl=${callbackUrl}`);
  await page.getByLabel('Email').fill('viewer@example.org');
  await page.getByLabel('Password').fill('tracker-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

test('a hostile callbackUrl signs in and stays on the app', async ({ browser }) => {
  test.slow();
  for (const target of HOSTILE) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const visited: string[] = [];
    page.on('request', (r) => visited.push(new URL(r.url()).host));
    await signIn(page, target);
    expect(new URL(page.url()).host, target).toBe(new URL(test.info().project.use.baseURL!).host);
    expect(visited.filter((host) => host.includes('evil')), target).toEqual([]);
    await context.close();
  }
});

test('a callbackUrl on the app is kept', async ({ page }) => {
  await signIn(page, encodeURIComponent('/deadlines?from=login#top'));
  expect(new URL(page.url()).pathname).toBe('/deadlines');
  expect(new URL(page.url()).search).toBe('?from=login');
});

test('next-auth’s own redirect after signing in or out stays on the app', async ({ request }) => {
  const { csrfToken } = await (await request.get('/api/auth/csrf')).json();
  const signedIn = await request.post('/api/auth/callback/credentials', {
    form: { csrfToken, email: 'viewer@example.org', password: 'tracker-demo', json: 'true', callbackUrl: 'https://evil.example/steal' },
  });
  expect(new URL((await signedIn.json()).url).host).toBe(new URL(test.info().project.use.baseURL!).host);
  const { csrfToken: again } = await (await request.get('/api/auth/csrf')).json();
  // "/\evil.example" is "//evil.example" to a browser: another site, so the home page instead.
  const signedOut = await request.post('/api/auth/signout', { form: { csrfToken: again, json: 'true', callbackUrl: '/\\evil.example' } });
  const url = new URL((await signedOut.json()).url);
  expect(url.host).toBe(new URL(test.info().project.use.baseURL!).host);
  expect(url.pathname).toBe('/');
});
