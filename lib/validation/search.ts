import { z } from 'zod';
import { RELIABILITIES } from '@/lib/domain';
import { SEARCH_KINDS, type SearchFilters } from '@/lib/search-query';

// Search parameters from a URL: anything malformed is dropped, never an error page.
const optionalNumber = z.coerce.number().int().positive().optional().catch(undefined);
const optionalDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().catch(undefined);

export const SearchParamsSchema = z.object({
  q: z.string().max(500).catch('').default(''),
  negotiation: optionalNumber,
  party: optionalNumber,
  issue: optionalNumber,
  round: optionalNumber,
  author: optionalNumber,
  from: optionalDate,
  to: optionalDate,
  reliability: z.enum(RELIABILITIES).optional().catch(undefined),
  kind: z.enum(SEARCH_KINDS).optional().catch(undefined),
});

export type SearchParams = z.infer<typeof SearchParamsSchema>;

export function parseSearchParams(input: Record<string, string | string[] | undefined>): SearchParams {
  const flat = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]).filter(([, v]) => v !== undefined && v !== ''));
  return SearchParamsSchema.parse(flat);
}

export function toFilters(p: SearchParams): SearchFilters {
  return {
    negotiationId: p.negotiation,
    partyId: p.party,
    issueId: p.issue,
    roundId: p.round,
    authorId: p.author,
    from: p.from,
    to: p.to,
    reliability: p.reliability,
    kind: p.kind,
  };
}
