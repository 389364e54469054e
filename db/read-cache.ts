import type Database from 'better-sqlite3';
import type { DB } from '@/db';
import type { ReaderScope } from '@/db/queries/access';

/**
 * Page data computed once per state of what the pages show, shared by every reader until it changes.
 *
 * The state is a counter the database keeps (`content_version`, migration 0008, decision 0018): triggers on
 * every content table move it inside the writing transaction, so no write path can forget to, a rollback takes
 * it back, and a commit by any other connection (a script, an import, a second server process) is seen by the
 * next read. Bookkeeping does not move it: a login attempt, a token's last use, a saved view or a sign-in leave
 * the cache as it is. tests/read-cache.test.ts names every table as content or bookkeeping, so a new one must
 * be placed.
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
    const versionStatement = client.prepare('SELECT changes FROM content_version WHERE id = 1');
    cache = { version: '', entries: new Map(), versionStatement };
    caches.set(client, cache);
  }
  return cache;
}

/** A name for the state of what the pages show: it changes whenever any content was written, by anyone. */
export function databaseState(db: DB): string {
  const row = cacheOf(db.$client).versionStatement.get() as { changes: number } | undefined;
  return String(row?.changes ?? 0);
}

export type CacheKey = readonly (string | number | boolean | null | undefined)[];

export function cachedRead<T>(db: DB, scope: ReaderScope, key: CacheKey, compute: (scope: ReaderScope) => T): T {
  // Inside a transaction the writes read here are not yet committed, and other readers must not see them.
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
