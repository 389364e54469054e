import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db';
import { backupDatabase, checkBackup, pruneBackups, restoreDatabase } from '@/db/backup';
import { createParty } from '@/db/mutations/parties';
import { ensureDemo } from '@/server/demo';
import { findUserByEmail } from '@/db/queries/users';
import { freshDb } from './factories';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-backup-'));

/** Row count and a checksum of every row, per table. */
function contents(file: string): Record<string, { rows: number; sum: string }> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
    return Object.fromEntries(
      tables.map((t) => {
        const rows = db.prepare(`SELECT * FROM "${t}"`).raw().all().sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
        return [t, { rows: rows.length, sum: createHash('sha256').update(JSON.stringify(rows)).digest('hex') }];
      }),
    );
  } finally {
    db.close();
  }
}

describe('backups', () => {
  it('backs up the live database while another connection writes, and restores it identically', async () => {
    const dir = tmp();
    const live = path.join(dir, 'live.db');
    const db = openDatabase(live);
    await ensureDemo(db);
    const admin = findUserByEmail(db, 'admin@example.org')!;
    const before = contents(live);
    expect(before.positions.rows).toBeGreaterThan(5);

    // A second connection (another process, as far as SQLite is concerned) keeps writing during the backup.
    const writer = openDatabase(live);
    const by = { id: admin.id, email: admin.email, name: admin.name, role: admin.role };
    let written = 0;
    let writing = true;
    const loop = (async () => {
      while (writing) {
        createParty(writer, by, { name: `Written during backup ${written}`, shortName: `W${written}` });
        written += 1;
        await new Promise((r) => setImmediate(r));
      }
    })();
    const result = await backupDatabase(db.$client, path.join(dir, 'backups'), {});
    writing = false;
    await loop;
    expect(written).toBeGreaterThan(0);
    expect(checkBackup(result.file)).toMatchObject({ ok: true, problems: [] });

    // The backup is one consistent moment: everything from before, and each party with its audit row.
    const backup = contents(result.file);
    for (const [table, c] of Object.entries(before)) {
      // The parties written meanwhile, their audit rows, and the count of content writes (content_version) moved.
      if (table === 'parties' || table === 'audit_log' || table === 'content_version') expect(backup[table].rows).toBeGreaterThanOrEqual(c.rows);
      else expect(backup[table], table).toEqual(c);
    }
    expect(backup.parties.rows - before.parties.rows).toBe(backup.audit_log.rows - before.audit_log.rows);

    // Restore over another database: it becomes an exact copy; the one it replaced is kept.
    const target = path.join(tmp(), 'target.db');
    const other = openDatabase(target);
    other.$client.close();
    const { previous } = await restoreDatabase(result.file, target);
    expect(previous && fs.existsSync(previous)).toBeTruthy();
    expect(contents(target)).toEqual(backup);
    const reopened = openDatabase(target); // the app opens it and finds nothing to migrate
    expect(reopened.$client.pragma('integrity_check', { simple: true })).toBe('ok');
    reopened.$client.close();
    writer.$client.close();
    db.$client.close();
  });

  it('refuses to restore a damaged file or a database of another app, and leaves the target alone', async () => {
    const dir = tmp();
    const target = path.join(dir, 'target.db');
    const db = openDatabase(target);
    db.$client.close();
    const original = contents(target);

    const garbage = path.join(dir, 'garbage.db');
    fs.writeFileSync(garbage, 'SQLite format 3\u0000' + 'x'.repeat(5000));
    await expect(restoreDatabase(garbage, target)).rejects.toThrow(/Refusing to restore/);

    const foreign = path.join(dir, 'foreign.db');
    const f = new Database(foreign);
    f.exec(`CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)`);
    f.close();
    await expect(restoreDatabase(foreign, target)).rejects.toThrow(/missing table\(s\) __drizzle_migrations/);

    // A tracker backup cut short (truncated to half) fails the integrity check.
    const good = await backupDatabase(openDatabase(target).$client, path.join(dir, 'b'));
    const truncated = path.join(dir, 'truncated.db');
    const bytes = fs.readFileSync(good.file);
    fs.writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(checkBackup(truncated).ok).toBe(false);
    await expect(restoreDatabase(truncated, target)).rejects.toThrow(/Refusing to restore/);

    await expect(restoreDatabase(path.join(dir, 'missing.db'), target)).rejects.toThrow(/does not exist/);
    expect(contents(target)).toEqual(original);
  });

  it('keeps only the newest N backups', async () => {
    const db = freshDb();
    const dir = tmp();
    const times = [1, 2, 3, 4, 5].map((d) => new Date(Date.UTC(2026, 1, d, 3, 0, 0)));
    const files: string[] = [];
    for (const at of times) files.push((await backupDatabase(db.$client, dir, { at })).file);
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    const result = await backupDatabase(db.$client, dir, { keep: 3, at: new Date(Date.UTC(2026, 1, 6, 3)) });
    expect(result.removed.sort()).toEqual(files.slice(0, 3).sort());
    expect(fs.readdirSync(dir).sort()).toEqual(['notes.txt', ...files.slice(3).map((f) => path.basename(f)), path.basename(result.file)].sort());
    expect(() => pruneBackups(dir, 0)).toThrow(/at least 1/);
  });
});
