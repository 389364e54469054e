import { eq } from 'drizzle-orm';
import { sources } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import type { NewSource } from '@/lib/validation/sources';
import { NotFoundError } from '@/lib/errors';

/** Inserts a source inside the caller's transaction and returns its id. */
export function insertSource(tx: Executor, userId: number, input: NewSource & { citesSourceId?: number | null }): number {
  const row = tx
    .insert(sources)
    .values({ ...input, createdBy: userId })
    .returning({ id: sources.id })
    .get();
  recordAudit(tx, { userId, action: 'create', entity: 'source', entityId: row.id, after: input });
  return row.id;
}

export function assertSourceExists(tx: Executor, id: number): void {
  if (!tx.select({ id: sources.id }).from(sources).where(eq(sources.id, id)).get()) throw new NotFoundError('The source');
}
