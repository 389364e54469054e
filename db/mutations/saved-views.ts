import { and, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { savedViews } from '@/db/schema';
import { recordAudit } from './audit';
import { roleInNegotiation } from '@/db/queries/access';
import { parseId } from '@/lib/ids';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { NotFoundError } from '@/lib/errors';
import type { SavedViewInput } from '@/lib/validation/saved-views';

/**
 * Saves the current filters under a name; saving again under the same name replaces them.
 * Viewers may save views too: a view is the user's own bookmark and changes nothing others see. Its filters
 * may name only a negotiation the user sees (docs/decisions/0017): another is not found, as everywhere.
 */
export function saveView(db: DB, user: CurrentUser, input: SavedViewInput): { id: number; replaced: boolean } {
  assertRole(user, 'viewer');
  return db.transaction(
    (tx) => {
      const named = parseId(new URLSearchParams(input.query).get('negotiation'));
      if (named !== null && roleInNegotiation(tx, user, named) === null) throw new NotFoundError('The negotiation');
      const before = tx
        .select()
        .from(savedViews)
        .where(and(eq(savedViews.userId, user.id), eq(savedViews.page, input.page), eq(savedViews.name, input.name)))
        .get();
      const after = before
        ? tx.update(savedViews).set({ query: input.query }).where(eq(savedViews.id, before.id)).returning().get()
        : tx
            .insert(savedViews)
            .values({ userId: user.id, ...input })
            .returning()
            .get();
      recordAudit(tx, { userId: user.id, action: before ? 'update' : 'create', entity: 'saved_view', entityId: after.id, before: before ?? null, after });
      return { id: after.id, replaced: !!before };
    },
    { behavior: 'immediate' },
  );
}

/** Deletes one of the user's own views; someone else's is "not found". */
export function deleteView(db: DB, user: CurrentUser, viewId: number): void {
  assertRole(user, 'viewer');
  db.transaction(
    (tx) => {
      const before = tx.select().from(savedViews).where(eq(savedViews.id, viewId)).get();
      if (!before || before.userId !== user.id) throw new NotFoundError('The saved view');
      tx.delete(savedViews).where(eq(savedViews.id, viewId)).run();
      recordAudit(tx, { userId: user.id, action: 'delete', entity: 'saved_view', entityId: viewId, before });
    },
    { behavior: 'immediate' },
  );
}
