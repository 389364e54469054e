import type { DB } from '@/db';
import { IN_VISIBLE, SOURCE_SEEN, scopeParams, sees, type ReaderScope } from './access';
import { toFtsQuery } from '@/lib/search-query';

// The type-ahead that finds a source to cite (docs/decisions/0023): quotes the reader sees, by their outlet,
// their article's title or URL, or their words, through the search index that already holds all three; each
// with the updates of this negotiation that cite it already, so the form can warn before it is cited twice.

export type CitableQuote = {
  id: number;
  articleId: number;
  outlet: string;
  title: string;
  url: string | null;
  publishedOn: string | null;
  publishedOnPrecision: string;
  publishedOnLabel: string;
  reliability: string;
  credibility: number;
  quote: string;
  /** The updates of the negotiation being written in that cite this quote already, oldest first. */
  citedIn: number[];
};

export type CitableArticle = Omit<CitableQuote, 'id' | 'articleId' | 'credibility' | 'quote' | 'citedIn'> & { id: number; quotes: number };

export type CitableMatches = { quotes: CitableQuote[]; articles: CitableArticle[] };

const QUOTE_COLUMNS = `s.id, s.article_id articleId, s.outlet, s.title, s.url, s.published_on publishedOn, s.published_on_precision publishedOnPrecision,
  s.published_on_label publishedOnLabel, s.reliability, s.credibility, s.quote`;

/**
 * What `text` finds among the sources the reader sees: the quotes (best first, at most `limit`) and the articles
 * they come from. `negotiationId` is the negotiation the form writes in: a quote's `citedIn` lists its updates
 * there (none when the reader does not see it).
 */
export function findCitable(db: DB, scope: ReaderScope, text: string, negotiationId: number | null, limit = 12): CitableMatches {
  const match = toFtsQuery(text);
  const url = text.trim();
  if (!match && !url) return { quotes: [], articles: [] };
  const c = db.$client;
  const byWords = match
    ? (c
        .prepare(
          `SELECT ref_id id FROM search_index WHERE search_index MATCH @match AND kind = 'source' AND ${IN_VISIBLE('ref_id', SOURCE_SEEN)}
            ORDER BY rank LIMIT @limit`,
        )
        .pluck()
        .all({ match, limit, ...scopeParams(scope) }) as number[])
    : [];
  // A pasted address finds its article's quotes, which the words of the index cannot.
  const byUrl = /^https?:\/\//i.test(url)
    ? (c
        .prepare(`SELECT s.id FROM sources s JOIN articles a ON a.id = s.article_id WHERE a.url = @url AND ${IN_VISIBLE('s.id', SOURCE_SEEN)} ORDER BY s.id DESC LIMIT @limit`)
        .pluck()
        .all({ url, limit, ...scopeParams(scope) }) as number[])
    : [];
  const ids = [...new Set([...byUrl, ...byWords])].slice(0, limit);
  if (ids.length === 0) return { quotes: [], articles: [] };
  const rows = c
    .prepare(`SELECT ${QUOTE_COLUMNS} FROM cited_sources s WHERE s.id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as Omit<CitableQuote, 'citedIn'>[];
  const order = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
  const cited = citedIn(db, scope, negotiationId, ids);
  const quotes = rows.map((r) => ({ ...r, citedIn: cited.get(r.id) ?? [] }));
  const articles = new Map<number, CitableArticle>();
  for (const q of quotes) {
    const known = articles.get(q.articleId);
    if (known) known.quotes += 1;
    else {
      const { id: _id, articleId, credibility: _c, quote: _q, citedIn: _ci, ...article } = q;
      articles.set(articleId, { ...article, id: articleId, quotes: 1 });
    }
  }
  return { quotes, articles: [...articles.values()] };
}

/** The updates of the negotiation that cite each of these quotes; nothing for a negotiation the reader does not see. */
function citedIn(db: DB, scope: ReaderScope, negotiationId: number | null, ids: readonly number[]): Map<number, number[]> {
  const cited = new Map<number, number[]>();
  if (negotiationId === null || !sees(scope, negotiationId)) return cited;
  const links = db.$client
    .prepare(
      `SELECT us.source_id s, us.update_id u FROM update_sources us JOIN updates u ON u.id = us.update_id
        WHERE u.negotiation_id = ? AND us.source_id IN (SELECT value FROM json_each(?)) ORDER BY us.update_id`,
    )
    .all(negotiationId, JSON.stringify(ids)) as { s: number; u: number }[];
  for (const l of links) cited.set(l.s, [...(cited.get(l.s) ?? []), l.u]);
  return cited;
}

/** The sources an update cites now, as the type-ahead shows them, to start its edit form from. */
export function citableByIds(db: DB, scope: ReaderScope, ids: readonly number[], negotiationId: number | null): CitableQuote[] {
  if (ids.length === 0) return [];
  const c = db.$client;
  const rows = c
    .prepare(`SELECT ${QUOTE_COLUMNS} FROM cited_sources s WHERE s.id IN (SELECT value FROM json_each(@ids)) AND ${IN_VISIBLE('s.id', SOURCE_SEEN)} ORDER BY s.id`)
    .all({ ids: JSON.stringify(ids), ...scopeParams(scope) }) as Omit<CitableQuote, 'citedIn'>[];
  const cited = citedIn(db, scope, negotiationId, ids);
  return rows.map((r) => ({ ...r, citedIn: cited.get(r.id) ?? [] }));
}
