import type { DB } from './index';

/** A drizzle transaction over better-sqlite3: synchronous, so no await inside it. */
export type Tx = Parameters<Parameters<DB['transaction']>[0]>[0];
export type Executor = DB | Tx;
