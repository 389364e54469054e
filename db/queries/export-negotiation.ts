import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { DB } from '@/db';
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
  updates,
} from '@/db/schema';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, SCHEMA_URL } from '@/lib/interchange/schema';
import { groupBy } from '@/lib/group-by';

// The JSON interchange export (lib/interchange/schema.ts), written as a stream of text chunks.
// The large lists (updates, positions, sources, status changes) are read in keyset batches over the
// primary key (`+column` keeps SQLite from choosing another index and sorting every batch), so
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

  // The bulky lists use statements prepared once per export: drizzle prepares one per call,
  // which is most of the time of a large export.
  const client = db.$client;
  const sourcesByIds = client.prepare(
    `SELECT id, outlet, title, url, published_on, published_on_approx, quote, reliability, credibility, cites_source_id
     FROM sources WHERE id IN (SELECT value FROM json_each(?)) ORDER BY id`,
  );
  const sourcesIn = (ids: number[]) => sourcesByIds.all(JSON.stringify(ids)) as SourceRow[];
  yield* list(
    'sources',
    (function* () {
      for (const ids of chunked(sourceIds.map((s) => s.id))) {
        yield sourcesIn(ids).map((s) => ({
          key: sourceKeys.ref(s.id),
          outlet: s.outlet,
          title: s.title,
          url: s.url,
          publishedOn: s.published_on,
          publishedOnApprox: s.published_on_approx === 1,
          quote: s.quote,
          reliability: s.reliability,
          credibility: s.credibility,
          cites: sourceKeys.ref(s.cites_source_id),
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

  const updatePage = client.prepare(
    `SELECT id, occurred_on, occurred_time, body, round_id FROM updates WHERE id > ? AND +negotiation_id = ? ORDER BY id LIMIT ${BATCH}`,
  );
  const linksOf = (table: string, column: string) =>
    client.prepare(
      // The batch's own updates by index seek: a range of ids would also bring back every other
      // negotiation's links in it, nine rows in ten on a large instance.
      `SELECT update_id AS u, ${column} AS t FROM ${table} WHERE update_id IN (SELECT value FROM json_each(?))`,
    );
  const linkStatements = {
    issues: linksOf('update_issues', 'issue_id'),
    parties: linksOf('update_parties', 'party_id'),
    actors: linksOf('update_actors', 'actor_id'),
    sources: linksOf('update_sources', 'source_id'),
  };
  yield* list(
    'updates',
    (function* () {
      let after = 0;
      for (;;) {
        const rows = updatePage.all(after, nid) as UpdateRow[];
        if (!rows.length) return;
        after = rows[rows.length - 1].id;
        const ids = JSON.stringify(rows.map((u) => u.id));
        const links = (name: keyof typeof linkStatements) => {
          const map = new Map<number, number[]>();
          for (const l of linkStatements[name].all(ids) as { u: number; t: number }[]) {
            const list = map.get(l.u);
            if (list) list.push(l.t);
            else map.set(l.u, [l.t]);
          }
          return map;
        };
        const li = links('issues');
        const lp = links('parties');
        const la = links('actors');
        const ls = links('sources');
        yield rows.map((u) => ({
          key: updateKeys.ref(u.id),
          occurredOn: u.occurred_on,
          occurredTime: u.occurred_time,
          body: u.body,
          round: roundKeys.ref(u.round_id),
          issues: issueKeys.list(li.get(u.id) ?? []),
          parties: partyKeys.list(lp.get(u.id) ?? []),
          actors: actorKeys.list(la.get(u.id) ?? []),
          sources: sourceKeys.list(ls.get(u.id) ?? []),
        }));
      }
    })(),
  );

  const positionPage = client.prepare(
    `SELECT id, issue_id, party_id, summary, stance, red_lines, flexibility, as_of, source_id, round_id, update_id, supersedes_id, is_current
     FROM positions WHERE id > ? AND +issue_id IN (SELECT id FROM issues WHERE negotiation_id = ?) ORDER BY id LIMIT ${BATCH}`,
  );
  yield* list(
    'positions',
    (function* () {
      let after = 0;
      for (;;) {
        const rows = positionPage.all(after, nid) as PositionRow[];
        if (!rows.length) return;
        after = rows[rows.length - 1].id;
        yield rows.map((p) => ({
          key: positionKeys.ref(p.id),
          issue: issueKeys.ref(p.issue_id),
          party: partyKeys.ref(p.party_id),
          summary: p.summary,
          stance: p.stance,
          redLines: p.red_lines,
          flexibility: p.flexibility,
          asOf: p.as_of,
          source: sourceKeys.ref(p.source_id),
          round: roundKeys.ref(p.round_id),
          update: updateKeys.ref(p.update_id),
          supersedes: positionKeys.ref(p.supersedes_id),
          isCurrent: p.is_current === 1,
        }));
      }
    })(),
  );

  const statusPage = client.prepare(
    `SELECT id, issue_id, from_status, to_status, changed_on, note, round_id, update_id, source_id
     FROM status_changes WHERE id > ? AND +issue_id IN (SELECT id FROM issues WHERE negotiation_id = ?) ORDER BY id LIMIT ${BATCH}`,
  );
  yield* list(
    'statusChanges',
    (function* () {
      let after = 0;
      for (;;) {
        const rows = statusPage.all(after, nid) as StatusRow[];
        if (!rows.length) return;
        after = rows[rows.length - 1].id;
        yield rows.map((s) => ({
          issue: issueKeys.ref(s.issue_id),
          from: s.from_status,
          to: s.to_status,
          changedOn: s.changed_on,
          note: s.note,
          round: roundKeys.ref(s.round_id),
          update: updateKeys.ref(s.update_id),
          source: sourceKeys.ref(s.source_id),
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


type SourceRow = {
  id: number;
  outlet: string;
  title: string;
  url: string | null;
  published_on: string | null;
  published_on_approx: number;
  quote: string;
  reliability: string;
  credibility: number;
  cites_source_id: number | null;
};
type UpdateRow = { id: number; occurred_on: string; occurred_time: string | null; body: string; round_id: number | null };
type PositionRow = {
  id: number;
  issue_id: number;
  party_id: number;
  summary: string;
  stance: string;
  red_lines: string;
  flexibility: string;
  as_of: string;
  source_id: number | null;
  round_id: number | null;
  update_id: number | null;
  supersedes_id: number | null;
  is_current: number;
};
type StatusRow = {
  id: number;
  issue_id: number;
  from_status: string | null;
  to_status: string;
  changed_on: string;
  note: string;
  round_id: number | null;
  update_id: number | null;
  source_id: number | null;
};
