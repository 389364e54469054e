import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_EMAIL, BENCH_PASSWORD, generate, scaledCounts } from '@/bench/generate';
import { verifyPassword } from '@/server/auth/password';

const SCALE = 0.01;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-generate-'));
const file = (name: string) => path.join(dir, name);

function checksum(dbFile: string, sql: string): string {
  const db = new Database(dbFile, { readonly: true });
  try {
    const hash = crypto.createHash('sha256');
    for (const row of db.prepare(sql).iterate()) hash.update(JSON.stringify(row));
    return hash.digest('hex');
  } finally {
    db.close();
  }
}

const TABLES = ['SELECT * FROM updates ORDER BY id', 'SELECT * FROM positions ORDER BY id', 'SELECT * FROM homework ORDER BY id', 'SELECT * FROM update_sources ORDER BY update_id, source_id'];

describe('benchmark generator', () => {
  beforeAll(async () => {
    await generate(file('a.db'), { seed: 7, scale: SCALE });
    await generate(file('b.db'), { seed: 7, scale: SCALE });
    await generate(file('c.db'), { seed: 8, scale: SCALE });
  }, 300_000);

  it('writes the scaled counts', () => {
    const expected = scaledCounts(SCALE);
    expect(expected).toMatchObject({ negotiations: 1, issues: 2, rounds: 4, updates: 1000, positions: 2000, homework: 200 });
    const db = new Database(file('a.db'), { readonly: true });
    const n = (table: string) => (db.prepare(`SELECT count(*) n FROM ${table}`).get() as { n: number }).n;
    expect({
      negotiations: n('negotiations'),
      issues: n('issues'),
      parties: n('parties'),
      rounds: n('rounds'),
      updates: n('updates'),
      positions: n('positions'),
      homework: n('homework'),
      users: n('users'),
    }).toEqual(expected);
    // Every update cites 1 to 3 sources; every homework item has an owner.
    const perUpdate = db.prepare('SELECT min(c) lo, max(c) hi, count(*) n FROM (SELECT count(*) c FROM update_sources GROUP BY update_id)').get();
    expect(perUpdate).toEqual({ lo: 1, hi: 3, n: expected.updates });
    expect(n('homework h WHERE NOT EXISTS (SELECT 1 FROM homework_owners o WHERE o.homework_id = h.id)')).toBe(0);
    // The triggers indexed everything the app searches.
    expect(n('search_index')).toBe(n('updates') + n('positions') + n('homework') + n('issues') + n('affiliations') + n('sources') + n('rounds'));
    expect(n("rounds WHERE status = 'planned'")).toBeGreaterThan(0);
    expect(n("rounds WHERE status = 'held'")).toBeGreaterThan(0);
    db.close();
  });

  it('keeps exactly one current position per issue and party, each version superseding the one before', () => {
    const db = new Database(file('a.db'), { readonly: true });
    const pairs = db.prepare('SELECT issue_id, party_id, sum(is_current) current, count(*) versions FROM positions GROUP BY 1, 2').all() as { current: number; versions: number }[];
    expect(pairs.length).toBeGreaterThan(4);
    expect(pairs.every((p) => p.current === 1)).toBe(true);
    const broken = db
      .prepare(
        `SELECT count(*) n FROM positions p WHERE p.supersedes_id IS NOT NULL AND NOT EXISTS
           (SELECT 1 FROM positions q WHERE q.id = p.supersedes_id AND q.issue_id = p.issue_id AND q.party_id = p.party_id AND q.as_of <= p.as_of)`,
      )
      .get() as { n: number };
    expect(broken.n).toBe(0);
    const currentIsLatest = db
      .prepare('SELECT count(*) n FROM positions p WHERE is_current = 1 AND EXISTS (SELECT 1 FROM positions q WHERE q.supersedes_id = p.id)')
      .get() as { n: number };
    expect(currentIsLatest.n).toBe(0);
    db.close();
  });

  it('creates the bench user with the known password', async () => {
    const db = new Database(file('a.db'), { readonly: true });
    const user = db.prepare('SELECT role, password_hash hash FROM users WHERE email = ?').get(BENCH_EMAIL) as { role: string; hash: string };
    db.close();
    expect(user.role).toBe('analyst');
    expect(await verifyPassword(BENCH_PASSWORD, user.hash)).toBe(true);
    expect(await verifyPassword('wrong-password-1', user.hash)).toBe(false);
  });

  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    for (const sql of TABLES) {
      expect(checksum(file('b.db'), sql)).toBe(checksum(file('a.db'), sql));
      expect(checksum(file('c.db'), sql)).not.toBe(checksum(file('a.db'), sql));
    }
  });
});
