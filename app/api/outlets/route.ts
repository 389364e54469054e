import { getDb } from '@/server/db';
import { listOutlets } from '@/db/queries/outlets';
import { apiRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/outlets: the outlets the caller sees, with their current grade, for the new-source fields' suggestions. */
export const GET = apiRoute({ role: 'analyst' }, ({ scope }) => Response.json({ outlets: listOutlets(getDb(), scope).map(({ name, reliability }) => ({ name, reliability })) }));
