import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { affiliations, issues, negotiationParties, parties, partyDescriptions, positions, rounds, updates } from '@/db/schema';
import { groupBy } from '@/lib/group-by';

/** Database id → local key (docs/decisions/0010), plus the order used to sort reference lists the same way on every export. */
export class LocalKeys {
  private byId = new Map<number, { key: string; index: number }>();
  add(id: number, key: string) {
    this.byId.set(id, { key, index: this.byId.size });
  }
  ref(id: number | null): string | null {
    return id === null ? null : (this.byId.get(id)?.key ?? null);
  }
  /** The keys of the known ids, in document order. */
  list(ids: number[]): string[] {
    return ids
      .map((id) => this.byId.get(id))
      .filter((k): k is { key: string; index: number } => !!k)
      .sort((a, b) => a.index - b.index)
      .map((k) => k.key);
  }
}

/** Numbered in document order: `issue:1`, `issue:2`… */
function numbered(prefix: string, ids: number[]): LocalKeys {
  const keys = new LocalKeys();
  ids.forEach((id, i) => keys.add(id, `${prefix}:${i + 1}`));
  return keys;
}

/** A party as this negotiation sees it: its description, role and note here. */
export type ExportParty = typeof parties.$inferSelect & { role: (typeof negotiationParties.$inferSelect)['role'] | null; note: string; description: string };

/** A person the negotiation names, with whom they speak for in it. */
export type ExportActor = { id: number; name: string; affiliations: Pick<typeof affiliations.$inferSelect, 'partyId' | 'title' | 'startsOn' | 'endsOn'>[] };

/**
 * What every section of one negotiation's export refers to: the local key of each record, and the
 * records of the short lists (read whole). Read before the first chunk, so that a reference always
 * resolves whatever section it sits in.
 */
export type ExportContext = {
  db: DB;
  negotiationId: number;
  keys: Record<'party' | 'actor' | 'issue' | 'round' | 'update' | 'position' | 'source', LocalKeys>;
  parties: ExportParty[];
  actors: ExportActor[];
  issues: (typeof issues.$inferSelect)[];
  rounds: (typeof rounds.$inferSelect)[];
  sourceIds: number[];
};

// The caller has checked the reader sees the negotiation; all its records, its people included, are theirs to read.
export function readExportContext(db: DB, negotiationId: number): ExportContext {
  const partyRows = readParties(db, negotiationId);
  const actorRows = readActors(db, negotiationId);
  const issueRows = db.select().from(issues).where(eq(issues.negotiationId, negotiationId)).orderBy(asc(issues.sortOrder), asc(issues.id)).all();
  const roundRows = db.select().from(rounds).where(eq(rounds.negotiationId, negotiationId)).orderBy(asc(rounds.sequence)).all();
  const roundKeys = new LocalKeys();
  for (const r of roundRows) roundKeys.add(r.id, `round:${r.sequence}`);
  const updateIds = db.select({ id: updates.id }).from(updates).where(eq(updates.negotiationId, negotiationId)).orderBy(asc(updates.id)).all();
  const issueIdsOf = db.select({ id: issues.id }).from(issues).where(eq(issues.negotiationId, negotiationId));
  const positionIds = db.select({ id: positions.id }).from(positions).where(inArray(positions.issueId, issueIdsOf)).orderBy(asc(positions.id)).all();
  const sourceIds = readSourceIds(db, negotiationId);
  return {
    db,
    negotiationId,
    keys: {
      party: partyKeys(partyRows),
      actor: numbered('actor', actorRows.map((a) => a.id)),
      issue: numbered('issue', issueRows.map((i) => i.id)),
      round: roundKeys,
      update: numbered('update', updateIds.map((u) => u.id)),
      position: numbered('position', positionIds.map((p) => p.id)),
      source: numbered('source', sourceIds),
    },
    parties: partyRows,
    actors: actorRows,
    issues: issueRows,
    rounds: roundRows,
    sourceIds,
  };
}

/**
 * The seated parties in seat order, then by name every other party the negotiation names: in its
 * records, as someone's party, or by saying something of it. Descriptions are this negotiation's only.
 */
