import type { DB } from '@/db';
import { MARK_END, MARK_START, markWordForms, searchWords, toFtsQuery, type SearchFilters, type SearchKind } from '@/lib/search-query';
import { holdsEveryWord } from '@/lib/word-forms';
import type { Target } from '@/lib/links';
import { markdownToText } from '@/lib/markdown';
import { ARTICLE_SEEN, IN_SCOPE, IN_VISIBLE, scopeParams, SOURCE_SEEN, type ReaderScope } from './access';

export type SearchHit = {
  kind: SearchKind;
  id: number;
  title: string;
  snippet: string;
  target: Target | null;
  date: string | null;
  negotiationId: number | null;
};

type Facts = { date: string | null; issueIds: number[]; partyIds: number[]; roundId: number | null; authorId: number | null; reliability: string | null; target: Target | null };

const CANDIDATES = 400;

/**
 * Full-text search across the negotiations the reader sees, and the actors and sources seen through them
 * (db/queries/access.ts): what they may not see is never a candidate, so no count or hit tells of it. FTS5 ranks the candidates
 * (exact words first, lib/word-forms.ts); the filters are then applied to facts fetched for all candidates at once
 * (one query per kind, never per row). Highlights and
 * snippets re-read each document, so they are made in one last query for the hits shown only.
 */
export function search(db: DB, scope: ReaderScope, text: string, filters: SearchFilters = {}, limit = 50): SearchHit[] {
  const match = toFtsQuery(text);
  if (!match) return [];
  const words = searchWords(text);
  const c = db.$client;
  const rows = c
    .prepare(
      `SELECT rowid, kind, ref_id AS id, negotiation_id AS negotiationId, title, body
         FROM search_index
        WHERE search_index MATCH @match ${filters.kind ? 'AND kind = @kind' : ''}
          AND CASE kind WHEN 'source' THEN ${IN_VISIBLE('ref_id', SOURCE_SEEN)} WHEN 'article' THEN ${IN_VISIBLE('ref_id', ARTICLE_SEEN)} ELSE ${IN_SCOPE('negotiation_id')} END
        ORDER BY rank LIMIT @limit`,
    )
    .all({ match, ...(filters.kind ? { kind: filters.kind } : {}), limit: Math.max(CANDIDATES, limit), ...scopeParams(scope) }) as Candidate[];
  // An exact word ahead of a word found through its stem only ("Пескова" before "Песков"), FTS5's rank within each.
  const exact = new Set(rows.filter((r) => holdsEveryWord(`${r.title} ${r.body}`, words)).map((r) => r.rowid));
  const ranked = [...rows.filter((r) => exact.has(r.rowid)), ...rows.filter((r) => !exact.has(r.rowid)), ...taggedUpdates(db, scope, match, rows, filters)];
  const facts = factsFor(db, scope, ranked);
  const kept: { row: Candidate; facts: Facts }[] = [];
  for (const row of ranked) {
    const f = facts.get(`${row.kind}:${row.id}`);
    if (!f || !passes(row, f, filters)) continue;
    kept.push({ row, facts: f });
    if (kept.length >= limit) break;
  }
  if (kept.length === 0) return [];
  const marks = new Map(
    (
      c
        .prepare(
          `SELECT rowid, highlight(search_index, 3, ?, ?) AS title, snippet(search_index, 4, ?, ?, '…', 24) AS snippet
             FROM search_index WHERE search_index MATCH ? AND rowid IN (${placeholders(kept.length)})`,
        )
        .all(MARK_START, MARK_END, MARK_START, MARK_END, match, ...kept.map((k) => k.row.rowid)) as { rowid: number; title: string; snippet: string }[]
    ).map((m) => [m.rowid, m]),
  );
  return kept.map(({ row, facts: f }) => {
    const marked = marks.get(row.rowid);
    // A tagged update need not hold the words: it shows its opening words instead of a snippet around them.
    const snippet = marked?.snippet ?? opening(row.body);
    return {
      kind: row.kind,
      id: row.id,
      negotiationId: row.negotiationId,
      title: markWordForms(marked?.title ?? row.title, words),
      // Bodies are Markdown: a result shows their words, never their markup (the highlight marks are text to the parser).
      snippet: markWordForms(markdownToText(snippet).replace(/\s+/g, ' '), words),
      date: f.date,
      target: f.target,
    };
  });
}

type Candidate = { rowid: number; kind: SearchKind; id: number; negotiationId: number | null; title: string; body: string };

const OPENING_WORDS = 24;

function opening(body: string): string {
  const words = body.split(/\s+/);
  return words.length > OPENING_WORDS ? `${words.slice(0, OPENING_WORDS).join(' ')}…` : body;
}

