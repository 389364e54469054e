import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { savedViews } from '@/db/schema';

/** A user's own saved views of one page, by name. */
export function listSavedViews(db: DB, userId: number, page: string) {
  return db
    .select({ id: savedViews.id, name: savedViews.name, query: savedViews.query })
    .from(savedViews)
    .where(and(eq(savedViews.userId, userId), eq(savedViews.page, page)))
    .orderBy(asc(savedViews.name))
    .all();
}
