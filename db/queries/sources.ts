import { desc } from 'drizzle-orm';
import type { DB } from '@/db';
import { citedSources } from '@/db/schema';
import { SOURCE_SEEN, visibleBy, type ReaderScope } from './access';

/** Sources to pick from in a form, newest first: those cited in a negotiation the reader sees. */
export function listSourceChoices(db: DB, scope: ReaderScope, limit = 300) {
  return db
    .select({ id: citedSources.id, outlet: citedSources.outlet, title: citedSources.title, publishedOn: citedSources.publishedOn, reliability: citedSources.reliability })
    .from(citedSources)
    .where(visibleBy(scope, citedSources.id, SOURCE_SEEN))
    .orderBy(desc(citedSources.id))
    .limit(limit)
    .all();
}