/**
 * Searching a person's name also finds the updates tagged with them, though their text may not name them:
 * the people are those whose actor entries (in negotiations the reader sees) the words match, the updates
 * those the reader sees, newest first, after the hits of the text itself.
 */
function taggedUpdates(db: DB, scope: ReaderScope, match: string, found: Candidate[], filters: SearchFilters): Candidate[] {
  if (filters.kind && filters.kind !== 'update') return [];
  const already = new Set(found.filter((r) => r.kind === 'update').map((r) => r.id));
  const tagged = db.$client
    .prepare(
      `SELECT s.rowid, 'update' AS kind, u.id, u.negotiation_id AS negotiationId, s.title, s.body
         FROM updates u JOIN search_index s ON s.rowid = u.id * 8 + 1
        WHERE u.id IN (SELECT ua.update_id FROM update_actors ua JOIN affiliations af ON af.actor_id = ua.actor_id
                        WHERE af.id IN (SELECT ref_id FROM search_index WHERE search_index MATCH @match AND kind = 'actor'
                                           AND ${IN_SCOPE('negotiation_id')}))
          AND ${IN_SCOPE('u.negotiation_id')}
        ORDER BY u.occurred_on DESC, u.id DESC LIMIT @limit`,
    )
    .all({ match, limit: CANDIDATES, ...scopeParams(scope) }) as Candidate[];
  return tagged.filter((r) => !already.has(r.id));
}

function passes(row: { negotiationId: number | null }, f: Facts, filters: SearchFilters): boolean {
  if (filters.negotiationId && row.negotiationId !== filters.negotiationId) return false;
  if (filters.issueId && !f.issueIds.includes(filters.issueId)) return false;
  if (filters.partyId && !f.partyIds.includes(filters.partyId)) return false;
  if (filters.roundId && f.roundId !== filters.roundId) return false;
  if (filters.authorId && f.authorId !== filters.authorId) return false;
  if (filters.from && (!f.date || f.date < filters.from)) return false;
  if (filters.to && (!f.date || f.date > filters.to)) return false;
  if (filters.reliability && (!f.reliability || f.reliability > filters.reliability)) return false;
  return true;
}

function ids(rows: { kind: string; id: number }[], kind: SearchKind): number[] {
  return rows.filter((r) => r.kind === kind).map((r) => r.id);
}

function placeholders(n: number) {
  return Array(n).fill('?').join(',');
}

function groupIds(rows: { key: number; value: number }[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const r of rows) map.set(r.key, [...(map.get(r.key) ?? []), r.value]);
  return map;
}

