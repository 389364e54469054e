import { getDb } from '@/server/db';
import { listNegotiationIndex } from '@/db/queries/negotiation-index';
import { apiRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** The negotiations, with the ids of their parties, rounds and issues, for scripts. */
export const GET = apiRoute({ role: 'viewer' }, () => Response.json({ negotiations: listNegotiationIndex(getDb()) }));
