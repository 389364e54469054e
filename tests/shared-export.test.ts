import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DB } from '@/db';
import type { CurrentUser } from '@/lib/roles';

// server/shared-export.ts writes beside the app's own database: point it at a fresh file before anything opens it.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-shared-export-'));
vi.stubEnv('DATABASE_PATH', path.join(dir, 'tracker.db'));
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

let db: DB;
let analyst: CurrentUser;
let negotiationId: number;
let shared: typeof import('@/server/shared-export');
let exporter: typeof import('@/db/queries/export-negotiation');
let access: typeof import('@/db/queries/access');
let log: (body: string) => void;

beforeAll(async () => {
  db = (await import('@/server/db')).getDb();
  shared = await import('@/server/shared-export');
  exporter = await import('@/db/queries/export-negotiation');
  access = await import('@/db/queries/access');
  const { logFromForm, makeNegotiation, makeUser } = await import('./factories');
  analyst = makeUser(db, 'analyst');
  ({ negotiationId } = makeNegotiation(db, analyst));
  log = (body) => void logFromForm(db, analyst, { negotiationId: String(negotiationId), body, occurredOn: '2026-02-05' });
  log('Lavrov called the guarantees nonsense.');
});

/** The export request, counting how often it is generated. */
function counted(scope = access.wholeInstance(db), during?: () => void, id = negotiationId) {
  const made = { times: 0 };
  const request = {
    kind: 'negotiation',
    negotiationId: id,
    scope,
    chunks: (snapshot: DB, seen: typeof scope) => {
      made.times += 1;
      const chunks = exporter.exportNegotiationChunks(snapshot, seen, id);
      if (!chunks || !during) return chunks;
      return (function* () {
        yield chunks.next().value as string;
        during();
        yield* chunks;
      })();
    },
  };
  return { request, made };
}
const withoutTime = (json: string) => json.replace(/"exportedAt": ?"[^"]+"/, '');
const filesOf = () => fs.readdirSync(path.join(dir, 'exports')).filter((name) => name.startsWith(`negotiation-${negotiationId}-`));

describe('an export is generated once per state of the database and view of it', () => {
  it('ten concurrent requests generate it once and read the same file, the whole export', async () => {
    const { request, made } = counted();
    const files = await Promise.all(Array.from({ length: 10 }, () => shared.sharedExportFile(request)));
    expect(made.times).toBe(1);
    expect(new Set(files).size).toBe(1);
    const text = fs.readFileSync(files[0]!, 'utf8');
    expect(withoutTime(text)).toBe(withoutTime(exporter.exportNegotiationJson(db, access.wholeInstance(db), negotiationId)!));
    expect(JSON.parse(text).updates.map((u: { body: string }) => u.body)).toEqual(['Lavrov called the guarantees nonsense.']);
    // Asked again later: still the same file, not generated again.
    expect(await shared.sharedExportFile(request)).toBe(files[0]);
    expect(made.times).toBe(1);
  });

  it('a content write makes the next request generate it anew, and removes the stale file', async () => {
    const { request, made } = counted();
    const before = await shared.sharedExportFile(request);
    log('Peskov said the talks would continue.');
    const after = await shared.sharedExportFile(request);
    expect(after).not.toBe(before);
    expect(made.times).toBe(1);
    expect(fs.existsSync(before!)).toBe(false);
    expect(filesOf()).toEqual([path.basename(after!)]);
    expect(fs.readFileSync(after!, 'utf8')).toContain('Peskov said the talks would continue.');
  });

  it('a login attempt (bookkeeping) leaves the file as it is', async () => {
    const { recordLoginAttempt } = await import('@/db/mutations/users');
    const { request, made } = counted();
    const before = await shared.sharedExportFile(request);
    recordLoginAttempt(db, 'nobody@test.example', '10.0.0.1', false);
    expect(await shared.sharedExportFile(request)).toBe(before);
    expect(made.times).toBe(0);
  });

  it('a reader who sees less gets a file of their own', async () => {
    const { makeUser } = await import('./factories');
    const everything = await shared.sharedExportFile(counted().request);
    const stranger = access.readerScope(db, makeUser(db, 'viewer'));
    const theirs = await shared.sharedExportFile(counted(stranger).request);
    expect(theirs).not.toBe(everything);
  });

  it('reads one state: a write made while the file is written is not in it, and the file is named by the earlier state', async () => {
    log('A new state, so that the export is generated.');
    const { request, made: during } = counted(access.wholeInstance(db), () => log('Written while the export was being generated.'));
    const file = await shared.sharedExportFile(request);
    expect(during.times).toBe(1);
    expect(fs.readFileSync(file!, 'utf8')).not.toContain('Written while the export was being generated.');
    const { request: next, made } = counted();
    const fresh = await shared.sharedExportFile(next);
    expect(fresh).not.toBe(file);
    expect(made.times).toBe(1);
    expect(fs.readFileSync(fresh!, 'utf8')).toContain('Written while the export was being generated.');
  });

  it('a negotiation the reader may not see gives no file', async () => {
    expect(await shared.sharedExportFile(counted(access.wholeInstance(db), undefined, 987654).request)).toBeNull();
  });
});
