import fc from 'fast-check';
import { test, expect } from './fixtures';
import { actionForm, buildActions, fingerprint, pageFiles, pathOf, raw, sessionCookie, type RawRequest } from './raw-http';
import { ACTIONS, ROUTES, type Method } from '@/tests/authz-matrix';

// No client input may cause a 5xx. fast-check drives every route and server action of tests/authz-matrix.ts and
// every page with generated hostile ids, bodies, headers and content types, as an admin (the deepest code paths)
// or anonymously, and asserts a 2xx–4xx answer each time, and an unchanged database whenever the answer was a
// refusal. It may write what it is allowed to, so it runs after every other spec (playwright.config.ts).
//
// Replay a failure: FUZZ_SEED=<the seed printed> FUZZ_PATH=<the path printed> npx playwright test --project='hostile input' --no-deps
const SEED = Number(process.env.FUZZ_SEED ?? 20261414);
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const TIME_LIMIT_MS = 150_000;

const origin = () => `http://localhost:${process.env.E2E_PORT ?? '3100'}`;

const hostileId = fc.oneof(
  fc.constantFrom('0', '-1', '1e3', '1.0', '01', ' 1', '1 ', '+1', '0x1', '9007199254740993', '99999999999999999999', '', 'null', 'undefined', 'NaN', 'Infinity', '[]', '{}', '1;DROP TABLE users', "1' OR '1'='1", '%00', '%ff', '%c0%af', '%2e%2e', '..', '\u202e1', '١', '𝟏', 'a'.repeat(5000)),
  fc.integer({ min: -3, max: 2 ** 31 }).map(String),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
/** Percent-escapes every byte of the text's UTF-8 but the unreserved ones (a lone surrogate goes as U+FFFD's bytes). */
const escape = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9\-._~]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');
/** An id as it goes into a path: percent-escaped, except the escapes above that are hostile on purpose. */
const pathId = hostileId.map((id) => (/%[0-9a-f]{2}/i.test(id) ? id : escape(id)));
const hostileText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('<script>alert(1)</script>', '\u0000', '\uFFFE', '\uD800', '$Q1', '$@1', '$K9', '$T', '$1:a', '${x}', '{{7*7}}', '=1+1', '@SUM(A1)', 'x'.repeat(20_000), ' ', '\r\n'),
  hostileId,
);
const deepJson = fc.integer({ min: 30, max: 20_000 }).map((n) => '['.repeat(n) + ']'.repeat(n));
const jsonBody = fc.oneof(fc.json({ maxDepth: 4 }), deepJson, fc.dictionary(fc.constantFrom('negotiationId', 'partyId', 'issueId', 'body', 'summary', 'basedOn', 'occurredOn', 'sources', 'position', 'stance', 'asOf'), fc.oneof(hostileText, fc.json({ maxDepth: 3 }).map((j) => JSON.parse(j) as unknown))).map((o) => JSON.stringify(o)));
const anyBody = fc.oneof(jsonBody, hostileText, fc.uint8Array({ maxLength: 2000 }).map((b) => Buffer.from(b)));
const contentType = fc.constantFrom(undefined, 'application/json', 'application/json; charset=utf-16', 'text/csv', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data', 'multipart/form-data; boundary=x', 'application/xml', 'APPLICATION/JSON', '*/*', ';;;', '\u00e9');
const headerSet = fc.record(
  {
    origin: fc.constantFrom('self', 'https://evil.example', 'null', 'not a url', 'http://localhost'),
    accept: fc.constantFrom('text/x-component', 'application/json', '*/*', 'text/html', ''),
    authorization: fc.constantFrom('Bearer ntk_forged', 'Bearer ', 'Basic YTpi', 'Bearer ' + 'x'.repeat(3000)),
    'x-forwarded-host': fc.constantFrom('evil.example', '', 'localhost, evil.example'),
    'next-router-prefetch': fc.constant('1'),
    'x-forwarded-for': fc.constantFrom('::1', 'garbage', '1.1.1.1, 2.2.2.2'),
  },
  { requiredKeys: [] },
);
const caller = fc.constantFrom('admin', 'anonymous', 'forged');

type Target = { kind: 'route' | 'action' | 'page'; label: string; request: RawRequest };

let cookie = '';
test.beforeAll(async () => {
  cookie = await sessionCookie('admin');
});

function headersFor(who: string, extra: Record<string, string>, type?: string): Record<string, string> {
  const headers: Record<string, string> = { ...extra };
  if (headers.origin === 'self') headers.origin = origin();
  if (who === 'admin') headers.cookie = cookie;
  if (who === 'forged') headers.cookie = 'next-auth.session-token=eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..forged.forged.forged';
  if (type !== undefined) headers['content-type'] = type;
  return headers;
}

function routeTarget(): fc.Arbitrary<Target> {
  const entries = ROUTES.flatMap((route) => (Object.keys(route.methods) as Method[]).map((method) => ({ route, method })));
  return fc
    .record({ entry: fc.constantFrom(...entries), id: pathId, method: fc.oneof(fc.constant(null), fc.constantFrom<Method>('GET', 'POST', 'PUT', 'DELETE', 'PATCH')), query: fc.array(fc.tuple(fc.constantFrom('q', 'token', 'name', 'download', 'page', 'negotiation', 'kind', 'from'), hostileText), { maxLength: 3 }), body: anyBody, type: contentType, who: caller, headers: headerSet })
    .map(({ entry, id, method, query, body, type, who, headers }) => {
      const sent = method ?? entry.method;
      let path = pathOf(entry.route.file, id).replace('/[file]', `/${['summary.pdf', 'summary.docx', 'summary.xyz', id][id.length % 4]}`);
      if (entry.route.file.includes('[...nextauth]')) path = `/api/auth/${['callback/credentials', 'signout', 'csrf', 'session', id][id.length % 5]}`;
      const search = query.map(([k, v]) => `${k}=${escape(v)}`).join('&');
      return {
        kind: 'route' as const,
        label: `${sent} ${path}`,
        request: { method: sent, path: search ? `${path}?${search}` : path, headers: headersFor(who, headers, type), ...(sent === 'GET' ? {} : { body }) },
      };
    });
}

