import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { cachedRead, databaseState } from '@/db/read-cache';
import { dashboardMatrix } from '@/db/queries/dashboard';
import { readerScope, wholeInstance } from '@/db/queries/access';
import { createParty } from '@/db/mutations/parties';
import { freshDb, makeNegotiation, makeUser } from './factories';

describe('read cache', () => {
  it('computes once per database state and shares the result', () => {
    const db = freshDb();
    let runs = 0;
    const read = () => cachedRead(db, wholeInstance(db), ['count'], () => ++runs);
    expect(read()).toBe(1);
    expect(read()).toBe(1);
    expect(runs).toBe(1);
  });

  it('keys by every part: different parameters are different entries', () => {
    const db = freshDb();
    expect(cachedRead(db, wholeInstance(db), ['page', 1], () => 'one')).toBe('one');
    expect(cachedRead(db, wholeInstance(db), ['page', 2], () => 'two')).toBe('two');
    expect(cachedRead(db, wholeInstance(db), ['page', '1'], () => 'text one')).toBe('text one');
  });

  it('forgets everything when this connection writes', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const { negotiationId } = makeNegotiation(db, admin, 'Cached talks');
    const before = cachedRead(db, wholeInstance(db), ['dashboard'], (scope) => dashboardMatrix(db, scope));
    expect(before[0].rows.map((r) => r.title)).toEqual(['Territory']);
    db.$client.prepare("UPDATE issues SET title = 'Borders' WHERE negotiation_id = ?").run(negotiationId);
    const after = cachedRead(db, wholeInstance(db), ['dashboard'], (scope) => dashboardMatrix(db, scope));
    expect(after[0].rows.map((r) => r.title)).toEqual(['Borders']);
  });

  it('forgets everything when another connection commits (a script, another process)', () => {
    const db = freshDb();
    const other = openDatabase(db.$client.name);
    const admin = makeUser(db, 'admin');
    const state = databaseState(db);
    expect(cachedRead(db, wholeInstance(db), ['parties'], () => db.$client.prepare('SELECT count(*) n FROM parties').get())).toEqual({ n: 0 });
    createParty(other, admin, { name: 'Elsewhere', shortName: 'E' });
    expect(databaseState(db)).not.toBe(state);
    expect(cachedRead(db, wholeInstance(db), ['parties'], () => db.$client.prepare('SELECT count(*) n FROM parties').get())).toEqual({ n: 1 });
  });

  it('never caches inside a transaction, whose rows may be rolled back', () => {
    const db = freshDb();
    let runs = 0;
    db.transaction(() => {
      cachedRead(db, wholeInstance(db), ['inside'], () => ++runs);
      cachedRead(db, wholeInstance(db), ['inside'], () => ++runs);
    });
    expect(runs).toBe(2);
  });

  it('hands out frozen values, so one reader cannot change another reader’s page', () => {
    const db = freshDb();
    const rows = cachedRead(db, wholeInstance(db), ['rows'], () => [{ title: 'a' }, { title: 'b' }]);
    expect(() => rows.push({ title: 'c' })).toThrow(TypeError);
    expect(() => {
      rows[0].title = 'changed';
    }).toThrow(TypeError);
    expect(cachedRead(db, wholeInstance(db), ['rows'], () => [] as { title: string }[]).map((r) => r.title)).toEqual(['a', 'b']);
  });

  it('keeps a bounded number of entries, dropping the least recently used', () => {
    const db = freshDb();
    let runs = 0;
    cachedRead(db, wholeInstance(db), ['first'], () => ++runs);
    for (let i = 0; i < 100; i++) {
      cachedRead(db, wholeInstance(db), ['filler', i], () => i);
      cachedRead(db, wholeInstance(db), ['first'], () => ++runs); // kept in use, so never dropped
    }
    expect(runs).toBe(1);
    cachedRead(db, wholeInstance(db), ['filler', 0], () => ++runs); // long unused: dropped, computed again
    expect(runs).toBe(2);
  });

  it('keys every entry by what the reader sees, and computes with their scope: a reader who sees less never gets another’s entry', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const outsider = makeUser(db, 'analyst');
    const viewer = makeUser(db, 'viewer');
    makeNegotiation(db, admin, 'Open talks');
    makeNegotiation(db, admin, 'Back channel', { restricted: true });
    const names = (scope: ReturnType<typeof readerScope>) => cachedRead(db, scope, ['dashboard'], (seen) => dashboardMatrix(db, seen).map((b) => b.negotiation.name));
    expect(names(readerScope(db, admin))).toEqual(['Back channel', 'Open talks']);
    expect(names(readerScope(db, outsider))).toEqual(['Open talks']);
    // Another reader who sees the same negotiations shares the entry: computed once for both.
    let runs = 0;
    const count = (scope: ReturnType<typeof readerScope>) => cachedRead(db, scope, ['runs'], () => ++runs);
    count(readerScope(db, outsider));
    count(readerScope(db, viewer));
    expect(runs).toBe(1);
  });
});

