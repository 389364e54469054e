import { sources } from '@/db/schema';

/** A source as cited: outlet, title, date, Admiralty grading and quote (the shape SourceCitation reads). */
export const citationFields = {
  sourceId: sources.id,
  sourceOutlet: sources.outlet,
  sourceTitle: sources.title,
  sourceUrl: sources.url,
  sourcePublishedOn: sources.publishedOn,
  sourcePublishedOnPrecision: sources.publishedOnPrecision,
  sourcePublishedOnLabel: sources.publishedOnLabel,
  sourceReliability: sources.reliability,
  sourceCredibility: sources.credibility,
  sourceQuote: sources.quote,
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
