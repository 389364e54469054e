import { inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { citedSources } from '@/db/schema';

export type ChainLink = { id: number; outlet: string; reliability: string; credibility: number; citesSourceId: number | null };

/** The longest a cites-chain is followed: guards against a loop an import might create. */
const MAX_DEPTH = 10;

/**
 * Loads the given sources and every source they cite, transitively: one query per level of citation
 * (chains are short: TASS via El País is two), never one per source.
 */
export function loadSourceChains(db: DB, ids: number[]): Map<number, ChainLink> {
  const known = new Map<number, ChainLink>();
  let wanted = [...new Set(ids)];
  for (let depth = 0; wanted.length > 0 && depth <= MAX_DEPTH; depth++) {
    const rows = db
      .select({ id: citedSources.id, outlet: citedSources.outlet, reliability: citedSources.reliability, credibility: citedSources.credibility, citesSourceId: citedSources.citesSourceId })
      .from(citedSources)
      .where(inArray(citedSources.id, wanted))
      .all();
    for (const r of rows) known.set(r.id, r);
    wanted = [...new Set(rows.map((r) => r.citesSourceId).filter((c): c is number => c !== null && !known.has(c)))];
  }
  return known;
}

/** The chain from a source to the outlet it ultimately comes from: [El País, TASS] for TASS as cited by El País. */
export function chainOf(known: Map<number, ChainLink>, sourceId: number): ChainLink[] {
  const chain: ChainLink[] = [];
  const seen = new Set<number>();
  let current = known.get(sourceId);
  while (current && !seen.has(current.id)) {
    chain.push(current);
    seen.add(current.id);
    current = current.citesSourceId !== null ? known.get(current.citesSourceId) : undefined;
  }
  return chain;
}
