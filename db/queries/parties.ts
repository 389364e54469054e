import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { actors, parties } from '@/db/schema';
import { ACTOR_SEEN, PARTY_SEEN, visibleBy, type ReaderScope } from './access';

// Parties and actors belong to no negotiation: a reader sees those the negotiations they see name (db/queries/access.ts).

export function listParties(db: DB, scope: ReaderScope) {
  return db.select().from(parties).where(visibleBy(scope, parties.id, PARTY_SEEN)).orderBy(asc(parties.name)).all();
}

export function getParty(db: DB, scope: ReaderScope, id: number) {
  return db
    .select()
    .from(parties)
    .where(and(eq(parties.id, id), visibleBy(scope, parties.id, PARTY_SEEN)))
    .get();
}

export function listActors(db: DB, scope: ReaderScope) {
  return db
    .select({ id: actors.id, name: actors.name, title: actors.title, partyId: actors.partyId, partyName: parties.shortName })
    .from(actors)
    .leftJoin(parties, eq(parties.id, actors.partyId))
    .where(visibleBy(scope, actors.id, ACTOR_SEEN))
    .orderBy(asc(actors.name))
    .all();
}
