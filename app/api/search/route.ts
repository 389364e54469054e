import { getDb } from '@/server/db';
import { search } from '@/db/queries/search';
import { apiRoute } from '@/server/http/route';
import { parseSearchParams, toFilters } from '@/lib/validation/search';
import { MARK_END, MARK_START } from '@/lib/search-query';
import { hrefOf } from '@/lib/links';

export const dynamic = 'force-dynamic';

const unmark = (s: string) => s.replaceAll(MARK_START, '**').replaceAll(MARK_END, '**');

/** GET /api/search?q=…&negotiation=&party=&issue=&round=&from=&to=&reliability=&author=&kind= — matches wrapped in ** */
export const GET = apiRoute({ role: 'viewer' }, ({ request, scope }) => {
  const params = parseSearchParams(Object.fromEntries(new URL(request.url).searchParams));
  const hits = search(getDb(), scope, params.q, toFilters(params));
  return Response.json({
    query: params.q,
    results: hits.map(({ target, ...h }) => ({ ...h, href: hrefOf(target), title: unmark(h.title), snippet: unmark(h.snippet) })),
  });
});
