import fs from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { test, expect, emailOf, loginAs, readDb, roleOf, type DemoRole } from './fixtures';
import { SANDBOX, SANDBOX_ACTOR, SANDBOX_GROUP, SANDBOX_ISSUE, SANDBOX_NAME, SANDBOX_OUTLET, SANDBOX_PARTY } from './authz-sandbox';
import { RESTRICTED_SAMPLES } from './restricted-samples';
import { ACTIONS, MATRIX_PASSWORD, ROUTES, allowed, isScoped, type Method } from '@/tests/authz-matrix';

// Drives every entry of tests/authz-matrix.ts as anonymous, viewer, analyst, admin and the outsider: an analyst
// who is no member of the restricted negotiations (docs/decisions/0017). The outsider calls every route that names a
// negotiation's records with the restricted peace talks' ids, and every action on the sandbox, which its importer
// (the analyst) keeps restricted: each answers 404 or refuses, and writes nothing.
// One worker runs the tests in order, but each test fills its forms from the database as it stands,
// so any one of them also runs alone (`--grep`).
type Caller = DemoRole | null;
const CALLERS: Caller[] = [null, 'viewer', 'analyst', 'admin', 'outsider'];
const WRITES: Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
const REFUSALS = ['Your role can read but not change anything.', 'Only an admin can do this.', 'was not found; it may have been deleted.'];
/** The outsider on an entry that names a restricted negotiation's records: not found, whatever their role allows. */
const outOfScope = (caller: Caller, entry: Parameters<typeof isScoped>[0]) => caller === 'outsider' && isScoped(entry);
const mayCall = (caller: Caller, access: Parameters<typeof allowed>[1]) => allowed(caller && roleOf(caller), access);

function one<T>(sql: string, ...params: unknown[]): T {
  const db = readDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}
const num = (sql: string, ...params: unknown[]) => Object.values(one<Record<string, number>>(sql, ...params) ?? { n: 0 })[0] ?? 0;

// A pair no other spec edits, so the route probes here never make another spec's form stale.
const ISSUE = 'Good-faith observance after expiry';
const PARTY = 'CN';

/** Sample ids from the demo data for the routes, looked up at call time (the current position moves as tests write). */
const ROUTE_SAMPLES: Record<string, () => number | null> = {
  issue: () => num(`SELECT id FROM issues WHERE title = ?`, ISSUE),
  party: () => num(`SELECT id FROM parties WHERE short_name = ?`, PARTY),
  current: () =>
    one<{ id: number } | undefined>(
      `SELECT p.id FROM positions p JOIN issues i ON i.id = p.issue_id JOIN parties pa ON pa.id = p.party_id
       WHERE i.title = ? AND pa.short_name = ? AND p.is_current = 1`,
      ISSUE,
      PARTY,
    )?.id ?? null,
  negotiation: () => num(`SELECT negotiation_id n FROM issues WHERE title = ?`, ISSUE),
  round: () => num(`SELECT min(id) n FROM rounds`),
  update: () => num(`SELECT min(id) n FROM updates`),
  homework: () => num(`SELECT min(id) n FROM homework`),
  source: () => num(`SELECT min(id) n FROM sources`),
  user: () => num(`SELECT id FROM users WHERE email = 'viewer@example.org'`),
};
// Which sample fills a [segment] that follows a given folder name.
const SEGMENT_SAMPLE: Record<string, string> = {
  issues: 'issue', negotiations: 'negotiation', rounds: 'round', updates: 'update', homework: 'homework',
  sources: 'source', parties: 'party', users: 'user',
};

/** The outsider is handed the restricted negotiation's ids; everyone else the open demo records above. */
const samplesFor = (caller: Caller) => (caller === 'outsider' ? RESTRICTED_SAMPLES : ROUTE_SAMPLES);
const fill = (text: string, caller: Caller = null) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(samplesFor(caller)[k]?.() ?? 1));

/** URL of a route or page file: route groups dropped, each [segment] filled with a sample id. */
function urlOf(file: string, caller: Caller = null): string {
  const samples = samplesFor(caller);
  const parts = file.replace(/^app\//, '').replace(/\/(route|page)(\.\w+)?$/, '').split('/').filter((p) => !/^\(.*\)$/.test(p));
  return '/' + parts.map((p, i) => (p.startsWith('[') ? String(samples[SEGMENT_SAMPLE[parts[i - 1]] ?? '']?.() ?? 1) : p)).join('/');
}

function bodyOf(body: Record<string, unknown> | undefined, caller: Caller) {
  if (!body) return {};
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => {
      if (typeof v !== 'string') return [k, v];
      const whole = /^\{(\w+)\}$/.exec(v);
      return [k, whole ? (samplesFor(caller)[whole[1]]?.() ?? null) : fill(v, caller)];
    }),
  );
}

