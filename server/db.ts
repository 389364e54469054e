import { openDatabase, type DB } from '@/db';
import { env } from './config';

// Cached on globalThis so hot reload in development does not open a new connection each time.
const globalForDb = globalThis as unknown as { trackerDb?: DB };

/** The server's one connection to the configured database file. */
export function getDb(): DB {
  if (!globalForDb.trackerDb) globalForDb.trackerDb = openDatabase(env.DATABASE_PATH);
  return globalForDb.trackerDb;
}
