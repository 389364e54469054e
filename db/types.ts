import type Database from 'better-sqlite3';
import type { DB } from '@/db';

/** A drizzle transaction over better-sqlite3: synchronous, so no await inside it. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
export type Executor = DB | Tx;

/**
 * The better-sqlite3 connection under a database or transaction handle, for statements prepared once
 * (hot paths that append many rows). A transaction runs on its database's one connection, so a
 * statement run here is inside it. drizzle keeps the connection on the transaction's session.
 */
export function clientOf(executor: Executor): Database.Database {
  if ('$client' in executor) return executor.$client as Database.Database;
  const client = (executor as unknown as { session?: { client?: Database.Database } }).session?.client;
  if (!client) throw new Error('No better-sqlite3 connection under this drizzle handle.');
  return client;
}
