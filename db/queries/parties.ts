import { and, asc, eq, notInArray, sql, type SQLWrapper } from 'drizzle-orm';
import type { DB } from '@/db';
import { clientOf, type Executor } from '@/db/types';
import { actors, affiliations, negotiationParties, negotiations, parties } from '@/db/schema';
import { ACTOR_SEEN, IN_SCOPE, PARTY_SEEN, scopeParams, sees, visible, visibleBy, type ReaderScope } from './access';

// A party and an actor are one identity each across negotiations; what a negotiation says of a party
// (description, role, note) and who speaks for it there (affiliations) are read per negotiation. A reader
// sees the parties and people the negotiations they see name, and only what those negotiations say of them
// (db/queries/access.ts).

export function listParties(db: DB, scope: ReaderScope) {
  return db
    .select({ id: parties.id, name: parties.name, shortName: parties.shortName })
    .from(parties)
    .where(visibleBy(scope, parties.id, PARTY_SEEN))
    .orderBy(asc(parties.name))
    .all();
}

export function getParty(db: DB, scope: ReaderScope, id: number) {
  return db
    .select({ id: parties.id, name: parties.name, shortName: parties.shortName, version: parties.version })
    .from(parties)
    .where(and(eq(parties.id, id), visibleBy(scope, parties.id, PARTY_SEEN)))
    .get();
}

// Where a party is: the negotiations that seat it or say something of it, or where someone speaks for it.
const PLACES = `SELECT n.id AS negotiationId, n.name AS negotiationName, p.id AS partyId, np.role, coalesce(np.note, '') AS note,
       coalesce(pd.description, '') AS description
  FROM negotiations n CROSS JOIN parties p
  LEFT JOIN negotiation_parties np ON np.negotiation_id = n.id AND np.party_id = p.id
  LEFT JOIN party_descriptions pd ON pd.negotiation_id = n.id AND pd.party_id = p.id
 WHERE (np.party_id IS NOT NULL OR pd.party_id IS NOT NULL
        OR EXISTS (SELECT 1 FROM affiliations f WHERE f.negotiation_id = n.id AND f.party_id = p.id))
   AND ${IN_SCOPE('n.id')}`;

export type PartyPlace = {
  negotiationId: number;
  negotiationName: string;
  partyId: number;
  /** null: named by the negotiation but not seated at its table. */
  role: (typeof negotiationParties.$inferSelect)['role'] | null;
  note: string;
  description: string;
};

/** Each negotiation the reader sees that a party is in, with its role, description and note there. */
export function partyInNegotiations(db: DB, scope: ReaderScope, partyId: number): PartyPlace[] {
  return db.$client.prepare(`${PLACES} AND p.id = @partyId ORDER BY n.name`).all({ partyId, scope: scopeParams(scope).scope }) as PartyPlace[];
}

/** Every party's negotiations at once (the parties page), of those the reader sees. */
export function placesOfParties(db: DB, scope: ReaderScope): PartyPlace[] {
  return db.$client.prepare(`${PLACES} ORDER BY n.name`).all({ scope: scopeParams(scope).scope }) as PartyPlace[];
}

const affiliationFields = {
  id: affiliations.id,
  negotiationId: affiliations.negotiationId,
  actorId: affiliations.actorId,
  actorName: actors.name,
  partyId: affiliations.partyId,
  title: affiliations.title,
  startsOn: affiliations.startsOn,
  endsOn: affiliations.endsOn,
  version: affiliations.version,
};

/** Who speaks for a party, affiliation by affiliation, each in its negotiation (those the reader sees). */
export function affiliationsOfParty(db: DB, scope: ReaderScope, partyId: number) {
  return db
    .select(affiliationFields)
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .where(and(eq(affiliations.partyId, partyId), visible(scope, affiliations.negotiationId)))
    .orderBy(asc(actors.name), asc(affiliations.startsOn), asc(affiliations.id))
    .all();
}

/** Who speaks for whom in one negotiation, by name (the negotiation page lists them under their party). */
export function affiliationsOfNegotiation(db: DB, scope: ReaderScope, negotiationId: number) {
  if (!sees(scope, negotiationId)) return [];
  return db
    .select(affiliationFields)
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .where(eq(affiliations.negotiationId, negotiationId))
    .orderBy(asc(actors.name), asc(affiliations.startsOn), asc(affiliations.id))
    .all();
}

/** Every person the reader sees with their affiliations, each with its negotiation's and party's names (the parties page). */
export function listActors(db: DB, scope: ReaderScope) {
  const people = db
    .select({ id: actors.id, name: actors.name })
    .from(actors)
    .where(visibleBy(scope, actors.id, ACTOR_SEEN))
    .orderBy(asc(actors.name), asc(actors.id))
    .all();
  const rows = db
    .select({ ...affiliationFields, partyName: parties.name, negotiationName: negotiations.name })
    .from(affiliations)
    .innerJoin(actors, eq(actors.id, affiliations.actorId))
    .innerJoin(negotiations, eq(negotiations.id, affiliations.negotiationId))
    .leftJoin(parties, eq(parties.id, affiliations.partyId))
    .where(visible(scope, affiliations.negotiationId))
    .orderBy(asc(negotiations.name), asc(affiliations.startsOn), asc(affiliations.id))
    .all();
  return people.map((p) => ({ ...p, affiliations: rows.filter((r) => r.actorId === p.id) }));
}

