import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { openSnapshot, type DB } from '@/db';
import { databaseState } from '@/db/read-cache';
import type { ReaderScope } from '@/db/queries/access';
import { env } from './config';
import { getDb } from './db';

/**
 * An export generated once per state of the database and per view of it, then read from a file by everyone who
 * asks for the same one (decision 0020). Ten analysts exporting the largest negotiation at once used to generate
 * it ten times over, and waited for each other; now the first generates it and all read the file.
 *
 * - Named by what it holds: the negotiation, the content counter of the state it was read at (db/read-cache.ts)
 *   and what the reader sees (the scope's key, hashed). A content write changes the counter, so a stale file is
 *   never served: it is simply no longer asked for, and is removed when the next one of its kind is written.
 * - Read from a snapshot connection (db/index.ts openSnapshot), so the file is one state, the one it is named by.
 * - Written beside the database to a temporary name and renamed when complete: a file that exists is whole, for
 *   this worker and every other one (they share the folder, and at worst generate the same file twice).
 * - Written and then read in chunks, with the event loop free between them, so memory stays flat.
 */
export type SharedExport = { kind: string; negotiationId: number; scope: ReaderScope; chunks: (db: DB, scope: ReaderScope) => Generator<string> | null };

const folder = () => path.join(path.dirname(env.DATABASE_PATH), 'exports');
const inFlight = new Map<string, Promise<string | null>>();

/** The file holding the export as the database stands now, generated if it is not there yet; null when the reader may not see it. */
export async function sharedExportFile(request: SharedExport): Promise<string | null> {
  const state = databaseState(getDb());
  const view = createHash('sha256').update(request.scope.key).digest('hex').slice(0, 16);
  const prefix = `${request.kind}-${request.negotiationId}-`;
  const file = path.join(folder(), `${prefix}${state}-${view}.json`);
  if (fs.existsSync(file)) return file;
  let pending = inFlight.get(file);
  if (!pending) {
    pending = generate(request, prefix, view).finally(() => inFlight.delete(file));
    inFlight.set(file, pending);
  }
  return pending;
}

/** The file's contents as a web stream, for a Response. */
export function streamFile(file: string): ReadableStream<Uint8Array> {
  return Readable.toWeb(fs.createReadStream(file, { highWaterMark: 64 * 1024 })) as ReadableStream<Uint8Array>;
}

const BATCH_BYTES = 256 * 1024;

async function generate(request: SharedExport, prefix: string, view: string): Promise<string | null> {
  const snapshot = openSnapshot(env.DATABASE_PATH);
  try {
    // The counter read inside the snapshot names exactly what the file holds.
    const state = databaseState(snapshot.db);
    const file = path.join(folder(), `${prefix}${state}-${view}.json`);
    if (fs.existsSync(file)) return file;
    const chunks = request.chunks(snapshot.db, request.scope);
    if (!chunks) return null;
    fs.mkdirSync(folder(), { recursive: true });
    const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.part`;
    const out = await fs.promises.open(temporary, 'w');
    try {
      let batch: string[] = [];
      let size = 0;
      for (const chunk of chunks) {
        batch.push(chunk);
        size += chunk.length;
        if (size >= BATCH_BYTES) {
          await out.write(batch.join(''));
          batch = [];
          size = 0;
        }
      }
      await out.write(batch.join(''));
    } catch (error) {
      await out.close();
      fs.rmSync(temporary, { force: true });
      throw error;
    }
    await out.close();
    fs.renameSync(temporary, file);
    removeOlder(prefix, state);
    return file;
  } finally {
    snapshot.close();
  }
}

/** Files of the same negotiation read at an earlier state: nobody asks for them again. Readers still streaming one keep it (POSIX). */
function removeOlder(prefix: string, state: string) {
  for (const name of fs.readdirSync(folder())) {
    if (!name.startsWith(prefix) || name.endsWith('.part')) continue;
    const fileState = name.slice(prefix.length).split('-')[0];
    if (Number(fileState) < Number(state)) fs.rmSync(path.join(folder(), name), { force: true });
  }
}
