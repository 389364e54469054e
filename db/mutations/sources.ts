import { sources } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { assertCanCite } from './write-access';
import type { NewSource } from '@/lib/validation/sources';
import type { CurrentUser } from '@/lib/roles';

/**
 * Inserts a source inside the caller's transaction and returns its id. `negotiationId` is the negotiation it is
 * entered for (its audit row is shown only to those who see that one); the source itself belongs to none.
 */
export function insertSource(tx: Executor, userId: number, input: NewSource & { citesSourceId?: number | null }, negotiationId: number): number {
  const row = tx
    .insert(sources)
    .values({ ...input, createdBy: userId })
    .returning({ id: sources.id })
    .get();
  recordAudit(tx, { userId, action: 'create', entity: 'source', entityId: row.id, negotiationId, after: input });
  return row.id;
}

/** A source a write cites must exist and be one the writer can see (db/mutations/write-access.ts). */
export function assertSourceExists(tx: Executor, user: CurrentUser, id: number): void {
  assertCanCite(tx, user, 'source', [id], 'The source');
}