function factsFor(db: DB, scope: ReaderScope, rows: { kind: string; id: number }[]): Map<string, Facts> {
  const c = db.$client;
  const out = new Map<string, Facts>();
  const all = <T>(sql: string, params: number[]) => (params.length ? (c.prepare(sql).all(...params) as T[]) : []);

  const updateIds = ids(rows, 'update');
  if (updateIds.length) {
    const p = placeholders(updateIds.length);
    const issueLinks = groupIds(all(`SELECT update_id key, issue_id value FROM update_issues WHERE update_id IN (${p})`, updateIds));
    const partyLinks = groupIds(all(`SELECT update_id key, party_id value FROM update_parties WHERE update_id IN (${p})`, updateIds));
    const best = new Map(
      all<{ id: number; r: string }>(
        `SELECT us.update_id id, min(s.reliability) r FROM update_sources us JOIN cited_sources s ON s.id = us.source_id WHERE us.update_id IN (${p}) GROUP BY us.update_id`,
        updateIds,
      ).map((r) => [r.id, r.r]),
    );
    for (const u of all<{ id: number; date: string; roundId: number | null; authorId: number }>(
      `SELECT id, occurred_on date, round_id roundId, author_id authorId FROM updates WHERE id IN (${p})`,
      updateIds,
    )) {
      out.set(`update:${u.id}`, {
        date: u.date,
        issueIds: issueLinks.get(u.id) ?? [],
        partyIds: partyLinks.get(u.id) ?? [],
        roundId: u.roundId,
        authorId: u.authorId,
        reliability: best.get(u.id) ?? null,
        target: { to: 'update', id: u.id },
      });
    }
  }

  const positionIds = ids(rows, 'position');
  for (const p of all<{ id: number; issueId: number; partyId: number; date: string; roundId: number | null; authorId: number | null; reliability: string | null }>(
    `SELECT p.id, p.issue_id issueId, p.party_id partyId, p.as_of date, p.round_id roundId, p.created_by authorId, s.reliability
       FROM positions p LEFT JOIN cited_sources s ON s.id = p.source_id WHERE p.id IN (${placeholders(positionIds.length)})`,
    positionIds,
  )) {
    out.set(`position:${p.id}`, { ...p, issueIds: [p.issueId], partyIds: [p.partyId], target: { to: 'position', id: p.id, issueId: p.issueId } });
  }

  const homeworkIds = ids(rows, 'homework');
  if (homeworkIds.length) {
    const p = placeholders(homeworkIds.length);
    const owners = groupIds(all(`SELECT homework_id key, party_id value FROM homework_owners WHERE homework_id IN (${p})`, homeworkIds));
    for (const h of all<{ id: number; issueId: number | null; date: string; roundId: number | null; authorId: number | null }>(
      `SELECT id, issue_id issueId, coalesce(due_on, substr(created_at, 1, 10)) date, assigned_round_id roundId, created_by authorId FROM homework WHERE id IN (${p})`,
      homeworkIds,
    )) {
      out.set(`homework:${h.id}`, {
        date: h.date,
        issueIds: h.issueId ? [h.issueId] : [],
        partyIds: owners.get(h.id) ?? [],
        roundId: h.roundId,
        authorId: h.authorId,
        reliability: null,
        target: { to: 'homework', id: h.id },
      });
    }
  }

  const issueIds = ids(rows, 'issue');
  for (const i of all<{ id: number; date: string | null; authorId: number | null }>(
    `SELECT id, key_date date, created_by authorId FROM issues WHERE id IN (${placeholders(issueIds.length)})`,
    issueIds,
  )) {
    out.set(`issue:${i.id}`, { date: i.date, issueIds: [i.id], partyIds: [], roundId: null, authorId: i.authorId, reliability: null, target: { to: 'issue', id: i.id } });
  }

  // An actor is indexed by affiliation (a person speaking for a party in one negotiation): the hit is the affiliation, its target the person.
  const affiliationIds = ids(rows, 'actor');
  for (const a of all<{ id: number; actorId: number; partyId: number | null }>(
    `SELECT id, actor_id actorId, party_id partyId FROM affiliations WHERE id IN (${placeholders(affiliationIds.length)})`,
    affiliationIds,
  )) {
    out.set(`actor:${a.id}`, { date: null, issueIds: [], partyIds: a.partyId ? [a.partyId] : [], roundId: null, authorId: null, reliability: null, target: { to: 'actor', id: a.actorId } });
  }

  const roundIds = ids(rows, 'round');
  for (const r of all<{ id: number; date: string | null; authorId: number | null }>(
    `SELECT id, starts_on date, created_by authorId FROM rounds WHERE id IN (${placeholders(roundIds.length)})`,
    roundIds,
  )) {
    out.set(`round:${r.id}`, { date: r.date, issueIds: [], partyIds: [], roundId: r.id, authorId: r.authorId, reliability: null, target: { to: 'round', id: r.id } });
  }

  const sourceIds = ids(rows, 'source');
  // A source found leads to the first update citing it that the reader sees.
  const sourceRows = sourceIds.length
    ? (c
        .prepare(
          `SELECT s.id, s.published_on date, s.reliability, s.created_by authorId,
                  (SELECT min(us.update_id) FROM update_sources us JOIN updates u ON u.id = us.update_id
                    WHERE us.source_id = s.id AND ${IN_SCOPE('u.negotiation_id')}) updateId
             FROM cited_sources s WHERE s.id IN (${placeholders(sourceIds.length)})`,
        )
        .all(...sourceIds, scopeParams(scope)) as { id: number; date: string | null; reliability: string; authorId: number | null; updateId: number | null }[])
    : [];
  for (const s of sourceRows) {
    out.set(`source:${s.id}`, {
      date: s.date,
      issueIds: [],
      partyIds: [],
      roundId: null,
      authorId: s.authorId,
      reliability: s.reliability,
      target: s.updateId ? { to: 'update', id: s.updateId } : null,
    });
  }

  // An article found by its archived copy (the capture keeps one) leads to the article's page, the copy on it.
  for (const a of all<{ id: number; date: string | null; reliability: string; authorId: number | null }>(
    `SELECT id, published_on date, reliability, created_by authorId FROM articles WHERE id IN (${placeholders(ids(rows, 'article').length)})`,
    ids(rows, 'article'),
  )) {
    out.set(`article:${a.id}`, { date: a.date, issueIds: [], partyIds: [], roundId: null, authorId: a.authorId, reliability: a.reliability, target: { to: 'article', id: a.id } });
  }
  return out;
}
