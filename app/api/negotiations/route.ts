import { getDb } from '@/server/db';
import { listNegotiationIndex } from '@/db/queries/negotiation-index';
import { apiRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** The negotiations the caller sees, with their marking and the ids of their parties, rounds and issues, for scripts. */
export const GET = apiRoute({ role: 'viewer' }, ({ scope }) => Response.json({ negotiations: listNegotiationIndex(getDb(), scope) }));
