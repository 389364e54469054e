import { desc } from 'drizzle-orm';
import type { DB } from '@/db';
import { sources } from '@/db/schema';
import { SOURCE_SEEN, visibleBy, type ReaderScope } from './access';

/** Sources to pick from in a form, newest first: those cited in a negotiation the reader sees. */
export function listSourceChoices(db: DB, scope: ReaderScope, limit = 300) {
  return db
    .select({ id: sources.id, outlet: sources.outlet, title: sources.title, publishedOn: sources.publishedOn, reliability: sources.reliability })
    .from(sources)
    .where(visibleBy(scope, sources.id, SOURCE_SEEN))
    .orderBy(desc(sources.id))
    .limit(limit)
    .all();
}
