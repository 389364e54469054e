import { asc, desc, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { articles, citedSources, outletGradings, outlets, users } from '@/db/schema';
import { ARTICLE_SEEN, OUTLET_SEEN, SOURCE_SEEN, visibleBy, type ReaderScope } from './access';

// An outlet is the team's shared judgement of a publisher, seen through its articles as they are through their
// quotes, and those as sources are: through the negotiations that cite them (decision 0023).

/** Every outlet the reader sees, by name, with its current grade and how many of its articles they see. */
export function listOutlets(db: DB, scope: ReaderScope) {
  return db
    .select({
      id: outlets.id,
      name: outlets.name,
      reliability: outlets.reliability,
      articles: sql<number>`(SELECT count(*) FROM ${articles} a WHERE a.outlet_id = ${outlets.id} AND ${visibleBy(scope, sql`a.id`, ARTICLE_SEEN) ?? sql`1`})`,
    })
    .from(outlets)
    .where(visibleBy(scope, outlets.id, OUTLET_SEEN))
    .orderBy(sql`lower(${outlets.name})`)
    .all();
}

export type OutletPage = NonNullable<ReturnType<typeof getOutlet>>;

/** One outlet with its grading history (newest first) and the articles and quotes of it the reader sees. */
export function getOutlet(db: DB, scope: ReaderScope, outletId: number) {
  const outlet = db
    .select()
    .from(outlets)
    .where(sql`${outlets.id} = ${outletId} AND ${visibleBy(scope, outlets.id, OUTLET_SEEN) ?? sql`1`}`)
    .get();
  if (!outlet) return undefined;
  const gradings = db
    .select({ id: outletGradings.id, reliability: outletGradings.reliability, gradedOn: outletGradings.gradedOn, note: outletGradings.note, by: users.name })
    .from(outletGradings)
    .leftJoin(users, eq(users.id, outletGradings.createdBy))
    .where(eq(outletGradings.outletId, outletId))
    .orderBy(desc(outletGradings.gradedOn), desc(outletGradings.id))
    .all();
  const seenArticles = db
    .select({
      id: articles.id,
      title: articles.title,
      url: articles.url,
      publishedOn: articles.publishedOn,
      publishedOnPrecision: articles.publishedOnPrecision,
      publishedOnLabel: articles.publishedOnLabel,
      reliability: articles.reliability,
      archivedAt: articles.archivedAt,
    })
    .from(articles)
    .where(sql`${articles.outletId} = ${outletId} AND ${visibleBy(scope, articles.id, ARTICLE_SEEN) ?? sql`1`}`)
    .orderBy(sql`${articles.publishedOn} DESC NULLS LAST`, desc(articles.id))
    .all();
  const quotes = seenArticles.length
    ? db
        .select({ id: citedSources.id, articleId: citedSources.articleId, quote: citedSources.quote, credibility: citedSources.credibility })
        .from(citedSources)
        // By its articles, so the index of quotes by article is used (the view reads the outlet per quote).
        .where(sql`${citedSources.articleId} IN (SELECT id FROM articles WHERE outlet_id = ${outletId}) AND ${visibleBy(scope, citedSources.id, SOURCE_SEEN) ?? sql`1`}`)
        .orderBy(asc(citedSources.id))
        .all()
    : [];
  return {
    ...outlet,
    gradings,
    articles: seenArticles.map((a) => ({ ...a, quotes: quotes.filter((q) => q.articleId === a.id) })),
  };
}

export type ArticlePage = NonNullable<ReturnType<typeof getArticle>>;

/**
 * One article the reader sees (through a quote cited where they may read), with its outlet, the quotes of it they
 * see, and its archived copy when the analyst kept one (the capture does): the text, when it was kept, its SHA-256.
 */
export function getArticle(db: DB, scope: ReaderScope, articleId: number) {
  const article = db
    .select({
      id: articles.id,
      outletId: articles.outletId,
      outlet: outlets.name,
      title: articles.title,
      url: articles.url,
      publishedOn: articles.publishedOn,
      publishedOnPrecision: articles.publishedOnPrecision,
      publishedOnLabel: articles.publishedOnLabel,
      reliability: articles.reliability,
      archivedText: articles.archivedText,
      archivedAt: articles.archivedAt,
      archivedSha256: articles.archivedSha256,
    })
    .from(articles)
    .innerJoin(outlets, eq(outlets.id, articles.outletId))
    .where(sql`${articles.id} = ${articleId} AND ${visibleBy(scope, articles.id, ARTICLE_SEEN) ?? sql`1`}`)
    .get();
  if (!article) return undefined;
  const quotes = db
    .select({ id: citedSources.id, quote: citedSources.quote, credibility: citedSources.credibility })
    .from(citedSources)
    .where(sql`${citedSources.articleId} = ${articleId} AND ${visibleBy(scope, citedSources.id, SOURCE_SEEN) ?? sql`1`}`)
    .orderBy(asc(citedSources.id))
    .all();
  return { ...article, quotes };
}
