import type { SummarySource } from './types';
import type { RoundSummaryRows } from './rows';

export type SourceOf = (id: number | null) => SummarySource | null;

/** The sources a briefing cites, by id, each with the outlet it reports through (TASS as cited by El País). */
export function sourceLookup(rows: Pick<RoundSummaryRows, 'sources' | 'citedOutlets'>): SourceOf {
  const citedOutlet = new Map(rows.citedOutlets.map((c) => [c.id, c.outlet]));
  const byId = new Map<number, SummarySource>(
    rows.sources.map((s) => [
      s.id,
      {
        id: s.id,
        outlet: s.outlet,
        title: s.title,
        url: s.url,
        publishedOn: s.publishedOn,
        publishedOnPrecision: s.publishedOnPrecision,
        publishedOnLabel: s.publishedOnLabel,
        quote: s.quote,
        reliability: s.reliability,
        credibility: s.credibility,
        citedOutlet: s.citesSourceId ? (citedOutlet.get(s.citesSourceId) ?? null) : null,
      },
    ]),
  );
  return (id) => (id === null ? null : (byId.get(id) ?? null));
}