function readParties(db: DB, nid: number): ExportParty[] {
  const describedHere = and(eq(partyDescriptions.negotiationId, nid), eq(partyDescriptions.partyId, parties.id));
  const seated = db
    .select({ party: parties, role: negotiationParties.role, note: negotiationParties.note, description: partyDescriptions.description })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .leftJoin(partyDescriptions, describedHere)
    .where(eq(negotiationParties.negotiationId, nid))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
  const seatedIds = new Set(seated.map((s) => s.party.id));
  const referenced = db.$client
    .prepare(
      `SELECT party_id AS id FROM update_parties WHERE update_id IN (SELECT id FROM updates WHERE negotiation_id = @nid)
       UNION SELECT party_id FROM positions WHERE issue_id IN (SELECT id FROM issues WHERE negotiation_id = @nid)
       UNION SELECT party_id FROM homework_owners WHERE homework_id IN (SELECT id FROM homework WHERE negotiation_id = @nid)
       UNION SELECT party_id FROM round_delegations WHERE round_id IN (SELECT id FROM rounds WHERE negotiation_id = @nid)
       UNION SELECT party_id FROM affiliations WHERE negotiation_id = @nid AND party_id IS NOT NULL
       UNION SELECT party_id FROM party_descriptions WHERE negotiation_id = @nid`,
    )
    .all({ nid }) as { id: number }[];
  const unseatedIds = referenced.map((r) => r.id).filter((id) => !seatedIds.has(id));
  const unseated = unseatedIds.length
    ? db
        .select({ party: parties, description: partyDescriptions.description })
        .from(parties)
        .leftJoin(partyDescriptions, describedHere)
        .where(inArray(parties.id, unseatedIds))
        .orderBy(asc(parties.name))
        .all()
    : [];
  return [
    ...seated.map((s) => ({ ...s.party, role: s.role, note: s.note, description: s.description ?? '' })),
    ...unseated.map((u) => ({ ...u.party, role: null, note: '', description: u.description ?? '' })),
  ];
}

/** `party:US` from the short name, `party:US-2` when two parties share one. */
function partyKeys(partyRows: ExportParty[]): LocalKeys {
  const keys = new LocalKeys();
  const used = new Set<string>();
  for (const p of partyRows) {
    const base = `party:${p.shortName.trim().replace(/\s+/g, '-') || 'party'}`;
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base}-${n}`;
    used.add(key);
    keys.add(p.id, key);
  }
  return keys;
}

/**
 * The people affiliated in the negotiation, in the order of their first affiliation here (the order
 * an import created them in, whether it matched the person or made them), then by name those its
 * updates name without an affiliation here. Only this negotiation's affiliations.
 */
function readActors(db: DB, nid: number): ExportActor[] {
  const rows = db.$client
    .prepare(
      `SELECT a.id, a.name, (SELECT min(f.id) FROM affiliations f WHERE f.actor_id = a.id AND f.negotiation_id = @nid) AS first
         FROM actors a
        WHERE a.id IN (SELECT actor_id FROM affiliations WHERE negotiation_id = @nid)
           OR a.id IN (SELECT actor_id FROM update_actors WHERE update_id IN (SELECT id FROM updates WHERE negotiation_id = @nid))
        ORDER BY first IS NULL, first, a.name, a.id`,
    )
    .all({ nid }) as { id: number; name: string; first: number | null }[];
  const affiliationsOf = groupBy(
    db
      .select({ actorId: affiliations.actorId, partyId: affiliations.partyId, title: affiliations.title, startsOn: affiliations.startsOn, endsOn: affiliations.endsOn })
      .from(affiliations)
      .where(eq(affiliations.negotiationId, nid))
      .orderBy(asc(affiliations.id))
      .all(),
    (f) => f.actorId,
  );
  return rows.map((a) => ({ id: a.id, name: a.name, affiliations: (affiliationsOf.get(a.id) ?? []).map(({ actorId: _, ...f }) => f) }));
}

/** Every source the negotiation cites, and the sources those cite in turn. */
function readSourceIds(db: DB, nid: number): number[] {
  const rows = db.$client
    .prepare(
      `WITH RECURSIVE cited(id) AS (
         SELECT source_id FROM update_sources WHERE update_id IN (SELECT id FROM updates WHERE negotiation_id = @nid)
         UNION SELECT source_id FROM positions WHERE source_id IS NOT NULL AND issue_id IN (SELECT id FROM issues WHERE negotiation_id = @nid)
         UNION SELECT source_id FROM status_changes WHERE source_id IS NOT NULL AND issue_id IN (SELECT id FROM issues WHERE negotiation_id = @nid)
         UNION SELECT source_id FROM outcomes WHERE source_id IS NOT NULL AND round_id IN (SELECT id FROM rounds WHERE negotiation_id = @nid)
         UNION SELECT cancellation_source_id FROM rounds WHERE cancellation_source_id IS NOT NULL AND negotiation_id = @nid
         UNION SELECT s.cites_source_id FROM sources s JOIN cited c ON c.id = s.id WHERE s.cites_source_id IS NOT NULL
       ) SELECT id FROM cited ORDER BY id`,
    )
    .all({ nid }) as { id: number }[];
  return rows.map((r) => r.id);
}
