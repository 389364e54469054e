import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { DB } from '../index';
import {
  actors,
  convergence,
  corroborations,
  corroborationUpdates,
  homework,
  homeworkOwners,
  issues,
  negotiationParties,
  negotiations,
  outcomes,
  parties,
  positions,
  roundAgenda,
  roundDelegations,
  rounds,
  sources,
  statusChanges,
  updateActors,
  updateIssues,
  updateParties,
  updates,
  updateSources,
} from '../schema';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, SCHEMA_URL } from '../../lib/interchange/schema';

// The JSON interchange export (lib/interchange/schema.ts), written as a stream of text chunks.
// The large lists (updates, positions, sources, status changes) are read in keyset batches, so
// memory stays flat however big the negotiation is and no statement stays open between chunks
// (better-sqlite3 forbids other statements on the connection while an iterator is open).

const BATCH = 500;

/** Database id → local key, plus the order used to sort reference lists the same way on every export. */
class Keys {
  private byId = new Map<number, { key: string; index: number }>();
  add(id: number, key: string) {
    this.byId.set(id, { key, index: this.byId.size });
  }
  has(id: number) {
    return this.byId.has(id);
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
  get ids() {
    return [...this.byId.keys()];
  }
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const r of rows) {
    const list = map.get(key(r));
    if (list) list.push(r);
    else map.set(key(r), [r]);
  }
  return map;
}

const chunked = <T>(list: T[], size = BATCH) => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The export as JSON text chunks, or null when there is no such negotiation. */
export function exportNegotiationChunks(db: DB, negotiationId: number, now = new Date()): Generator<string> | null {
  const negotiation = db.select().from(negotiations).where(eq(negotiations.id, negotiationId)).get();
  if (!negotiation) return null;
  return generate(db, negotiation, now);
}

/** The whole export as one string (tests, the shell). */
export function exportNegotiationJson(db: DB, negotiationId: number, now?: Date): string | null {
  const chunks = exportNegotiationChunks(db, negotiationId, now);
  return chunks ? [...chunks].join('') : null;
}

