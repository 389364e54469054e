import { getDb } from '@/server/db';
import { listNegotiationIndex } from '@/db/queries/negotiation-index';
import { authorizeRequest } from '@/server/auth/request-user';

export const dynamic = 'force-dynamic';

/** The negotiations, with the ids of their parties, rounds and issues, for scripts. */
export async function GET(request: Request) {
  const auth = await authorizeRequest(request, 'viewer');
  if (auth instanceof Response) return auth;
  return Response.json({ negotiations: listNegotiationIndex(getDb()) });
}
