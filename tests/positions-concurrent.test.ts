import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { recordPosition } from '@/db/mutations/positions';
import { parties, positions } from '@/db/schema';

// Another process (a script, an import, a second server) writing while an analyst saves a position.

/** Holds the write lock on `file` from another connection for `ms`, then commits a party named `name`. */
function writerElsewhere(file: string, name: string, ms: number) {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
     const db = new Database(workerData.file);
     db.exec('BEGIN IMMEDIATE');
     db.prepare("INSERT INTO parties (name, short_name) VALUES (?, 'X')").run(workerData.name);
     Atomics.store(workerData.signal, 0, 1);
     Atomics.notify(workerData.signal, 0);
     Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.ms);
     db.exec('COMMIT');
     db.close();`,
    { eval: true, workerData: { file, name, ms, signal } },
  );
  Atomics.wait(signal, 0, 0, 5000); // until the other connection holds the lock
  return new Promise((resolve, reject) => worker.on('exit', resolve).on('error', reject));
}

describe('saving a position while another process writes', () => {
  it('waits for the other write to finish, then saves, instead of failing', async () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { issueId, partyA } = makeNegotiation(db, analyst);
    const done = writerElsewhere(db.$client.name, 'Written elsewhere', 300);
    const id = recordPosition(db, analyst, position(issueId, partyA, null, 'Saved after the wait'));
    await done;
    expect(db.select().from(positions).where(eq(positions.id, id)).get()?.summary).toBe('Saved after the wait');
    expect(db.select().from(parties).where(eq(parties.name, 'Written elsewhere')).all()).toHaveLength(1);
  });
});
