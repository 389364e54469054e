import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/db';
import type { CurrentUser } from '@/lib/roles';
import type { NegotiationDocument } from '@/lib/interchange/schema';
import { NO_SOURCE } from '@/lib/update-sourcing';
import { OUTSIDE_THE_APP, UPDATE_WRITERS, WAYS_IN } from './update-writers';
import { GAZA } from './shared-parties-fixture';
import { datesInVersion2 } from './fixtures/dates-in-version-2';

// The route handlers read the app's own database: point it at a fresh file before anything opens it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-update-writers-'));
vi.stubEnv('DATABASE_PATH', path.join(dir, 'writers.db'));
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ROOT = path.resolve(__dirname, '..');
const CODE = ['app', 'bench', 'components', 'db', 'lib', 'scripts', 'server'];

function codeFiles(folder: string): string[] {
  return fs.readdirSync(path.join(ROOT, folder), { withFileTypes: true }).flatMap((entry) => {
    const file = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'migrations' || entry.name === 'out' ? [] : codeFiles(file);
    return /\.(ts|tsx|mjs|js)$/.test(entry.name) ? [file] : [];
  });
}
const files = CODE.flatMap(codeFiles);
const text = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

// An insert or update of the updates table: by drizzle, by SQL, or by a helper given the table's name (not the
// schema's definition of it).
const WRITES = [
  /\.(insert|update)\(\s*updates\s*\)/,
  /\bINSERT\s+(OR\s+\w+\s+)?INTO\s+[`"]?updates[`"]?\s*\(/i,
  /\bUPDATE\s+[`"]?updates[`"]?\s+SET\b/i,
  /(?<!sqliteTable)\(\s*['"`]updates['"`]\s*,/,
];

describe('every writer of updates is listed (tests/update-writers.ts)', () => {
  it('writes the updates table only from the listed files, each of which asks the rule', () => {
    const writing = files.filter((f) => WRITES.some((w) => w.test(text(f))));
    expect(writing.sort()).toEqual([...Object.keys(UPDATE_WRITERS), ...Object.keys(OUTSIDE_THE_APP)].sort());
    for (const [file, names] of Object.entries(UPDATE_WRITERS)) {
      expect(text(file), file).toContain('unsourcedFlag(');
      for (const name of names) expect(text(file), `${file} exports ${name}`).toMatch(new RegExp(`export function ${name}\\b`));
    }
  });

  it('reaches the writers only from the listed ways in', () => {
    const writers = Object.entries(UPDATE_WRITERS).flatMap(([file, names]) => names.map((name) => ({ file, call: new RegExp(`\\b${name}\\(`) })));
    const calling = files.filter((f) => writers.some((w) => w.file !== f && w.call.test(text(f))));
    expect(calling.sort()).toEqual([...new Set(WAYS_IN.map((w) => w.file))].sort());
    for (const way of WAYS_IN) expect(text(way.file), `${way.file}#${way.name}`).toMatch(new RegExp(`(function|const) ${way.name}\\b`));
  });

  it('drives every way in', () => {
    expect(Object.keys(DRIVEN).sort()).toEqual(WAYS_IN.map((w) => `${w.file}#${w.name}`).sort());
  });
});

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
let db: DB;
let analyst: CurrentUser;
let token: string;
let talks: { negotiationId: number; issueId: number; partyA: number };
const routes = {} as Record<'updates' | 'csv' | 'document', Handler>;

beforeAll(async () => {
  db = (await import('@/server/db')).getDb();
  const { makeNegotiation, makeUser } = await import('./factories');
  analyst = makeUser(db, 'analyst');
  talks = makeNegotiation(db, analyst);
  token = (await import('@/db/mutations/tokens')).createApiToken(db, analyst, { name: 'script', scope: 'full', days: 30 }).token;
  routes.updates = (await import('@/app/api/updates/route')).POST as Handler;
  routes.csv = (await import('@/app/api/negotiations/[id]/import-updates/route')).POST as Handler;
  routes.document = (await import('@/app/api/negotiations/import/route')).POST as Handler;
});

function call(route: Handler, body: string, { type = 'application/json', params = {} }: { type?: string; params?: Record<string, string> } = {}) {
  const request = new Request('http://localhost/api/probe?name=', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });
  return route(request, { params: Promise.resolve(params) });
}
const count = (sql: string, ...args: unknown[]) => (db.$client.prepare(sql).get(...args) as { n: number }).n;
const updatesNow = () => count('SELECT count(*) n FROM updates');
const unsourcedOf = (id: number) => (db.$client.prepare('SELECT unsourced FROM updates WHERE id = ?').get(id) as { unsourced: number }).unsourced;
const form = (values: Record<string, string>) => ({ negotiationId: String(talks.negotiationId), body: 'Lavrov said it.', occurredOn: '2026-02-05', ...values });

/** A refusal beside the sources, with nothing written. */
function refusedBesideSources(write: () => unknown) {
  const before = updatesNow();
  let refused: unknown;
  try {
    write();
  } catch (error) {
    refused = error;
  }
  expect(refused).toMatchObject({ errors: { sourceIds: [NO_SOURCE] } });
  expect(updatesNow()).toBe(before);
}

/** A document of one negotiation whose only update has no source, as `version` wrote it. */
function sourcelessDocument(name: string, version: 1 | 4 = 4) {
  const doc = { ...structuredClone(GAZA), negotiation: { ...GAZA.negotiation, name } } as NegotiationDocument;
  delete doc.updates[0].unsourced;
  if (version === 4) return doc;
  // Outlets were a part of their own from version 4 on.
  const { outlets: _outlets, ...older } = doc;
  return {
    ...older,
    version,
    actors: older.actors.map((a) => ({ key: a.key, name: a.name, title: a.affiliations[0].title, party: a.affiliations[0].party })),
    ...datesInVersion2(doc),
  };
}
const unsourcedIn = (negotiationId: number) => count('SELECT count(*) n FROM updates WHERE negotiation_id = ? AND unsourced = 1', negotiationId);

/** Each way in, given an update with no source. The form actions are driven as they compose: their schema, then the writer. */
const DRIVEN: Record<string, () => Promise<void>> = {
  'app/updates/actions.ts#logUpdateAction': async () => {
    const { logUpdate } = await import('@/db/mutations/updates');
    const { UpdateSchema } = await import('@/lib/validation/updates');
    refusedBesideSources(() => logUpdate(db, analyst, UpdateSchema.parse(form({}))));
    const { id } = logUpdate(db, analyst, UpdateSchema.parse(form({ unsourced: 'on' })));
    expect(unsourcedOf(id)).toBe(1);
  },
  'app/updates/actions.ts#editUpdateAction': async () => {
    const { editUpdate } = await import('@/db/mutations/updates');
    const { UpdateEditSchema } = await import('@/lib/validation/updates');
    const { logFromForm, TYPED_SOURCE } = await import('./factories');
    const { id } = logFromForm(db, analyst, form({ unsourced: 'on' }));
    const edit = (values: Record<string, string>, sources = [] as (typeof TYPED_SOURCE)[]) => {
      const data = UpdateEditSchema.parse({ updateId: String(id), version: '1', body: 'Lavrov said it, twice.', occurredOn: '2026-02-05', ...values });
      editUpdate(db, analyst, id, data.version, data, sources);
    };
    // The tick cleared without a source in its place is refused; a source added clears it for good.
    refusedBesideSources(() => edit({}));
    expect(unsourcedOf(id)).toBe(1);
    edit({ unsourced: 'on' }, [TYPED_SOURCE]);
    expect(unsourcedOf(id)).toBe(0);
  },
  'app/api/updates/route.ts#POST': async () => {
    const before = updatesNow();
    const refused = await call(routes.updates, JSON.stringify({ negotiationId: talks.negotiationId, body: 'From a script.', occurredOn: '2026-02-05' }));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ fieldErrors: { sourceIds: [NO_SOURCE] } });
    expect(updatesNow()).toBe(before);
    const logged = await call(routes.updates, JSON.stringify({ negotiationId: talks.negotiationId, body: 'From a script.', occurredOn: '2026-02-05', unsourced: true }));
    expect(logged.status).toBe(201);
    expect(unsourcedOf((await logged.json()).id)).toBe(1);
  },
  'app/api/negotiations/[id]/import-updates/route.ts#POST': async () => {
    const before = updatesNow();
    const csv = 'date,text,issue,party,source_outlet,source_url,quote\n2026-02-05,Lavrov said it.,Territory,,,,\n';
    const refused = await call(routes.csv, csv, { type: 'text/csv', params: { id: String(talks.negotiationId) } });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain('source_outlet is missing (every update needs its source)');
    expect(updatesNow()).toBe(before);
  },
  'app/api/negotiations/import/route.ts#POST': async () => {
    const imported = await call(routes.document, JSON.stringify(sourcelessDocument('Sourceless talks, by the API')));
    expect(imported.status).toBe(201);
    expect(unsourcedIn((await imported.json()).id)).toBe(1);
  },
  'scripts/import.ts#main': async () => {
    // The script hands the document to the same importer: an older one, from before the flag, must not fail.
    const { importNegotiation } = await import('@/db/mutations/import-negotiation');
    const { validateDocument } = await import('@/lib/interchange/validate');
    const parsed = validateDocument(sourcelessDocument('Sourceless talks, version 1', 1));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    expect(unsourcedIn(importNegotiation(db, analyst, parsed.document).id)).toBe(1);
  },
  'db/demo/load.ts#loadDemoData': async () => {
    // Every demo update cites its article: none is unsourced, so the demo's panel starts with nothing to fix.
    const { loadDemoData } = await import('@/db/demo/load');
    const { makeUser } = await import('./factories');
    const before = updatesNow();
    expect(loadDemoData(db, makeUser(db, 'admin')).created).toBe(true);
    expect(updatesNow()).toBeGreaterThan(before);
    expect(count('SELECT count(*) n FROM updates u WHERE u.id > ? AND (u.unsourced = 1 OR NOT EXISTS (SELECT 1 FROM update_sources s WHERE s.update_id = u.id))', before)).toBe(0);
  },
};

describe('an update without a source', () => {
  for (const way of WAYS_IN) {
    it(`is ${way.sourceless === 'refused' ? 'refused, nothing written' : 'written, marked unsourced'}: ${way.what}`, () => DRIVEN[`${way.file}#${way.name}`]());
  }
});
