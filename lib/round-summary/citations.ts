import type { RoundSummary, SummarySource } from './types';

/** An article the briefing cites, and the quotes taken from it, each under the number the annex cites it by. */
export type CitedArticle = {
  outlet: string;
  title: string;
  url: string | null;
  publishedOn: string | null;
  publishedOnPrecision: SummarySource['publishedOnPrecision'];
  publishedOnLabel: string;
  quotes: { number: number; source: SummarySource }[];
};

/** Two quotes are from one article when outlet, title, address and date are the same (each quote is its own source). */
const articleKey = (s: SummarySource) => JSON.stringify([s.outlet, s.title, s.url ?? '', s.publishedOn ?? '', s.publishedOnPrecision, s.publishedOnLabel]);

/**
 * The sources a briefing cites, each once, grouped by article in the order the annex first cites them (the
 * round's cancellation, the positions, the outcomes, the key updates), and numbered as listed. A document
 * prints each quote once, in its list of sources, and cites it elsewhere by number: the same quote under a
 * position, an outcome and an update, with the article's title each time, made most of a 10-page file.
 */
export function citedSources(summary: Pick<RoundSummary, 'round' | 'issues' | 'outcomes' | 'keyUpdates'>): { articles: CitedArticle[]; numberOf: (source: SummarySource) => number } {
  const cited = [
    summary.round.cancellation?.source ?? null,
    ...summary.issues.flatMap((i) => i.positions.map((p) => p.position?.source ?? null)),
    ...summary.outcomes.map((o) => o.source),
    ...summary.keyUpdates.flatMap((u) => u.sources),
  ].filter((s): s is SummarySource => s !== null);
  const articles = new Map<string, CitedArticle>();
  const seen = new Set<number>();
  for (const source of cited) {
    if (seen.has(source.id)) continue;
    seen.add(source.id);
    const key = articleKey(source);
    const article = articles.get(key) ?? { outlet: source.outlet, title: source.title, url: source.url, publishedOn: source.publishedOn, publishedOnPrecision: source.publishedOnPrecision, publishedOnLabel: source.publishedOnLabel, quotes: [] };
    article.quotes.push({ number: 0, source });
    articles.set(key, article);
  }
  const numbers = new Map<number, number>();
  const listed = [...articles.values()];
  for (const quote of listed.flatMap((a) => a.quotes)) {
    quote.number = numbers.size + 1;
    numbers.set(quote.source.id, quote.number);
  }
  return { articles: listed, numberOf: (source) => numbers.get(source.id)! };
}
