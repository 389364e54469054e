import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

// Online backups through SQLite's backup API (consistent while the server keeps writing,
// unlike a file copy, which can catch a half-written page or miss the WAL), and checked restores.

/** Tables a backup must hold to be a database of this app. */
export const REQUIRED_TABLES = ['__drizzle_migrations', 'users', 'negotiations', 'parties', 'issues', 'positions', 'updates', 'audit_log'];
const NAME = /^tracker-\d{8}-\d{6}-\d{3}\.db$/;

export function backupFileName(at = new Date()): string {
  const iso = at.toISOString(); // 2026-02-10T08:15:30.123Z
  return `tracker-${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}-${iso.slice(20, 23)}.db`;
}

export type BackupCheck = { ok: boolean; problems: string[]; migrations: number; tables: string[] };

/** Whether a file is a sound database of this app: integrity_check, the migrations table and the app's tables. */
export function checkBackup(file: string): BackupCheck {
  if (!fs.existsSync(file)) return { ok: false, problems: [`${file} does not exist.`], migrations: 0, tables: [] };
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = db.pragma('integrity_check') as { integrity_check: string }[];
    const problems = integrity.map((r) => r.integrity_check).filter((r) => r !== 'ok');
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]).map((r) => r.name);
    const missing = REQUIRED_TABLES.filter((t) => !tables.includes(t));
    if (missing.length) problems.push(`Not a tracker database: missing table(s) ${missing.join(', ')}.`);
    const migrations = tables.includes('__drizzle_migrations')
      ? (db.prepare(`SELECT count(*) n FROM __drizzle_migrations`).get() as { n: number }).n
      : 0;
    if (tables.includes('__drizzle_migrations') && migrations === 0) problems.push('No migration was ever applied to it.');
    return { ok: problems.length === 0, problems, migrations, tables };
  } catch (error) {
    return { ok: false, problems: [`Cannot read it as SQLite: ${(error as Error).message}`], migrations: 0, tables: [] };
  } finally {
    db?.close();
  }
}

export type BackupResult = { file: string; bytes: number; removed: string[] };

/**
 * Backs up an open connection (the live database; writers may go on meanwhile) into `dir`,
 * checks the copy, then keeps only the newest `keep` backups when `keep` is given.
 */
export async function backupDatabase(source: Database.Database, dir: string, options: { keep?: number; at?: Date; pagesPerStep?: number } = {}): Promise<BackupResult> {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, backupFileName(options.at));
  const partial = `${file}.partial`;
  // Big steps: a write from another connection between two steps restarts the copy, so small steps
  // could starve under a steady write load. Under WAL a step's read lock does not block writers.
  const step = options.pagesPerStep ?? 1_000_000;
  await source.backup(partial, { progress: () => step });
  // A backup is a single file: fold its journal in, so it can be copied anywhere as is.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const check = checkBackup(partial);
  if (!check.ok) {
    fs.rmSync(partial, { force: true });
    throw new Error(`The backup failed its check: ${check.problems.join(' ')}`);
  }
  fs.renameSync(partial, file);
  const removed = options.keep !== undefined ? pruneBackups(dir, options.keep) : [];
  return { file, bytes: fs.statSync(file).size, removed };
}

/** Deletes all but the newest `keep` backups in `dir` (only files this tool named). */
export function pruneBackups(dir: string, keep: number): string[] {
  if (!Number.isInteger(keep) || keep < 1) throw new Error('--keep must be a whole number of at least 1.');
  const backups = fs
    .readdirSync(dir)
    .filter((f) => NAME.test(f))
    .sort()
    .reverse();
  const old = backups.slice(keep).map((f) => path.join(dir, f));
  for (const f of old) fs.rmSync(f);
  return old;
}

export type RestoreResult = { previous: string | null; check: BackupCheck };

/**
 * Replaces the database at `target` with a checked backup. The server must be stopped:
 * a running one would keep writing to the file it already has open.
 * The current database is first saved beside it (`…before-restore-<time>.db`).
 */
export async function restoreDatabase(backupFile: string, target: string): Promise<RestoreResult> {
  const check = checkBackup(backupFile);
  if (!check.ok) throw new Error(`Refusing to restore ${backupFile}: ${check.problems.join(' ')}`);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = target.replace(/\.db$/, '') + `.before-restore-${backupFileName().slice(8, -3)}.db`;
    const current = new Database(target);
    await current.backup(previous);
    current.close();
  }
  const incoming = `${target}.restoring`;
  fs.copyFileSync(backupFile, incoming);
  // Stale WAL or shared-memory files would be replayed onto the restored file.
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(target + suffix, { force: true });
  fs.renameSync(incoming, target);
  const after = checkBackup(target);
  if (!after.ok) throw new Error(`The restored database failed its check: ${after.problems.join(' ')}`);
  return { previous, check: after };
}
