import { test, expect } from './fixtures';
import { actionForm, buildActions, pageFiles, pathOf, raw, sessionCookie } from './raw-http';
import { ACTIONS, ROUTES, type Method } from '@/tests/authz-matrix';

// Everything made for a signed-in caller must stay out of every cache, a browser's and a proxy's: each route
// of tests/authz-matrix.ts, each page (as HTML and as the RSC payload of a client-side navigation) and each
// server action's answer. Routes and pages say `private, no-store`; Next answers an action with
// `no-cache, no-store, …`, set after any code of the app runs, and no-store already forbids every cache.
const directives = (header: string | string[] | undefined) => new Set(String(header ?? '').split(',').map((d) => d.trim().toLowerCase()));

let cookie = '';
test.beforeAll(async () => {
  cookie = await sessionCookie('admin');
});

test('every route answers a signed-in caller private, no-store', async () => {
  for (const route of ROUTES) {
    for (const [method, access] of Object.entries(route.methods) as [Method, string][]) {
      // The health check and the benchmark's ceiling know no caller; next-auth's routes do (a session, a CSRF token).
      if (access === 'public' && !route.file.includes('[...nextauth]')) continue;
      const paths = route.file.includes('[...nextauth]') ? ['/api/auth/session', '/api/auth/csrf', '/api/auth/providers'] : [pathOf(route.file, '1').replace('/[file]', '/summary.md')];
      for (const path of paths) {
        const write = method !== 'GET';
        const answer = await raw({
          method: write ? method : 'GET',
          path: route.file.includes('[...nextauth]') && write ? '/api/auth/callback/credentials' : path,
          headers: { cookie, origin: `http://localhost:${process.env.E2E_PORT ?? '3100'}`, 'content-type': 'application/json' },
          ...(write ? { body: '{}' } : {}),
        });
        const cache = directives(answer.headers['cache-control']);
        expect(cache.has('private') && cache.has('no-store'), `${method} ${path} → ${answer.status}, Cache-Control: ${answer.headers['cache-control']}`).toBe(true);
      }
    }
  }
});

test('every page, as HTML and as a navigation’s RSC payload, is private, no-store', async () => {
  for (const file of pageFiles()) {
    const path = pathOf(file, '1');
    for (const headers of [{ cookie }, { cookie, rsc: '1' }] as Record<string, string>[]) {
      const answer = await raw({ method: 'GET', path, headers });
      const cache = directives(answer.headers['cache-control']);
      const what = `${path} ${headers.rsc ? '(RSC)' : ''} → ${answer.status}, Cache-Control: ${answer.headers['cache-control']}`;
      expect(answer.status, what).toBeLessThan(500);
      // A redirect (a signed-in reader sent from /login to /) says nothing but where to go, and a 307 without
      // freshness information is stored by no cache (RFC 9111, 4.2.2): it must simply not claim any.
      if (answer.status >= 300 && answer.status < 400) expect([...cache].filter((d) => d === 'public' || /^(s-)?max-?age=[1-9]/.test(d)), what).toEqual([]);
      else expect(cache.has('private') && cache.has('no-store'), what).toBe(true);
    }
  }
});

test('every server action’s answer is no-store', async () => {
  const built = buildActions();
  for (const action of ACTIONS) {
    const found = built.find((b) => b.file === action.file && b.name === action.name)!;
    // An empty form: every action refuses it, so nothing is written.
    const form = actionForm({}, (action.bound ?? []).map(() => 0));
    const answer = await raw({ path: found.page, headers: { cookie, origin: `http://localhost:${process.env.E2E_PORT ?? '3100'}`, 'next-action': found.id, 'content-type': form.contentType }, body: form.body });
    expect(directives(answer.headers['cache-control']).has('no-store'), `${action.name} → ${answer.status}, ${answer.headers['cache-control']}`).toBe(true);
  }
});
