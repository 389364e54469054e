import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '@/db';
import { recordPosition } from '@/db/mutations/positions';
import { currentPosition } from '@/db/queries/issues';
import { listAudit } from '@/db/queries/audit';
import { position } from './factories';

type Journal = { entries: { idx: number; tag: string }[] };

/** A copy of the migrations folder that stops after the first `n` migrations. */
function migrationsUpTo(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-migrations-'));
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as Journal;
  journal.entries = journal.entries.slice(0, n);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

const rows = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all();

describe('migrations', () => {
  it('upgrade a database made by the first migration without losing its data', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
    expect(journal.entries.length).toBeGreaterThan(1);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-upgrade-')), 'old.db');

    // The database as the first release left it: only 0000_initial applied, then used.
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(1) });
    expect(old.prepare(`SELECT count(*) n FROM __drizzle_migrations`).get()).toEqual({ n: 1 });
    expect(old.prepare(`SELECT count(*) n FROM sqlite_master WHERE type = 'trigger'`).get()).toEqual({ n: 0 });
    old.exec(`
      INSERT INTO users (email, name, role, password_hash) VALUES ('old@example.org', 'Old Analyst', 'analyst', 'scrypt$x');
      INSERT INTO negotiations (name, description, created_by) VALUES ('Old talks', 'from the first release', 1);
      INSERT INTO parties (name, short_name) VALUES ('Old party A', 'A'), ('Old party B', 'B');
      INSERT INTO negotiation_parties (negotiation_id, party_id, role) VALUES (1, 1, 'party'), (1, 2, 'mediator');
      INSERT INTO issues (negotiation_id, title, status, key_date, key_date_label) VALUES (1, 'Old issue ✓ «ünïcode»', 'stalled', '2026-02-05', 'Expiry');
      INSERT INTO sources (outlet, title, url, published_on, quote, created_by) VALUES ('FT', 'Old article', 'https://example.org/a', '2026-02-01', 'A quote', 1);
      INSERT INTO positions (issue_id, party_id, summary, stance, as_of, source_id, created_by) VALUES (1, 1, 'Old position', 'opposes', '2026-01-30', 1, 1);
      INSERT INTO audit_log (user_id, action, entity, entity_id, after) VALUES (1, 'create', 'position', 1, '{"summary":"Old position"}');
    `);
    const tables = ['users', 'negotiations', 'parties', 'negotiation_parties', 'issues', 'sources', 'positions', 'audit_log'];
    const before = Object.fromEntries(tables.map((t) => [t, rows(old, t)]));
    old.close();

    // The current app opens it: the remaining migrations run, nothing is lost.
    const db = openDatabase(file);
    const sqlite = db.$client;
    expect(sqlite.prepare(`SELECT count(*) n FROM __drizzle_migrations`).get()).toEqual({ n: journal.entries.length });
    // Every row and value the old release had is still there (later migrations may add columns).
    const asBefore = (t: string) => rows(sqlite, t).map((r, i) => Object.fromEntries(Object.keys(before[t][i] as object).map((k) => [k, (r as Record<string, unknown>)[k]])));
    for (const t of tables) expect(asBefore(t), t).toEqual(before[t]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const triggers = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[]).map((r) => r.name);
    expect(triggers).toEqual(expect.arrayContaining(['audit_log_no_update', 'audit_log_no_delete']));
    expect(() => sqlite.exec(`DELETE FROM audit_log`)).toThrow(/append-only/);

    // And the app works on the old data: a new version of the old position, history kept.
    const user = { id: 1, email: 'old@example.org', name: 'Old Analyst', role: 'analyst' as const };
    const newId = recordPosition(db, user, position(1, 1, 1, 'Position after the upgrade'));
    expect(currentPosition(db, 1, 1)?.id).toBe(newId);
    expect(listAudit(db, { entity: 'position' }).total).toBe(2);
    sqlite.close();

    // Opening it again changes nothing more.
    const again = openDatabase(file);
    expect(again.$client.prepare(`SELECT count(*) n FROM __drizzle_migrations`).get()).toEqual({ n: journal.entries.length });
    again.$client.close();
  });
});
