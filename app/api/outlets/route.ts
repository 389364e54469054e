import { getDb } from '@/server/db';
import { listOutlets } from '@/db/queries/outlets';
import { apiRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/outlets: the outlets the tracker knows, with their current grade, for the new-source fields' suggestions. */
export const GET = apiRoute({ role: 'analyst' }, () => Response.json({ outlets: listOutlets(getDb()).map(({ name, reliability }) => ({ name, reliability })) }));
