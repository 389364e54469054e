import { getDb } from '@/server/db';
import { findCitable } from '@/db/queries/source-search';
import { sees } from '@/db/queries/access';
import { apiRoute } from '@/server/http/route';
import { RouteError } from '@/server/http/problem';
import { parseId } from '@/lib/ids';

export const dynamic = 'force-dynamic';

/**
 * GET /api/sources/search?q=…&negotiation=ID: the sources the caller sees that the words (or a pasted URL) find,
 * for a form's type-ahead: each quote with its article and outlet, the articles they come from, and the updates of
 * that negotiation that cite each quote already. A negotiation the caller does not see is not found. Not cached:
 * every keystroke asks something new.
 */
export const GET = apiRoute({ role: 'analyst' }, ({ request, scope }) => {
  const params = new URL(request.url).searchParams;
  const given = params.get('negotiation');
  const negotiationId = given === null ? null : parseId(given);
  if (given !== null && (negotiationId === null || !sees(scope, negotiationId))) throw new RouteError(404, 'No such negotiation.');
  return Response.json(findCitable(getDb(), scope, (params.get('q') ?? '').slice(0, 500), negotiationId));
});