const countOutside = (db: Executor, named: string, id: number, except: number[]) =>
  (
    clientOf(db)
      .prepare(`SELECT count(*) AS n FROM (${named}) WHERE negotiation_id NOT IN (SELECT value FROM json_each(@except))`)
      .get({ id, except: JSON.stringify(except) }) as { n: number }
  ).n;

/** The negotiations that seat a party, say something of it or have someone speak for it, but those listed in `except`. */
export function countNegotiationsNamingParty(db: Executor, partyId: number, except: number[] = []): number {
  return countOutside(
    db,
    `SELECT negotiation_id FROM negotiation_parties WHERE party_id = @id
     UNION SELECT negotiation_id FROM party_descriptions WHERE party_id = @id
     UNION SELECT negotiation_id FROM affiliations WHERE party_id = @id`,
    partyId,
    except,
  );
}

/** The negotiations a person is affiliated in or named by an update of, but those listed in `except`. */
export function countNegotiationsNamingActor(db: Executor, actorId: number, except: number[] = []): number {
  return countOutside(
    db,
    `SELECT negotiation_id FROM affiliations WHERE actor_id = @id
     UNION SELECT u.negotiation_id FROM update_actors ua JOIN updates u ON u.id = ua.update_id WHERE ua.actor_id = @id`,
    actorId,
    except,
  );
}

/** The first person of this name not in `taken`: how an import or a form reuses a person. */
export function findActorByName(db: Executor, name: string, taken: number[] = []) {
  return db
    .select({ id: actors.id })
    .from(actors)
    .where(and(eq(actors.name, name), taken.length ? notInArray(actors.id, taken) : undefined))
    .orderBy(asc(actors.id))
    .get();
}

// A negotiation's people: those affiliated in it, and those its updates name (an imported document
// may name someone without saying whom they speak for). The update form offers only these.

/** Which of these people are the negotiation's. */
export function peopleOfNegotiationAmong(db: Executor, negotiationId: number, actorIds: number[]): Set<number> {
  if (!actorIds.length) return new Set();
  const rows = clientOf(db)
    .prepare(
      `SELECT id FROM (SELECT actor_id AS id FROM affiliations WHERE negotiation_id = @nid
                       UNION SELECT actor_id FROM update_actors WHERE update_id IN (SELECT id FROM updates WHERE negotiation_id = @nid))
        WHERE id IN (SELECT value FROM json_each(@ids))`,
    )
    .all({ nid: negotiationId, ids: JSON.stringify(actorIds) }) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** Every visible negotiation's people by name, with their latest title there: the update form's choices. */
export function peopleByNegotiation(db: DB, scope: ReaderScope): Map<number, { id: number; name: string; title: string }[]> {
  const rows = db.$client
    .prepare(
      `SELECT people.negotiation_id AS negotiationId, a.id, a.name,
              coalesce((SELECT f.title FROM affiliations f WHERE f.actor_id = a.id AND f.negotiation_id = people.negotiation_id
                         ORDER BY f.starts_on DESC, f.id DESC LIMIT 1), '') AS title
         FROM (SELECT negotiation_id, actor_id FROM affiliations
               UNION SELECT u.negotiation_id, ua.actor_id FROM update_actors ua JOIN updates u ON u.id = ua.update_id) people
         JOIN actors a ON a.id = people.actor_id
        WHERE ${IN_SCOPE('people.negotiation_id')}
        ORDER BY a.name, a.id`,
    )
    .all({ scope: scopeParams(scope).scope }) as { negotiationId: number; id: number; name: string; title: string }[];
  const byNegotiation = new Map<number, { id: number; name: string; title: string }[]>();
  for (const { negotiationId, ...person } of rows) byNegotiation.set(negotiationId, [...(byNegotiation.get(negotiationId) ?? []), person]);
  return byNegotiation;
}

/**
 * An actor's title in a negotiation on a day, as a column of a query over `actors`: the affiliation
 * there whose dates cover the day, else the one begun last.
 */
export const titleOnDay = (negotiationId: SQLWrapper | number, day: SQLWrapper | string) =>
  sql<string>`coalesce((SELECT f.title FROM affiliations f WHERE f.actor_id = ${actors.id} AND f.negotiation_id = ${negotiationId}
    ORDER BY (coalesce(f.starts_on, '') <= ${day} AND coalesce(f.ends_on, '9999-12-31') >= ${day}) DESC, f.starts_on DESC, f.id DESC LIMIT 1), '')`;
