import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const MIGRATIONS_FOLDER = path.join(process.cwd(), 'db', 'migrations');

export type OpenOptions = {
  /** Called with every SQL statement the connection executes (the benchmark's N+1 test counts them). */
  verbose?: (sql: string) => void;
};

/** Opens a database file with the pragmas every connection needs, and applies pending migrations. */
export function openDatabase(file: string, options: OpenOptions = {}): DB {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file, options.verbose ? { verbose: (message) => options.verbose!(String(message)) } : undefined);
  sqlite.pragma('journal_mode = WAL');
  // A fresh file reads FULL; NORMAL is safe under WAL and much faster.
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema }) as DB;
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  return db;
}

/**
 * A second, read-only connection holding one read transaction: everything read through it is the database as it
 * stood when it opened, however long the reading takes and whatever other connections write meanwhile (WAL).
 * For long reads that yield between chunks (the JSON export): the server's own connection is shared by every
 * request, so a transaction left open on it would take in their writes.
 */
export function openSnapshot(file: string): { db: DB; close: () => void } {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  sqlite.exec('BEGIN');
  const db = drizzle(sqlite, { schema }) as DB;
  return {
    db,
    close: () => {
      if (sqlite.inTransaction) sqlite.exec('COMMIT');
      sqlite.close();
    },
  };
}

export { schema };
