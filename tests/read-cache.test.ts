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