function actionTarget(built: ReturnType<typeof buildActions>): fc.Arbitrary<Target> {
  const entries = ACTIONS.map((a) => ({ action: a, found: built.find((b) => b.file === a.file && b.name === a.name)! }));
  const broken = fc.constantFrom('garbage', '{}', '"text"', '["$Q1","$K1"]', '["$T","$K1"]', '[{},"$1:a"]', '[' + '['.repeat(5000) + ']'.repeat(5000) + ']', '', '[null, null, null, null]');
  return fc
    .record({
      entry: fc.constantFrom(...entries),
      values: fc.array(hostileText, { minLength: 1, maxLength: 12 }),
      bound: fc.array(fc.oneof(hostileText, fc.integer(), fc.constant(null)), { maxLength: 2 }),
      envelope: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: broken }),
      type: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: contentType }),
      who: caller,
      headers: headerSet,
      mpa: fc.boolean(),
    })
    .map(({ entry, values, bound, envelope, type, who, headers, mpa }) => {
      // The form the matrix knows, each field given a hostile value; sometimes the envelope itself is broken.
      const fields = Object.fromEntries(Object.keys(entry.action.form ?? { id: '' }).map((name, n) => [name, values[n % values.length]]));
      const form = actionForm(fields, entry.action.bound ? bound : []);
      let body = form.body;
      if (envelope !== null) body = Buffer.from(form.body.toString('utf8').replace(/name="0"\r\n\r\n.*\r\n/, `name="0"\r\n\r\n${envelope}\r\n`));
      if (mpa) body = Buffer.from(body.toString('utf8').replace(/name="0"/, `name="$ACTION_1:0"`).replace(/name="_1_/g, 'name="').replace('--\r\n', `\r\nContent-Disposition: form-data; name="$ACTION_REF_1"\r\n\r\n\r\n--x--\r\n`));
      const extra = mpa ? headers : { ...headers, 'next-action': entry.found.id };
      return { kind: 'action' as const, label: `${entry.action.name}${mpa ? ' (no-JS form)' : ''} on ${entry.found.page}`, request: { path: entry.found.page, headers: headersFor(who, extra, type ?? form.contentType), body } };
    });
}

function pageTarget(): fc.Arbitrary<Target> {
  return fc
    .record({ file: fc.constantFrom(...pageFiles()), id: pathId, query: fc.array(fc.tuple(fc.constantFrom('callbackUrl', 'negotiation', 'party', 'issue', 'round', 'status', 'priority', 'stale', 'page', 'q', 'from', 'to', 'by', 'kind', 'created', 'logged'), hostileText), { maxLength: 4 }), who: caller, headers: headerSet })
    .map(({ file, id, query, who, headers }) => {
      const path = pathOf(file, id);
      const search = query.map(([k, v]) => `${k}=${escape(v)}`).join('&');
      return { kind: 'page' as const, label: `GET ${path}`, request: { method: 'GET', path: search ? `${path}?${search}` : path, headers: headersFor(who, headers) } };
    });
}

test('no generated request to any route, action or page gets a 5xx, and a refused one writes nothing', async () => {
  test.setTimeout(TIME_LIMIT_MS + 60_000);
  console.log(`hostile input: seed ${SEED}, ${RUNS} runs (replay with FUZZ_SEED=${SEED})`);
  test.info().annotations.push({ type: 'fuzz seed', description: String(SEED) });
  const built = buildActions();
  const counts = { route: 0, action: 0, page: 0, refused: 0 };
  const target = fc.oneof(routeTarget(), actionTarget(built), pageTarget());
  const result = await fc.check(
    fc.asyncProperty(target, async ({ kind, label, request }) => {
      const before = fingerprint();
      const answer = await raw(request);
      counts[kind]++;
      if (answer.status >= 500) throw new Error(`${label} → ${answer.status}: ${answer.text.slice(0, 300)}`);
      const refused = answer.status >= 400 || /^1:\{"ok":false/m.test(answer.text);
      if (refused) {
        counts.refused++;
        const after = fingerprint();
        if (after !== before) throw new Error(`${label} → ${answer.status}, refused, but the database changed:\n${before}\n${after}`);
      }
    }),
    { seed: SEED, numRuns: RUNS, interruptAfterTimeLimit: TIME_LIMIT_MS, path: process.env.FUZZ_PATH, endOnFailure: true },
  );
  console.log(`hostile input: ${result.numRuns} requests (${counts.route} to routes, ${counts.action} to actions, ${counts.page} to pages), ${counts.refused} refused${result.interrupted ? ', stopped at the time limit' : ''}`);
  if (result.failed) {
    const counterexample = JSON.stringify(result.counterexample, (_, v: unknown) => (typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}… (${v.length} characters)` : v));
    throw new Error(`${String(result.errorInstance)}\nAfter ${result.numRuns} requests; the request: ${counterexample}\nReplay: FUZZ_SEED=${SEED} FUZZ_PATH=${result.counterexamplePath} npx playwright test --project='hostile input' --no-deps`);
  }
  expect(result.numRuns).toBeGreaterThan(50);
});
