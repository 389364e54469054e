import type Database from 'better-sqlite3';
import type { DB } from '@/db';
import type { ReaderScope } from '@/db/queries/access';

/**
 * Page data computed once per state of the database, shared by every reader until the next write.
 *
 * The state is named by SQLite's own counters, so no write path can forget to invalidate:
 * `total_changes()` moves with every row this connection inserts, updates or deletes, and
 * `PRAGMA data_version` moves when any other connection commits (a script, an import, a second
 * server process). Any write empties the whole cache; analysts read far more often than they write.
 *
 * Cached values are frozen: a caller that tried to change a shared result would throw, not leak its
 * change into another reader's page.
 *
 * What a reader may see is part of every key (docs/decisions/0017): the caller must hand over the reader's scope
 * (db/queries/access.ts), the entry is named by what that scope sees, and `compute` is given the scope to read
 * with. Two readers who see the same negotiations share an entry; a reader who sees fewer never gets theirs.
 */
const MAX_ENTRIES = 64;

type Cache = { version: string; entries: Map<string, unknown>; versionStatement: Database.Statement };
const caches = new WeakMap<Database.Database, Cache>();

function cacheOf(client: Database.Database): Cache {
  let cache = caches.get(client);
  if (!cache) {
    const versionStatement = client.prepare('SELECT total_changes() AS changes, (SELECT data_version FROM pragma_data_version) AS version');
    cache = { version: '', entries: new Map(), versionStatement };
    caches.set(client, cache);
  }
  return cache;
}

/** A name for the database's current state: it changes whenever anything was written, by anyone. */
export function databaseState(db: DB): string {
  const { changes, version } = cacheOf(db.$client).versionStatement.get() as { changes: number; version: number };
  return `${version}:${changes}`;
}

export type CacheKey = readonly (string | number | boolean | null | undefined)[];

export function cachedRead<T>(db: DB, scope: ReaderScope, key: CacheKey, compute: (scope: ReaderScope) => T): T {
  // Inside a transaction the rows may yet be rolled back, and a rollback does not move the counters.
  if (db.$client.inTransaction) return compute(scope);
  const cache = cacheOf(db.$client);
  const state = databaseState(db);
  if (state !== cache.version) {
    cache.entries.clear();
    cache.version = state;
  }
  const name = JSON.stringify([scope.key, ...key]);
  if (cache.entries.has(name)) {
    const value = cache.entries.get(name) as T;
    // Most recently used last: the oldest entry is the first to go.
    cache.entries.delete(name);
    cache.entries.set(name, value);
    return value;
  }
  const value = deepFreeze(compute(scope));
  cache.entries.set(name, value);
  // A promise is shared while it runs (ten readers of one PDF wait for one rendering); a failed one is not kept.
  if (value instanceof Promise) value.catch(() => cache.entries.get(name) === value && cache.entries.delete(name));
  if (cache.entries.size > MAX_ENTRIES) cache.entries.delete(cache.entries.keys().next().value!);
  return value;
}

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  if (value instanceof Map) {
    for (const v of value.values()) deepFreeze(v);
    return value;
  }
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
  return value;
}
