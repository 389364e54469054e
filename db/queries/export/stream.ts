// How the export streams (docs/decisions/0010): rows are read in batches of BATCH, each batch with
// one `.all()`, so memory stays flat however big the negotiation is and no statement stays open
// between chunks (better-sqlite3 forbids other statements on the connection while an iterator is
// open, and other requests run between two chunks).
import type { DB } from '@/db';

export const BATCH = 500;

/** A section's records, one array per batch; a short list is a single batch. */
export type Batches<T> = Iterable<T[]>;

type Statement = ReturnType<DB['$client']['prepare']>;

/**
 * The rows of `table` matching `filter` (its one parameter is `param`), in keyset batches over the
 * primary key. Write the filter's column as `+column`: that keeps SQLite from choosing another index
 * and sorting every batch. The statement is prepared once per export: drizzle prepares one per
 * call, which was most of the time of a large export.
 */
export function* keysetBatches<R extends { id: number }>(db: DB, columns: string, table: string, filter: string, param: unknown): Generator<R[]> {
  const page = db.$client.prepare(`SELECT ${columns} FROM ${table} WHERE id > ? AND ${filter} ORDER BY id LIMIT ${BATCH}`);
  let after = 0;
  for (;;) {
    const rows = page.all(after, param) as R[];
    if (!rows.length) return;
    after = rows[rows.length - 1].id;
    yield rows;
  }
}

/** The rows for a known list of ids, BATCH ids at a time; `byIds` takes the batch as one JSON array parameter. */
export function* idBatches<R>(byIds: Statement, ids: number[]): Generator<R[]> {
  for (let i = 0; i < ids.length; i += BATCH) yield byIds.all(JSON.stringify(ids.slice(i, i + BATCH))) as R[];
}

/** Each batch's records mapped, lazily: a batch is read only when the stream reaches it. */
export function* mapBatches<R, T>(batches: Batches<R>, record: (row: R) => T): Generator<T[]> {
  for (const batch of batches) yield batch.map(record);
}

/** One top-level field of the document: a value on one line. */
export const jsonField = (name: string, value: unknown) => `  ${JSON.stringify(name)}: ${JSON.stringify(value)},\n`;

/** One top-level list of the document, a record a line, written batch by batch. */
export function* jsonList<T>(name: string, batches: Batches<T>, last: boolean): Generator<string> {
  yield `  ${JSON.stringify(name)}: [`;
  let first = true;
  for (const batch of batches) {
    if (!batch.length) continue;
    yield (first ? '\n' : ',\n') + batch.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
    first = false;
  }
  yield (first ? ']' : '\n  ]') + (last ? '\n' : ',\n');
}
