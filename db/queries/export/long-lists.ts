// The export's lists that grow with the negotiation (sources, updates, positions, status changes):
// read in batches (./stream.ts) with statements prepared once per export.
import type { ExportContext } from './keys';
import { writeWhen } from '@/lib/interchange/schema';
import { storedDate } from '@/lib/partial-date';
import { idBatches, keysetBatches, mapBatches, type Batches } from './stream';

const OF_NEGOTIATION_ISSUES = '+issue_id IN (SELECT id FROM issues WHERE negotiation_id = ?)';

/**
 * The outlets the exported sources come from, in the order their first source is listed, each with its grade and its
 * gradings, oldest first (an undated one first of all: its day is not known).
 */
export function outletRecords({ db, sourceIds }: ExportContext): Batches<object> {
  const outlets = db.$client
    .prepare(
      `SELECT o.id, o.name, o.reliability FROM outlets o JOIN cited_sources s ON s.outlet_id = o.id
        WHERE s.id IN (SELECT value FROM json_each(?)) GROUP BY o.id ORDER BY min(s.id)`,
    )
    .all(JSON.stringify(sourceIds)) as { id: number; name: string; reliability: string }[];
  const gradings = db.$client.prepare(
    `SELECT reliability, graded_on "on", note FROM outlet_gradings WHERE outlet_id = ? ORDER BY graded_on IS NOT NULL, graded_on, id`,
  );
  return [outlets.map((o) => ({ name: o.name, reliability: o.reliability, gradings: gradings.all(o.id) }))];
}

export function sourceRecords({ db, sourceIds, keys }: ExportContext): Batches<object> {
  const byIds = db.$client.prepare(
    `SELECT c.id, c.article_id, c.outlet, c.title, c.url, c.published_on, c.published_on_precision, c.published_on_label, c.quote, c.reliability,
            c.credibility, c.cites_source_id, a.archived_text, a.archived_at, a.archived_sha256
     FROM cited_sources c JOIN articles a ON a.id = c.article_id WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`,
  );
  // An article's archived copy goes once, with the first of its quotes exported.
  const archived = new Set<number>();
  const archiveOf = (s: SourceRow) => {
    if (s.archived_text === null || s.archived_at === null || s.archived_sha256 === null || archived.has(s.article_id)) return {};
    archived.add(s.article_id);
    return { archive: { text: s.archived_text, capturedAt: s.archived_at, sha256: s.archived_sha256 } };
  };
  return mapBatches(idBatches<SourceRow>(byIds, sourceIds), (s) => ({
    key: keys.source.ref(s.id),
    outlet: s.outlet,
    title: s.title,
    url: s.url,
    publishedOn: writeWhen(storedDate(s.published_on, s.published_on_precision, s.published_on_label)),
    quote: s.quote,
    reliability: s.reliability,
    credibility: s.credibility,
    cites: keys.source.ref(s.cites_source_id),
    ...archiveOf(s),
  }));
}

type Link = { u: number; t: number };

/** Each update with the issues, parties, actors and sources it names, the links read for each batch's own updates. */
export function* updateRecords({ db, negotiationId, keys }: ExportContext): Generator<object[]> {
  const linksOf = (table: string, column: string) =>
    db.$client.prepare(
      // The batch's own updates by index seek: a range of ids would also bring back every other
      // negotiation's links in it, nine rows in ten on a large instance.
      `SELECT update_id AS u, ${column} AS t FROM ${table} WHERE update_id IN (SELECT value FROM json_each(?))`,
    );
  const statements = {
    issues: linksOf('update_issues', 'issue_id'),
    parties: linksOf('update_parties', 'party_id'),
    actors: linksOf('update_actors', 'actor_id'),
    sources: linksOf('update_sources', 'source_id'),
  };
  for (const rows of keysetBatches<UpdateRow>(db, 'id, occurred_on, occurred_on_precision, occurred_on_label, occurred_time, body, round_id, unsourced', 'updates', '+negotiation_id = ?', negotiationId)) {
    const ids = JSON.stringify(rows.map((u) => u.id));
    const linked = (name: keyof typeof statements) => targetsByUpdate(statements[name].all(ids) as Link[]);
    const [issues, parties, actors, sources] = [linked('issues'), linked('parties'), linked('actors'), linked('sources')];
    yield rows.map((u) => ({
      key: keys.update.ref(u.id),
      occurredOn: writeWhen(storedDate(u.occurred_on, u.occurred_on_precision, u.occurred_on_label)),
      occurredTime: u.occurred_time,
      body: u.body,
      round: keys.round.ref(u.round_id),
      issues: keys.issue.list(issues.get(u.id) ?? []),
      parties: keys.party.list(parties.get(u.id) ?? []),
      actors: keys.actor.list(actors.get(u.id) ?? []),
      sources: keys.source.list(sources.get(u.id) ?? []),
      ...(u.unsourced ? { unsourced: true } : {}),
    }));
  }
}

function targetsByUpdate(links: Link[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const l of links) {
    const list = map.get(l.u);
    if (list) list.push(l.t);
    else map.set(l.u, [l.t]);
  }
  return map;
}

export function positionRecords({ db, negotiationId, keys }: ExportContext): Batches<object> {
  const columns = 'id, issue_id, party_id, summary, stance, red_lines, flexibility, as_of, source_id, round_id, update_id, supersedes_id, is_current';
  return mapBatches(keysetBatches<PositionRow>(db, columns, 'positions', OF_NEGOTIATION_ISSUES, negotiationId), (p) => ({
    key: keys.position.ref(p.id),
    issue: keys.issue.ref(p.issue_id),
    party: keys.party.ref(p.party_id),
    summary: p.summary,
    stance: p.stance,
    redLines: p.red_lines,
    flexibility: p.flexibility,
    asOf: p.as_of,
    source: keys.source.ref(p.source_id),
    round: keys.round.ref(p.round_id),
    update: keys.update.ref(p.update_id),
    supersedes: keys.position.ref(p.supersedes_id),
    isCurrent: p.is_current === 1,
  }));
}

export function statusChangeRecords({ db, negotiationId, keys }: ExportContext): Batches<object> {
  const columns = 'id, issue_id, from_status, to_status, changed_on, note, round_id, update_id, source_id';
  return mapBatches(keysetBatches<StatusRow>(db, columns, 'status_changes', OF_NEGOTIATION_ISSUES, negotiationId), (s) => ({
    issue: keys.issue.ref(s.issue_id),
    from: s.from_status,
    to: s.to_status,
    changedOn: s.changed_on,
    note: s.note,
    round: keys.round.ref(s.round_id),
    update: keys.update.ref(s.update_id),
    source: keys.source.ref(s.source_id),
  }));
}

type SourceRow = {
  id: number;
  article_id: number;
  outlet: string;
  title: string;
  url: string | null;
  published_on: string | null;
  published_on_precision: string;
  published_on_label: string;
  quote: string;
  reliability: string;
  credibility: number;
  cites_source_id: number | null;
  archived_text: string | null;
  archived_at: string | null;
  archived_sha256: string | null;
};
type UpdateRow = { id: number; occurred_on: string; occurred_on_precision: string; occurred_on_label: string; occurred_time: string | null; body: string; round_id: number | null; unsourced: number };
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
