import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { actors, parties } from '@/db/schema';

export function listParties(db: DB) {
  return db.select().from(parties).orderBy(asc(parties.name)).all();
}

export function getParty(db: DB, id: number) {
  return db.select().from(parties).where(eq(parties.id, id)).get();
}

export function listActors(db: DB) {
  return db
    .select({ id: actors.id, name: actors.name, title: actors.title, partyId: actors.partyId, partyName: parties.shortName })
    .from(actors)
    .leftJoin(parties, eq(parties.id, actors.partyId))
    .orderBy(asc(actors.name))
    .all();
}
