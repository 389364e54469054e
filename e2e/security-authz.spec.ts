import fs from 'node:fs';
import path from 'node:path';
import { request as playwrightRequest, type APIRequestContext } from '@playwright/test';
import { test, expect, loginAs, readDb, type DemoRole } from './fixtures';
import { ACTIONS, ROUTES, allowed, type Method } from '@/tests/authz-matrix';

// Drives every entry of tests/authz-matrix.ts as anonymous, viewer, analyst and admin.
type Caller = DemoRole | null;
const CALLERS: Caller[] = [null, 'viewer', 'analyst', 'admin'];
const WRITES: Method[] = ['POST', 'PUT', 'PATCH', 'DELETE'];
const REFUSALS = ['Your role can read but not change anything.', 'Only an admin can do this.'];

function one<T>(sql: string, ...params: unknown[]): T {
  const db = readDb();
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}
const num = (sql: string, ...params: unknown[]) => Object.values(one<Record<string, number>>(sql, ...params) ?? { n: 0 })[0] ?? 0;

// A pair no other spec edits, so the probes here never make another spec's form stale.
const ISSUE = 'Good-faith observance after expiry';
const PARTY = 'CN';

/** Sample ids from the demo data, looked up at call time (the current position moves as tests write). */
const SAMPLES: Record<string, () => number | null> = {
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

const fill = (text: string) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(SAMPLES[k]?.() ?? 1));

/** URL of a route or page file: route groups dropped, each [segment] filled with a sample id. */
function urlOf(file: string): string {
  const parts = file.replace(/^app\//, '').replace(/\/(route|page)(\.\w+)?$/, '').split('/').filter((p) => !/^\(.*\)$/.test(p));
  return '/' + parts.map((p, i) => (p.startsWith('[') ? String(SAMPLES[SEGMENT_SAMPLE[parts[i - 1]] ?? '']?.() ?? 1) : p)).join('/');
}

function bodyOf(body: Record<string, unknown> | undefined) {
  if (!body) return {};
  return Object.fromEntries(
    Object.entries(body).map(([k, v]) => {
      if (typeof v !== 'string') return [k, v];
      const whole = /^\{(\w+)\}$/.exec(v);
      return [k, whole ? (SAMPLES[whole[1]]?.() ?? null) : fill(v)];
    }),
  );
}

const maxAudit = () => num(`SELECT coalesce(max(id), 0) n FROM audit_log`);
/** Audit rows (every write makes one) a caller produced since `after`. */
function writesBy(caller: Caller, after: number): number {
  if (caller === null) return num(`SELECT count(*) n FROM audit_log WHERE id > ? AND user_id IS NULL`, after);
  return num(`SELECT count(*) n FROM audit_log a JOIN users u ON u.id = a.user_id WHERE a.id > ? AND u.email = ?`, after, `${caller}@example.org`);
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
        const url = route.url ? fill(route.url) : urlOf(route.file);
        const before = maxAudit();
        const response = await contexts.get(caller)!.fetch(url, {
          method,
          headers: { origin: baseURL, 'content-type': 'application/json' },
          data: WRITES.includes(method) ? JSON.stringify(bodyOf(route.body)) : undefined,
          maxRedirects: 0,
        });
        const status = response.status();
        const what = `${method} ${url} as ${label(caller)} → ${status}`;
        if (allowed(caller, access)) {
          expect([401, 403], what).not.toContain(status);
          if (WRITES.includes(method) && route.body) {
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
function actionManifest(): Record<string, ManifestEntry> {
  const file = path.join(process.cwd(), '.next', 'server', 'server-reference-manifest.json');
  return JSON.parse(fs.readFileSync(file, 'utf8')).node;
}

for (const action of ACTIONS) {
  test(`server action ${action.file}#${action.name} needs ${action.role}`, async () => {
    const found = Object.entries(actionManifest()).find(([, e]) => e.filename === action.file && e.exportedName === action.name);
    expect(found, `${action.name} is not in the build's server-reference manifest`).toBeDefined();
    const [actionId, entry] = found!;
    const page = urlOf(Object.keys(entry.workers)[0]);
    for (const caller of CALLERS) {
      const before = maxAudit();
      // What React sends for `action(prevState, formData)`: the arguments as field 0, the form's fields under 1_.
      const response = await contexts.get(caller)!.post(page, {
        headers: { 'next-action': actionId, origin: baseURL, accept: 'text/x-component' },
        multipart: { '0': '[{},"$K1"]', '1_probe': 'authz' },
        maxRedirects: 0,
      });
      const text = await response.text();
      const what = `${action.name} on ${page} as ${label(caller)} → ${response.status()}`;
      expect(response.status(), what).toBeLessThan(500);
      const refused = REFUSALS.some((r) => text.includes(r));
      if (allowed(caller, action.role)) expect(refused, `${what} was refused`).toBe(false);
      else expect(refused || response.status() >= 300, `${what} was not refused`).toBe(true);
      expect(writesBy(caller, before), `${what}: nothing may be written for a probe`).toBe(0);
    }
  });
}