function* generate(db: DB, negotiation: typeof negotiations.$inferSelect, now: Date): Generator<string> {
  const nid = negotiation.id;
  const updateIdsOf = db.select({ id: updates.id }).from(updates).where(eq(updates.negotiationId, nid));
  const issueIdsOf = db.select({ id: issues.id }).from(issues).where(eq(issues.negotiationId, nid));
  const roundIdsOf = db.select({ id: rounds.id }).from(rounds).where(eq(rounds.negotiationId, nid));
  const homeworkIdsOf = db.select({ id: homework.id }).from(homework).where(eq(homework.negotiationId, nid));

  // ---- keys
  const seated = db
    .select({ party: parties, role: negotiationParties.role, note: negotiationParties.note })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .where(eq(negotiationParties.negotiationId, nid))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
  const seatedIds = new Set(seated.map((s) => s.party.id));
  const referencedPartyIds = db.$client
    .prepare(
      `SELECT party_id AS id FROM update_parties WHERE update_id IN (SELECT id FROM updates WHERE negotiation_id = @nid)
       UNION SELECT party_id FROM positions WHERE issue_id IN (SELECT id FROM issues WHERE negotiation_id = @nid)
       UNION SELECT party_id FROM homework_owners WHERE homework_id IN (SELECT id FROM homework WHERE negotiation_id = @nid)
       UNION SELECT party_id FROM round_delegations WHERE round_id IN (SELECT id FROM rounds WHERE negotiation_id = @nid)
       UNION SELECT a.party_id FROM actors a JOIN update_actors ua ON ua.actor_id = a.id
             WHERE a.party_id IS NOT NULL AND ua.update_id IN (SELECT id FROM updates WHERE negotiation_id = @nid)`,
    )
    .all({ nid }) as { id: number }[];
  const unseatedIds = referencedPartyIds.map((r) => r.id).filter((id) => !seatedIds.has(id));
  const unseated = unseatedIds.length ? db.select().from(parties).where(inArray(parties.id, unseatedIds)).orderBy(asc(parties.name)).all() : [];
  const partyRows = [...seated.map((s) => ({ ...s.party, role: s.role, note: s.note })), ...unseated.map((p) => ({ ...p, role: null, note: '' }))];
  const partyKeys = new Keys();
  const usedPartyKeys = new Set<string>();
  for (const p of partyRows) {
    const base = `party:${p.shortName.trim().replace(/\s+/g, '-') || 'party'}`;
    let key = base;
    for (let n = 2; usedPartyKeys.has(key); n++) key = `${base}-${n}`;
    usedPartyKeys.add(key);
    partyKeys.add(p.id, key);
  }

  const actorRows = db
    .select()
    .from(actors)
    .where(
      sql`${actors.partyId} IN (SELECT party_id FROM negotiation_parties WHERE negotiation_id = ${nid})
        OR ${actors.id} IN (SELECT actor_id FROM update_actors WHERE update_id IN (SELECT id FROM updates WHERE negotiation_id = ${nid}))`,
    )
    .orderBy(asc(actors.id))
    .all();
  const actorKeys = new Keys();
  actorRows.forEach((a, i) => actorKeys.add(a.id, `actor:${i + 1}`));

  const issueRows = db.select().from(issues).where(eq(issues.negotiationId, nid)).orderBy(asc(issues.sortOrder), asc(issues.id)).all();
  const issueKeys = new Keys();
  issueRows.forEach((r, i) => issueKeys.add(r.id, `issue:${i + 1}`));

  const roundRows = db.select().from(rounds).where(eq(rounds.negotiationId, nid)).orderBy(asc(rounds.sequence)).all();
  const roundKeys = new Keys();
  roundRows.forEach((r) => roundKeys.add(r.id, `round:${r.sequence}`));

  const updateKeys = new Keys();
  db.select({ id: updates.id })
    .from(updates)
    .where(eq(updates.negotiationId, nid))
    .orderBy(asc(updates.id))
    .all()
    .forEach((r, i) => updateKeys.add(r.id, `update:${i + 1}`));

  const positionKeys = new Keys();
  db.select({ id: positions.id })
    .from(positions)
    .where(inArray(positions.issueId, issueIdsOf))
    .orderBy(asc(positions.id))
    .all()
    .forEach((r, i) => positionKeys.add(r.id, `position:${i + 1}`));

  // Every source the negotiation cites, and the sources those cite in turn.
  const sourceIds = db.$client
    .prepare(
      `WITH RECURSIVE cited(id) AS (
         SELECT source_id FROM update_sources WHERE update_id IN (SELECT id FROM updates WHERE negotiation_id = @nid)
         UNION SELECT source_id FROM positions WHERE source_id IS NOT NULL AND issue_id IN (SELECT id FROM issues WHERE negotiation_id = @nid)
         UNION SELECT source_id FROM status_changes WHERE source_id IS NOT NULL AND issue_id IN (SELECT id FROM issues WHERE negotiation_id = @nid)
         UNION SELECT source_id FROM outcomes WHERE source_id IS NOT NULL AND round_id IN (SELECT id FROM rounds WHERE negotiation_id = @nid)
         UNION SELECT s.cites_source_id FROM sources s JOIN cited c ON c.id = s.id WHERE s.cites_source_id IS NOT NULL
       ) SELECT id FROM cited ORDER BY id`,
    )
    .all({ nid }) as { id: number }[];
  const sourceKeys = new Keys();
  sourceIds.forEach((r, i) => sourceKeys.add(r.id, `source:${i + 1}`));

  // ---- the document
  const field = (name: string, value: unknown) => `${JSON.stringify(name)}: ${JSON.stringify(value)}`;
  yield '{\n';
  yield [
    field('$schema', SCHEMA_URL),
    field('format', INTERCHANGE_FORMAT),
    field('version', INTERCHANGE_VERSION),
    field('exportedAt', now.toISOString()),
    field('negotiation', { name: negotiation.name, description: negotiation.description }),
  ]
    .map((l) => `  ${l},\n`)
    .join('');

  function* list<T>(name: string, batches: Iterable<T[]>, last = false): Generator<string> {
    yield `  ${JSON.stringify(name)}: [`;
    let first = true;
    for (const batch of batches) {
      if (!batch.length) continue;
      yield (first ? '\n' : ',\n') + batch.map((item) => `    ${JSON.stringify(item)}`).join(',\n');
      first = false;
    }
    yield (first ? ']' : '\n  ]') + (last ? '\n' : ',\n');
  }

  yield* list('parties', [
    partyRows.map((p) => ({
      key: partyKeys.ref(p.id),
      name: p.name,
      shortName: p.shortName,
      description: p.description,
      role: p.role,
      note: p.note,
    })),
  ]);
  yield* list('actors', [actorRows.map((a) => ({ key: actorKeys.ref(a.id), name: a.name, title: a.title, party: partyKeys.ref(a.partyId) }))]);

  yield* list(
    'sources',
    (function* () {
      for (const ids of chunked(sourceIds.map((s) => s.id))) {
        const rows = db.select().from(sources).where(inArray(sources.id, ids)).orderBy(asc(sources.id)).all();
        yield rows.map((s) => ({
          key: sourceKeys.ref(s.id),
          outlet: s.outlet,
          title: s.title,
          url: s.url,
          publishedOn: s.publishedOn,
          publishedOnApprox: s.publishedOnApprox,
          quote: s.quote,
          reliability: s.reliability,
          credibility: s.credibility,
          cites: sourceKeys.ref(s.citesSourceId),
        }));
      }
    })(),
  );

  yield* list('issues', [
    issueRows.map((i) => ({
      key: issueKeys.ref(i.id),
      title: i.title,
      description: i.description,
      status: i.status,
      priority: i.priority,
      keyDate: i.keyDate,
      keyDateLabel: i.keyDateLabel,
      sortOrder: i.sortOrder,
    })),
  ]);

  const roundIds = roundRows.map((r) => r.id);
  const agenda = groupBy(roundIds.length ? db.select().from(roundAgenda).where(inArray(roundAgenda.roundId, roundIds)).all() : [], (r) => r.roundId);
  const delegations = groupBy(
    roundIds.length ? db.select().from(roundDelegations).where(inArray(roundDelegations.roundId, roundIds)).all() : [],
    (r) => r.roundId,
  );
  const outcomeRows = groupBy(
    roundIds.length ? db.select().from(outcomes).where(inArray(outcomes.roundId, roundIds)).orderBy(asc(outcomes.id)).all() : [],
    (r) => r.roundId,
  );
  yield* list('rounds', [
    roundRows.map((r) => {
      const rowsOf = delegations.get(r.id) ?? [];
      const headOf = new Map(rowsOf.map((d) => [partyKeys.ref(d.partyId), d.head]));
      return {
        key: roundKeys.ref(r.id),
        sequence: r.sequence,
        name: r.name,
        venue: r.venue,
        startsOn: r.startsOn,
        endsOn: r.endsOn,
        approxDate: r.approxDate,
        format: r.format,
        status: r.status,
        summary: r.summary,
        agenda: issueKeys.list((agenda.get(r.id) ?? []).map((a) => a.issueId)),
        delegations: partyKeys.list(rowsOf.map((d) => d.partyId)).map((party) => ({ party, head: headOf.get(party) ?? '' })),
        outcomes: (outcomeRows.get(r.id) ?? []).map((o) => ({ issue: issueKeys.ref(o.issueId), text: o.text, source: sourceKeys.ref(o.sourceId) })),
      };
    }),
  ]);

  yield* list(
    'updates',
    (function* () {
      let after = 0;
      for (;;) {
        const rows = db
          .select()
          .from(updates)
          .where(and(eq(updates.negotiationId, nid), gt(updates.id, after)))
          .orderBy(asc(updates.id))
          .limit(BATCH)
          .all();
        if (!rows.length) return;
        after = rows[rows.length - 1].id;
        const ids = rows.map((r) => r.id);
        const byUpdate = <T extends { updateId: number }>(rows: T[]) => groupBy(rows, (l) => l.updateId);
        const li = byUpdate(db.select().from(updateIssues).where(inArray(updateIssues.updateId, ids)).all());
        const lp = byUpdate(db.select().from(updateParties).where(inArray(updateParties.updateId, ids)).all());
        const la = byUpdate(db.select().from(updateActors).where(inArray(updateActors.updateId, ids)).all());
        const ls = byUpdate(db.select().from(updateSources).where(inArray(updateSources.updateId, ids)).all());
        const targets = (m: Map<number, { targetId: number }[]>, id: number) => (m.get(id) ?? []).map((l) => l.targetId);
        yield rows.map((u) => ({
          key: updateKeys.ref(u.id),
          occurredOn: u.occurredOn,
          occurredTime: u.occurredTime,
          body: u.body,
          round: roundKeys.ref(u.roundId),
          issues: issueKeys.list(targets(li, u.id)),
          parties: partyKeys.list(targets(lp, u.id)),
          actors: actorKeys.list(targets(la, u.id)),
          sources: sourceKeys.list(targets(ls, u.id)),
        }));
      }
    })(),
  );

  yield* list(
    'positions',
    (function* () {
      for (const ids of chunked(positionKeys.ids)) {
        const rows = db.select().from(positions).where(inArray(positions.id, ids)).orderBy(asc(positions.id)).all();
        yield rows.map((p) => ({
          key: positionKeys.ref(p.id),
          issue: issueKeys.ref(p.issueId),
          party: partyKeys.ref(p.partyId),
          summary: p.summary,
          stance: p.stance,
          redLines: p.redLines,
          flexibility: p.flexibility,
          asOf: p.asOf,
          source: sourceKeys.ref(p.sourceId),
          round: roundKeys.ref(p.roundId),
          update: updateKeys.ref(p.updateId),
          supersedes: positionKeys.ref(p.supersedesId),
          isCurrent: p.isCurrent,
        }));
      }
    })(),
  );

  yield* list(
    'statusChanges',
    (function* () {
      let after = 0;
      for (;;) {
        const rows = db
          .select()
          .from(statusChanges)
          .where(and(inArray(statusChanges.issueId, issueIdsOf), gt(statusChanges.id, after)))
          .orderBy(asc(statusChanges.id))
          .limit(BATCH)
          .all();
        if (!rows.length) return;
        after = rows[rows.length - 1].id;
        yield rows.map((s) => ({
          issue: issueKeys.ref(s.issueId),
          from: s.fromStatus,
          to: s.toStatus,
          changedOn: s.changedOn,
          note: s.note,
          round: roundKeys.ref(s.roundId),
          update: updateKeys.ref(s.updateId),
          source: sourceKeys.ref(s.sourceId),
        }));
      }
    })(),
  );

  const homeworkRows = db.select().from(homework).where(eq(homework.negotiationId, nid)).orderBy(asc(homework.id)).all();
  const owners = groupBy(db.select().from(homeworkOwners).where(inArray(homeworkOwners.homeworkId, homeworkIdsOf)).all(), (o) => o.homeworkId);
  yield* list('homework', [
    homeworkRows.map((h) => ({
      title: h.title,
      description: h.description,
      issue: issueKeys.ref(h.issueId),
      assignedRound: roundKeys.ref(h.assignedRoundId),
      dueRound: roundKeys.ref(h.dueRoundId),
      dueOn: h.dueOn,
      status: h.status,
      resolution: h.resolution,
      vague: h.vague,
      owners: partyKeys.list((owners.get(h.id) ?? []).map((o) => o.partyId)),
    })),
  ]);

  const corroborationLinks = db
    .select({ corroborationId: corroborationUpdates.corroborationId, updateId: corroborationUpdates.updateId })
    .from(corroborationUpdates)
    .where(inArray(corroborationUpdates.updateId, updateIdsOf))
    .all();
  const byCorroboration = groupBy(corroborationLinks, (l) => l.corroborationId);
  const corroborationRows = byCorroboration.size
    ? db.select().from(corroborations).where(inArray(corroborations.id, [...byCorroboration.keys()])).orderBy(asc(corroborations.id)).all()
    : [];
  yield* list('corroborations', [
    corroborationRows.map((c) => ({
      label: c.label,
      consistent: c.consistent,
      note: c.note,
      updates: updateKeys.list((byCorroboration.get(c.id) ?? []).map((l) => l.updateId)),
    })),
  ]);

  const convergenceRows = db.select().from(convergence).where(inArray(convergence.roundId, roundIdsOf)).all();
  const issueIndex = new Map(issueRows.map((r, i) => [r.id, i]));
  const roundSequence = new Map(roundRows.map((r) => [r.id, r.sequence]));
  yield* list(
    'convergence',
    [
      convergenceRows
        .filter((c) => issueIndex.has(c.issueId))
        .sort((a, b) => issueIndex.get(a.issueId)! - issueIndex.get(b.issueId)! || roundSequence.get(a.roundId)! - roundSequence.get(b.roundId)!)
        .map((c) => ({ issue: issueKeys.ref(c.issueId), round: roundKeys.ref(c.roundId), distance: c.distance, note: c.note })),
    ],
    true,
  );
  yield '}\n';
}

