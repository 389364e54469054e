import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { cachedRead, databaseState } from '@/db/read-cache';
import { dashboardMatrix } from '@/db/queries/dashboard';
import { createParty } from '@/db/mutations/parties';
import { freshDb, makeNegotiation, makeUser } from './factories';

describe('read cache', () => {
  it('computes once per database state and shares the result', () => {
    const db = freshDb();
    let runs = 0;
    const read = () => cachedRead(db, ['count'], () => ++runs);
    expect(read()).toBe(1);
    expect(read()).toBe(1);
    expect(runs).toBe(1);
  });

  it('keys by every part: different parameters are different entries', () => {
    const db = freshDb();
    expect(cachedRead(db, ['page', 1], () => 'one')).toBe('one');
    expect(cachedRead(db, ['page', 2], () => 'two')).toBe('two');
    expect(cachedRead(db, ['page', '1'], () => 'text one')).toBe('text one');
  });

  it('forgets everything when this connection writes', () => {
    const db = freshDb();
    const admin = makeUser(db, 'admin');
    const { negotiationId } = makeNegotiation(db, admin, 'Cached talks');
    const before = cachedRead(db, ['dashboard'], () => dashboardMatrix(db));
    expect(before[0].rows.map((r) => r.title)).toEqual(['Territory']);
    db.$client.prepare("UPDATE issues SET title = 'Borders' WHERE negotiation_id = ?").run(negotiationId);
    const after = cachedRead(db, ['dashboard'], () => dashboardMatrix(db));
    expect(after[0].rows.map((r) => r.title)).toEqual(['Borders']);
  });

  it('forgets everything when another connection commits (a script, another process)', () => {
    const db = freshDb();
    const other = openDatabase(db.$client.name);
    const admin = makeUser(db, 'admin');
    const state = databaseState(db);
    expect(cachedRead(db, ['parties'], () => db.$client.prepare('SELECT count(*) n FROM parties').get())).toEqual({ n: 0 });
    createParty(other, admin, { name: 'Elsewhere', shortName: 'E' });
    expect(databaseState(db)).not.toBe(state);
    expect(cachedRead(db, ['parties'], () => db.$client.prepare('SELECT count(*) n FROM parties').get())).toEqual({ n: 1 });
  });

  it('never caches inside a transaction, whose rows may be rolled back', () => {
    const db = freshDb();
    let runs = 0;
    db.transaction(() => {
      cachedRead(db, ['inside'], () => ++runs);
      cachedRead(db, ['inside'], () => ++runs);
    });
    expect(runs).toBe(2);
  });

  it('hands out frozen values, so one reader cannot change another reader’s page', () => {
    const db = freshDb();
    const rows = cachedRead(db, ['rows'], () => [{ title: 'a' }, { title: 'b' }]);
    expect(() => rows.push({ title: 'c' })).toThrow(TypeError);
    expect(() => {
      rows[0].title = 'changed';
    }).toThrow(TypeError);
    expect(cachedRead(db, ['rows'], () => [] as { title: string }[]).map((r) => r.title)).toEqual(['a', 'b']);
  });

  it('keeps a bounded number of entries, dropping the least recently used', () => {
    const db = freshDb();
    let runs = 0;
    cachedRead(db, ['first'], () => ++runs);
    for (let i = 0; i < 100; i++) {
      cachedRead(db, ['filler', i], () => i);
      cachedRead(db, ['first'], () => ++runs); // kept in use, so never dropped
    }
    expect(runs).toBe(1);
    cachedRead(db, ['filler', 0], () => ++runs); // long unused: dropped, computed again
    expect(runs).toBe(2);
  });
});