// The records of one owner that the action probes revoke, delete or change, made before they run.
const THROWAWAY_EMAIL = 'matrix-target@example.org';
const TARGET_TOKEN = 'Matrix target token';
const OTHERS_TOKEN = 'Matrix token for an admin to revoke';
const TARGET_VIEW = 'Matrix target view';
const SANDBOX_NEGOTIATION = `(SELECT id FROM negotiations WHERE name = '${SANDBOX_NAME}')`;
const SANDBOX_GROUP_ID = `(SELECT id FROM corroborations WHERE label = '${SANDBOX_GROUP}')`;
const userIdOf = (caller: Caller) => (caller ? num(`SELECT id FROM users WHERE email = ?`, emailOf(caller)) : null);
/** A record of the caller's own; a refused anonymous caller aims at someone else's. */
const own = (table: string, name: string) => (caller: Caller) =>
  one<{ id: number } | undefined>(
    `SELECT id FROM ${table} WHERE name = ? AND (? IS NULL OR user_id = ?) ${table === 'api_tokens' ? 'AND revoked_at IS NULL' : ''} ORDER BY id DESC`,
    name,
    userIdOf(caller),
    userIdOf(caller),
  )?.id ?? null;
/** Sandbox updates in no group yet: each probe that groups updates takes the next free ones. */
const loose = (n: number) => () =>
  one<{ id: number } | undefined>(
    `SELECT id FROM updates WHERE negotiation_id = ${SANDBOX_NEGOTIATION}
     AND id NOT IN (SELECT update_id FROM corroboration_updates) ORDER BY id LIMIT 1 OFFSET ?`,
    n,
  )?.id ?? null;
const first = (sql: string) => () => one<{ id: number } | undefined>(sql)?.id ?? null;

