import { and, eq, sql } from 'drizzle-orm';
import { articles, outletGradings, outlets, sources } from '@/db/schema';
import { clientOf, type Executor } from '@/db/types';
import { ARTICLE_SEEN, IN_VISIBLE, readerScope, scopeParams } from '@/db/queries/access';
import { recordAudit } from './audit';
import { assertCanCite } from './write-access';
import { todayIso } from '@/lib/dates';
import { NotFoundError } from '@/lib/errors';
import { findSameArticle } from '@/lib/same-article';
import type { NewArticleSource, NewSource } from '@/lib/validation/sources';
import type { CurrentUser } from '@/lib/roles';
import type { Reliability } from '@/lib/domain';

/** The outlet of that name, whatever its case, or a new one graded as typed (its first grading, dated today). */
export function findOrCreateOutlet(tx: Executor, user: CurrentUser, name: string, reliability: Reliability, negotiationId: number | null): { id: number; created: boolean } {
  const known = tx
    .select({ id: outlets.id })
    .from(outlets)
    .where(sql`lower(${outlets.name}) = lower(${name.trim()})`)
    .get();
  if (known) return { id: known.id, created: false };
  const row = tx.insert(outlets).values({ name: name.trim(), reliability, createdBy: user.id }).returning({ id: outlets.id }).get();
  tx.insert(outletGradings).values({ outletId: row.id, reliability, gradedOn: todayIso(), note: 'Graded when first cited.', createdBy: user.id }).run();
  recordAudit(tx, { userId: user.id, action: 'create', entity: 'outlet', entityId: row.id, negotiationId, after: { name: name.trim(), reliability } });
  return { id: row.id, created: true };
}

/**
 * The article a typed source names (lib/same-article.ts) among its outlet's that the writer can see, or a new one.
 * An article seen only through a restricted negotiation's quotes is not offered to one outside it: they get their own.
 */
function findOrCreateArticle(tx: Executor, user: CurrentUser, outletId: number, input: NewArticleSource, negotiationId: number): number {
  const title = input.title.trim();
  const url = input.url?.trim() || null;
  const candidates = tx
    .select({ id: articles.id, title: articles.title, url: articles.url, publishedOn: articles.publishedOn, reliability: articles.reliability })
    .from(articles)
    .where(
      and(
        eq(articles.outletId, outletId),
        url ? eq(articles.url, url) : title ? sql`lower(trim(${articles.title})) = lower(${title})` : and(eq(articles.title, ''), sql`${articles.url} IS NULL`),
      ),
    )
    .all();
  const visible = seenArticles(tx, user, candidates.map((c) => c.id));
  const same = findSameArticle(candidates.filter((c) => visible.has(c.id)), { title, url, publishedOn: input.publishedOn, reliability: input.reliability });
  if (same) return same.id;
  const row = tx
    .insert(articles)
    .values({ outletId, title, url, publishedOn: input.publishedOn, reliability: input.reliability, createdBy: user.id })
    .returning({ id: articles.id })
    .get();
  recordAudit(tx, { userId: user.id, action: 'create', entity: 'article', entityId: row.id, negotiationId, after: { outletId, title, url, publishedOn: input.publishedOn, reliability: input.reliability } });
  return row.id;
}

/** Of these articles, those the writer can see (db/queries/access.ts ARTICLE_SEEN). */
function seenArticles(tx: Executor, user: CurrentUser, ids: number[]): Set<number> {
  if (ids.length === 0) return new Set();
  const rows = clientOf(tx)
    .prepare(`SELECT a.id FROM articles a WHERE a.id IN (SELECT value FROM json_each(@ids)) AND ${IN_VISIBLE('a.id', ARTICLE_SEEN)}`)
    .all({ ids: JSON.stringify(ids), ...scopeParams(readerScope(tx, user)) }) as { id: number }[];
  return new Set(rows.map((r) => r.id));
}

/** An article a new quote is taken from must exist and be one the writer can see. */
export function assertArticleSeen(tx: Executor, user: CurrentUser, articleId: number): void {
  if (!seenArticles(tx, user, [articleId]).has(articleId)) throw new NotFoundError('The article');
}

/**
 * Enters a source inside the caller's transaction and returns the quote's id: the outlet and the article are found
 * or made (typing an outlet or an article the tracker knows reuses it), the quote is always new. `negotiationId` is
 * the negotiation it is entered for (its audit rows are shown only to those who see that one); the source itself
 * belongs to none.
 */
export function insertSource(tx: Executor, user: CurrentUser, input: NewSource & { citesSourceId?: number | null }, negotiationId: number): number {
  let articleId: number;
  if ('articleId' in input) {
    assertArticleSeen(tx, user, input.articleId);
    articleId = input.articleId;
  } else {
    const outlet = findOrCreateOutlet(tx, user, input.outlet, input.reliability, negotiationId);
    articleId = findOrCreateArticle(tx, user, outlet.id, input, negotiationId);
  }
  const row = tx
    .insert(sources)
    .values({ articleId, quote: input.quote, credibility: input.credibility, citesSourceId: input.citesSourceId ?? null, createdBy: user.id })
    .returning({ id: sources.id })
    .get();
  recordAudit(tx, { userId: user.id, action: 'create', entity: 'source', entityId: row.id, negotiationId, after: input });
  return row.id;
}

/** A source a write cites must exist and be one the writer can see (db/mutations/write-access.ts). */
export function assertSourceExists(tx: Executor, user: CurrentUser, id: number): void {
  assertCanCite(tx, user, 'source', [id], 'The source');
}