// Which tables hold what the pages show (their writes empty the cache) and which hold bookkeeping (theirs do
// not). Every table the migrations make is in one list or the other: a new table fails here until placed, and a
// content table must have its three triggers (migration 0008).
const CONTENT_TABLES = [
  'actors', 'affiliations', 'articles', 'audit_log', 'convergence', 'corroboration_updates', 'corroborations', 'homework', 'homework_owners',
  'homework_revisions', 'issues', 'negotiation_members', 'negotiation_parties', 'negotiations', 'outcomes', 'outlet_gradings', 'outlets', 'parties',
  'party_descriptions', 'positions', 'round_agenda', 'round_delegations', 'rounds', 'sources', 'status_changes', 'update_actors',
  'update_issues', 'update_parties', 'update_revisions', 'update_sources', 'updates', 'users',
];
const BOOKKEEPING_TABLES = ['__drizzle_migrations', 'api_tokens', 'content_version', 'login_attempts', 'saved_views', 'sqlite_sequence'];

describe('what empties the read cache', () => {
  it('names every table as content or bookkeeping, and watches every content table', () => {
    const db = freshDb();
    const tables = (db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual([...CONTENT_TABLES, ...BOOKKEEPING_TABLES].sort());
    const watched = db.$client.prepare(`SELECT tbl_name t, count(*) n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'content_version_%' GROUP BY tbl_name`).all() as { t: string; n: number }[];
    // audit_log: inserts only (it is append-only); the others: insert, update and delete.
    expect(Object.fromEntries(watched.map((w) => [w.t, w.n]))).toEqual(Object.fromEntries(CONTENT_TABLES.map((t) => [t, t === 'audit_log' ? 1 : 3])));
  });

  it('is left alone by bookkeeping: a login attempt, a token used, a saved view, a sign-in, a sign-out', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    makeNegotiation(db, admin, 'Quiet talks');
    let runs = 0;
    const read = () => cachedRead(db, wholeInstance(db), ['quiet'], () => ++runs);
    read();
    const c = db.$client;
    c.prepare(`INSERT INTO login_attempts (email, address, succeeded) VALUES ('admin@example.org', '127.0.0.1', 0)`).run();
    c.prepare(`INSERT INTO api_tokens (user_id, name, token_hash, expires_at) VALUES (?, 'script', 'h', '2099-01-01T00:00:00.000Z')`).run(admin.id);
    c.prepare(`UPDATE api_tokens SET last_used_at = strftime('%Y-%m-%dT%H:%M:%fZ','now')`).run();
    c.prepare(`INSERT INTO saved_views (user_id, page, name, query) VALUES (?, 'dashboard', 'Mine', 'status=open')`).run(admin.id);
    c.prepare(`UPDATE users SET session_version = session_version + 1 WHERE id = ?`).run(admin.id);
    for (const action of ['login', 'logout']) c.prepare(`INSERT INTO audit_log (user_id, action, entity) VALUES (?, ?, 'session')`).run(admin.id, action);
    read();
    expect(runs).toBe(1);
    // A change of what a page shows, even a user's name, does empty it.
    c.prepare(`UPDATE users SET name = 'Renamed' WHERE id = ?`).run(admin.id);
    read();
    expect(runs).toBe(2);
  });

  it('is emptied by a content write another process commits, and kept when a write is rolled back', () => {
    const db = freshDb();
    const other = openDatabase(db.$client.name);
    const admin = makeUser(db, 'admin');
    let runs = 0;
    const read = () => cachedRead(db, wholeInstance(db), ['shared'], () => ++runs);
    read();
    other.$client.prepare(`INSERT INTO login_attempts (email, address, succeeded) VALUES ('x@example.org', '10.0.0.1', 0)`).run();
    read();
    expect(runs).toBe(1);
    expect(() =>
      other.transaction(() => {
        other.$client.prepare(`INSERT INTO parties (name, short_name) VALUES ('Rolled back', 'RB')`).run();
        throw new Error('cancelled');
      }),
    ).toThrow('cancelled');
    read();
    expect(runs).toBe(1);
    createParty(other, admin, { name: 'Elsewhere', shortName: 'E' });
    read();
    expect(runs).toBe(2);
  });
});