/** What fills an action's form, looked up just before each call (a write may move a version or use a record up). */
const SAMPLES: Record<string, (caller: Caller) => number | string | null> = {
  caller: (caller) => label(caller),
  sandboxNegotiation: first(`SELECT ${SANDBOX_NEGOTIATION} id`),
  // An outlet only the sandbox names, so the probes' regrading changes no demo grade; the outsider does not see it.
  matrixOutlet: first(`SELECT id FROM outlets WHERE name = '${SANDBOX_OUTLET}'`),
  matrixOutletVersion: () => num(`SELECT version FROM outlets WHERE name = ?`, SANDBOX_OUTLET),
  sandboxIssue: first(`SELECT id FROM issues WHERE negotiation_id = ${SANDBOX_NEGOTIATION} AND title = '${SANDBOX_ISSUE}'`),
  sandboxIssueVersion: () => num(`SELECT version FROM issues WHERE negotiation_id = ${SANDBOX_NEGOTIATION} AND title = ?`, SANDBOX_ISSUE),
  sandboxNegotiationVersion: () => num(`SELECT version FROM negotiations WHERE name = ?`, SANDBOX_NAME),
  sandboxPartyVersion: () => num(`SELECT version FROM parties WHERE name = ?`, SANDBOX_PARTY),
  sandboxSeatVersion: () =>
    num(`SELECT version FROM negotiation_parties WHERE negotiation_id = ${SANDBOX_NEGOTIATION} AND party_id = (SELECT id FROM parties WHERE name = ?)`, SANDBOX_PARTY),
  sandboxGroupVersion: () => num(`SELECT version FROM corroborations WHERE label = ?`, SANDBOX_GROUP),
  // 0 until the first judgement of the sandbox issue at the first round, as on the form.
  sandboxJudgementVersion: () =>
    num(
      `SELECT coalesce((SELECT version FROM convergence WHERE round_id = (SELECT id FROM rounds WHERE negotiation_id = ${SANDBOX_NEGOTIATION} ORDER BY sequence LIMIT 1)
         AND issue_id = (SELECT id FROM issues WHERE negotiation_id = ${SANDBOX_NEGOTIATION} AND title = ?)), 0) n`,
      SANDBOX_ISSUE,
    ),
  sandboxParty: first(`SELECT id FROM parties WHERE name = '${SANDBOX_PARTY}'`),
  sandboxAffiliation: first(
    `SELECT f.id FROM affiliations f JOIN actors a ON a.id = f.actor_id WHERE f.negotiation_id = ${SANDBOX_NEGOTIATION} AND a.name = '${SANDBOX_ACTOR}'`,
  ),
  sandboxAffiliationVersion: () =>
    num(
      `SELECT f.version FROM affiliations f JOIN actors a ON a.id = f.actor_id WHERE f.negotiation_id = ${SANDBOX_NEGOTIATION} AND a.name = ?`,
      SANDBOX_ACTOR,
    ),
  // Empty until the first position is recorded, as on the form.
  sandboxPosition: first(
    `SELECT p.id FROM positions p JOIN issues i ON i.id = p.issue_id JOIN parties pa ON pa.id = p.party_id
     WHERE i.negotiation_id = ${SANDBOX_NEGOTIATION} AND i.title = '${SANDBOX_ISSUE}' AND pa.name = '${SANDBOX_PARTY}' AND p.is_current = 1`,
  ),
  // The first round in the negotiation's order: "move later" always has a neighbour to swap with.
  sandboxRound: first(`SELECT id FROM rounds WHERE negotiation_id = ${SANDBOX_NEGOTIATION} ORDER BY sequence LIMIT 1`),
  sandboxRoundVersion: () => num(`SELECT version FROM rounds WHERE negotiation_id = ${SANDBOX_NEGOTIATION} ORDER BY sequence LIMIT 1`),
  sandboxOutcome: first(`SELECT o.id FROM outcomes o JOIN rounds r ON r.id = o.round_id WHERE r.negotiation_id = ${SANDBOX_NEGOTIATION} ORDER BY o.id LIMIT 1`),
  sandboxHomework: first(`SELECT min(id) id FROM homework WHERE negotiation_id = ${SANDBOX_NEGOTIATION}`),
  sandboxHomeworkVersion: () => num(`SELECT version FROM homework WHERE id = (SELECT min(id) FROM homework WHERE negotiation_id = ${SANDBOX_NEGOTIATION})`),
  // Imported by the analyst, so both the analyst (its author) and an admin may edit it.
  sandboxUpdate: first(`SELECT min(id) id FROM updates WHERE negotiation_id = ${SANDBOX_NEGOTIATION}`),
  sandboxUpdateVersion: () => num(`SELECT version FROM updates WHERE id = (SELECT min(id) FROM updates WHERE negotiation_id = ${SANDBOX_NEGOTIATION})`),
  sandboxGroup: first(`SELECT ${SANDBOX_GROUP_ID} id`),
  groupMember: first(`SELECT min(update_id) id FROM corroboration_updates WHERE corroboration_id = ${SANDBOX_GROUP_ID}`),
  looseUpdate: loose(0),
  looseUpdate2: loose(1),
  ownToken: own('api_tokens', TARGET_TOKEN),
  othersToken: () => own('api_tokens', OTHERS_TOKEN)('viewer'),
  ownView: own('saved_views', TARGET_VIEW),
  throwawayUser: () => num(`SELECT id FROM users WHERE email = ?`, THROWAWAY_EMAIL),
  throwawayUserVersion: () => num(`SELECT version FROM users WHERE email = ?`, THROWAWAY_EMAIL),
};

function fillFor(caller: Caller, text: string): string {
  return text.replace(/\{(\w+)\}/g, (_, k: string) => {
    if (!SAMPLES[k]) throw new Error(`No sample {${k}} for an action's form: add it to SAMPLES`);
    return String(SAMPLES[k](caller) ?? '');
  });
}
const formFor = (caller: Caller, form: Record<string, string>) =>
  Object.fromEntries(Object.entries(form).map(([name, value]) => [fillFor(caller, name), fillFor(caller, value)]));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const maxAudit = () => num(`SELECT coalesce(max(id), 0) n FROM audit_log`);
/** Audit rows (every write makes one) a caller produced since `after`. */
function writesBy(caller: Caller, after: number): number {
  if (caller === null) return num(`SELECT count(*) n FROM audit_log WHERE id > ? AND user_id IS NULL`, after);
  return num(`SELECT count(*) n FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.id > ? AND u.email = ?`, after, emailOf(caller));
}

let baseURL = '';
const contexts = new Map<Caller, APIRequestContext>();
test.beforeAll(async () => {
  baseURL = test.info().project.use.baseURL!;
  for (const caller of CALLERS) {
    const context = await playwrightRequest.newContext({ baseURL });
    if (caller) await loginAs(context, caller);
    contexts.set(caller, context);
  }
  await prepareSandbox();
});
test.afterAll(async () => {
  for (const context of contexts.values()) await context.dispose();
});
const label = (c: Caller) => c ?? 'anonymous';

