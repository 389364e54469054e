import { test, expect } from './fixtures';
import { actionForm, buildActions, fingerprint, pathOf, raw, serverMemoryMb, sessionCookie } from './raw-http';
import { ACTIONS, ROUTES, type Method } from '@/tests/authz-matrix';

// One limit for every body, read before anything parses it (server/http/body-limits.ts): every route and every
// server action of tests/authz-matrix.ts is sent a body over its limit, once with a Content-Length that says so and
// once streamed without one. Each answers 413 with a sentence, writes nothing, and the server's memory stays put.
const WRITES: Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
const HUGE = 150 * 1024 * 1024;
// Streamed past every limit (the largest is the 10 MB import) without sending all 150 MB each time.
const STREAMED = 12 * 1024 * 1024;
const TYPES: Record<string, string> = { 'app/api/negotiations/[id]/import-updates/route.ts': 'text/csv', 'app/api/auth/[...nextauth]/route.ts': 'application/x-www-form-urlencoded' };

let cookie = '';
test.beforeAll(async () => {
  cookie = await sessionCookie('admin');
});

const origin = () => `http://localhost:${process.env.E2E_PORT ?? '3100'}`;

function routeTargets() {
  return ROUTES.flatMap((route) =>
    (Object.keys(route.methods) as Method[])
      // A file that takes a write is tested by it; the GET of a read-only route by a POST, which it does not take.
      .filter((method, _, all) => WRITES.includes(method) || !all.some((m) => WRITES.includes(m)))
      .map((method) => ({
      route,
      method,
      // next-auth's routes take their forms under /api/auth/…; the credentials callback is the one the review used.
        path: route.file.includes('[...nextauth]') ? '/api/auth/callback/credentials' : pathOf(route.file, '1').replace('/[file]', '/summary.md'),
      })),
  );
}

for (const { route, method, path } of routeTargets()) {
  test(`${method} ${route.file}: a body over the limit is refused before it is read`, async () => {
    const headers = { cookie, origin: origin(), 'content-type': TYPES[route.file] ?? 'application/json' };
    const before = fingerprint();
    // A GET route takes no body at all: a POST to it is refused without one being read.
    const sent = WRITES.includes(method) ? method : 'POST';
    for (const body of [{ declaredBytes: HUGE }, { chunkedBytes: STREAMED }]) {
      const answer = await raw({ method: sent, path, headers, ...body });
      const what = `${sent} ${path} ${JSON.stringify(body)} → ${answer.status} ${answer.text.slice(0, 200)}`;
      if (WRITES.includes(method)) {
        expect(answer.status, what).toBe(413);
        expect(JSON.parse(answer.text).error, what).toMatch(/the limit is \d+ (KB|MB)/);
      } else expect(answer.status, what).toBe(405);
    }
    expect(fingerprint(), `${method} ${path} wrote something`).toBe(before);
  });
}

test('every server action refuses a form over 1 MB with 413 and a sentence, by Content-Length and by counting', async () => {
  test.slow();
  const built = buildActions();
  const before = fingerprint();
  for (const action of ACTIONS) {
    const found = built.find((b) => b.file === action.file && b.name === action.name);
    expect(found, `${action.name} is not in the build`).toBeDefined();
    const headers = { cookie, origin: origin(), 'next-action': found!.id, accept: 'text/x-component' };
    const big = actionForm({ text: 'x'.repeat(1024 * 1024 + 10) });
    for (const body of [{ body: big.body }, { chunkedBytes: 3 * 1024 * 1024 }]) {
      const answer = await raw({ path: found!.page, headers: { ...headers, 'content-type': big.contentType }, ...body });
      const what = `${action.name} on ${found!.page} → ${answer.status} ${answer.text.slice(0, 200)}`;
      expect(answer.status, what).toBe(413);
      expect(answer.text, what).toMatch(/the limit is 1 MB\. .*Nothing was saved\./);
    }
  }
  expect(fingerprint(), 'an oversized action wrote something').toBe(before);
});

test('150 MB bodies, anonymous or signed in, leave the server’s memory where it was', async () => {
  test.slow();
  const actions = buildActions();
  const action = actions.find((a) => a.name === 'createPartyAction')!;
  const before = serverMemoryMb();
  const answers = await Promise.all([
    raw({ path: '/api/auth/callback/credentials', headers: { 'content-type': 'application/x-www-form-urlencoded' }, chunkedBytes: HUGE }),
    raw({ path: '/api/updates', headers: { cookie, origin: origin(), 'content-type': 'application/json' }, chunkedBytes: HUGE }),
    raw({ path: action.page, headers: { cookie, origin: origin(), 'next-action': action.id, 'content-type': 'multipart/form-data; boundary=x' }, chunkedBytes: HUGE }),
    raw({ path: action.page, headers: { cookie, origin: origin(), 'content-type': 'multipart/form-data; boundary=x' }, chunkedBytes: HUGE }),
  ]);
  expect(answers.map((a) => a.status)).toEqual([413, 413, 413, 413]);
  const after = serverMemoryMb();
  // Per worker: each body went to one of them, and a body held in memory would show in that worker alone.
  const growth = [...after].map(([pid, mb]) => `${(before.get(pid) ?? 0).toFixed(0)} MB → ${mb.toFixed(0)} MB`);
  console.log(`150 MB bodies ×4: server memory per worker ${growth.join('; ')}`);
  // Before the limit, one such POST took the server from ~270 MB to ~700 MB.
  for (const [pid, mb] of after) expect(mb - (before.get(pid) ?? 0), `server memory per worker: ${growth.join('; ')}`).toBeLessThan(60);
});
