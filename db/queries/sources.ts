import { desc } from 'drizzle-orm';
import type { DB } from '@/db';
import { sources } from '@/db/schema';

/** Sources to pick from in a form, newest first. */
export function listSourceChoices(db: DB, limit = 300) {
  return db
    .select({ id: sources.id, outlet: sources.outlet, title: sources.title, publishedOn: sources.publishedOn, reliability: sources.reliability })
    .from(sources)
    .orderBy(desc(sources.id))
    .limit(limit)
    .all();
}