for (const route of ROUTES) {
  for (const [method, access] of Object.entries(route.methods) as [Method, NonNullable<(typeof route.methods)[Method]>][]) {
    test(`${method} ${route.file} needs ${access}`, async () => {
      test.skip(!!route.skipE2E, route.skipE2E);
      for (const caller of CALLERS) {
        const url = route.url ? fill(route.url, caller) : urlOf(route.file, caller);
        const before = maxAudit();
        const response = await contexts.get(caller)!.fetch(url, {
          method,
          headers: { origin: baseURL, 'content-type': 'application/json' },
          data: WRITES.includes(method) ? JSON.stringify(bodyOf(route.body, caller)) : undefined,
          maxRedirects: 0,
        });
        const status = response.status();
        const what = `${method} ${url} as ${label(caller)} → ${status}`;
        if (outOfScope(caller, route) && mayCall(caller, access)) {
          // As for an id that names nothing: the restricted negotiation's existence does not leak.
          expect(status, what).toBe(404);
          expect(writesBy(caller, before), `${what} but something was written`).toBe(0);
        } else if (mayCall(caller, access)) {
          expect([401, 403], what).not.toContain(status);
          if (WRITES.includes(method) && route.body && route.readsOnly) {
            expect(status, what).toBeLessThan(300);
            expect(writesBy(caller, before), `${what} but something was written`).toBe(0);
          } else if (WRITES.includes(method) && route.body) {
            expect(status, what).toBeLessThan(300);
            expect(writesBy(caller, before), `${what} wrote no audit row`).toBeGreaterThan(0);
          }
        } else {
          expect(status, what).toBe(caller === null ? 401 : 403);
          expect(writesBy(caller, before), `${what} but something was written`).toBe(0);
        }
      }
    });
  }
}

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
let manifest: Record<string, ManifestEntry> | undefined;
function findAction(file: string, name: string): { id: string; page: string } {
  manifest ??= JSON.parse(fs.readFileSync(path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json'), 'utf8')).node as Record<string, ManifestEntry>;
  const found = Object.entries(manifest).find(([, e]) => e.filename === file && e.exportedName === name);
  expect(found, `${name} is not in the build's server-reference manifest`).toBeDefined();
  return { id: found![0], page: urlOf(Object.keys(found![1].workers)[0]) };
}

/**
 * Calls a server action the way React 19 sends a form (react-server-dom-webpack's processReply, read
 * back by decodeReplyFromBusboy): the form's fields first, each named `_1_<field>` (`$K1` is FormData
 * part 1, prefix `_1_`), then field `0`, the arguments. The server decodes the arguments the moment
 * field 0 arrives and takes the form from the `_1_` fields already read, so a field sent after it, or
 * named otherwise, never reaches the action. (A plain object cannot keep that order: `'0'` is an
 * integer key and always comes first.) Arguments bound in the page come before the form's state.
 */
function postAction(caller: Caller, action: { id: string; page: string }, bound: unknown[], fields: Record<string, string>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(`_1_${name}`, value);
  form.append('0', JSON.stringify([...bound, {}, '$K1']));
  return contexts.get(caller)!.post(action.page, {
    headers: { 'next-action': action.id, origin: baseURL, accept: 'text/x-component' },
    multipart: form,
    maxRedirects: 0,
  });
}

/** Sets up a record through an action as `caller`, checking it was written. */
async function setUp(caller: Caller, name: string, form: Record<string, string>) {
  const entry = ACTIONS.find((a) => a.name === name)!;
  const before = maxAudit();
  const response = await postAction(caller, findAction(entry.file, entry.name), [], form);
  expect(writesBy(caller, before), `${name} as ${label(caller)}: ${(await response.text()).slice(0, 300)}`).toBeGreaterThan(0);
}

/**
 * The sandbox (e2e/authz-sandbox.ts) and, for each role, a record of its own for the probes to revoke,
 * delete or change. Skips what exists: a failed test restarts the worker, which runs this again.
 */
async function prepareSandbox() {
  if (!SAMPLES.sandboxNegotiation(null)) {
    const imported = await contexts.get('analyst')!.post('/api/negotiations/import', { headers: { origin: baseURL }, data: SANDBOX });
    expect(imported.status(), await imported.text()).toBe(201);
  }
  if (!SAMPLES.throwawayUser(null)) {
    await setUp('admin', 'createUserAction', { email: THROWAWAY_EMAIL, name: 'Matrix throw-away user', role: 'viewer', password: MATRIX_PASSWORD });
  }
  if (!SAMPLES.othersToken(null)) await setUp('viewer', 'createTokenAction', { name: OTHERS_TOKEN });
  for (const caller of ['viewer', 'analyst', 'admin', 'outsider'] as const) {
    if (!SAMPLES.ownToken(caller)) await setUp(caller, 'createTokenAction', { name: TARGET_TOKEN });
    if (!SAMPLES.ownView(caller)) await setUp(caller, 'saveViewAction', { page: 'timeline', name: TARGET_VIEW, query: '' });
  }
  // The sandbox is its importer's (the analyst's); the viewer reads it as a member, and the throw-away account is
  // one for the probe that removes a member. The outsider stays out: to them the sandbox is a restricted negotiation.
  for (const userId of [userIdOf('viewer'), SAMPLES.throwawayUser(null)]) {
    if (!num(`SELECT count(*) n FROM negotiation_members WHERE negotiation_id = ${SANDBOX_NEGOTIATION} AND user_id = ?`, userId)) {
      await setUp('admin', 'setNegotiationMemberAction', { negotiationId: String(SAMPLES.sandboxNegotiation(null)), userId: String(userId), role: 'viewer' });
    }
  }
}

/** Where a successful write redirects: `/updates/` is followed by the new record's id, maybe a sub-page. */
function redirectPattern(to: string): RegExp {
  return new RegExp(`^${escape(to)}${to.endsWith('/') ? '\\d+' : ''}(?:[/?;]|$)`);
}

for (const action of ACTIONS) {
  test(`server action ${action.file}#${action.name} needs ${action.role}`, async () => {
    test.skip(!!action.skipE2E, action.skipE2E);
    const found = findAction(action.file, action.name);
    for (const caller of CALLERS) {
      const before = maxAudit();
      const response = await postAction(caller, found, (action.bound ?? []).map((v) => Number(fillFor(caller, v))), formFor(caller, action.form!));
      const text = await response.text();
      const status = response.status();
      const what = `${action.name} on ${found.page} as ${label(caller)} → ${status}`;
      expect(status, what).toBeLessThan(500);
      const refused = REFUSALS.some((r) => text.includes(r));
      if (mayCall(caller, action.role) && !outOfScope(caller, action)) {
        expect(refused, `${what} was refused`).toBe(false);
        if (action.redirectsTo) {
          expect(response.headers()['x-action-redirect'] ?? '', `${what}: ${text.slice(0, 300)}`).toMatch(redirectPattern(fillFor(caller, action.redirectsTo)));
        } else {
          expect(text, what).toContain(fillFor(caller, action.says!));
        }
        expect(writesBy(caller, before), `${what} wrote no audit row`).toBeGreaterThan(0);
      } else {
        expect(refused || status >= 300, `${what} was not refused`).toBe(true);
        expect(response.headers()['x-action-redirect'], `${what} redirected as if done`).toBeUndefined();
        expect(maxAudit(), `${what} but something was written`).toBe(before);
      }
    }
    if (action.kind === 'edit') await expectStaleRefused(action, found);
  });
}

/**
 * An edit from a form opened on an older version (the one before the current, or a position when there was
 * none) is refused by the action itself, saying what changed, and writes nothing: the action passes the
 * form's version to its mutation (tests/edit-versions.test.ts drives the mutations and forms themselves).
 */
async function expectStaleRefused(action: (typeof ACTIONS)[number], found: { id: string; page: string }) {
  const caller = action.role === 'admin' ? 'admin' : 'analyst';
  const form = formFor(caller, action.form!);
  const field = fillFor(caller, action.versionField ?? 'version');
  expect(form[field], `${action.name}'s form in tests/authz-matrix.ts carries no ${field}`).toBeDefined();
  const stale = form[field] === '' ? '1' : String(Number(form[field]) - 1);
  const before = maxAudit();
  const response = await postAction(caller, found, (action.bound ?? []).map((v) => Number(fillFor(caller, v))), { ...form, [field]: stale });
  const text = await response.text();
  const what = `${action.name} from version ${stale} (now ${form[field] || 'none'}) as ${caller} → ${response.status()}`;
  expect(response.status(), what).toBeLessThan(500);
  expect(text, what).toContain('Review and save again.');
  expect(response.headers()['x-action-redirect'], `${what} redirected as if done`).toBeUndefined();
  expect(maxAudit(), `${what} but something was written`).toBe(before);
}
