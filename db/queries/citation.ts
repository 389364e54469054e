import { citedSources } from '@/db/schema';

/** A source as cited: outlet, title, date, Admiralty grading and quote (the shape SourceCitation reads). */
export const citationFields = {
  sourceId: citedSources.id,
  sourceOutlet: citedSources.outlet,
  sourceTitle: citedSources.title,
  sourceUrl: citedSources.url,
  sourcePublishedOn: citedSources.publishedOn,
  sourcePublishedOnPrecision: citedSources.publishedOnPrecision,
  sourcePublishedOnLabel: citedSources.publishedOnLabel,
  sourceReliability: citedSources.reliability,
  sourceCredibility: citedSources.credibility,
  sourceQuote: citedSources.quote,
};

export type Citation = {
  sourceId: number | null;
  sourceOutlet: string | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
  sourcePublishedOn: string | null;
  sourcePublishedOnPrecision?: string | null;
  sourcePublishedOnLabel?: string | null;
  sourceReliability: string | null;
  sourceCredibility: number | null;
  sourceQuote: string | null;
};
