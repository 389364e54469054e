import { getDb } from '@/server/db';
import { cachedRead } from '@/db/read-cache';
import { listOutlets } from '@/db/queries/outlets';
import { apiRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/** GET /api/outlets: the outlets the tracker knows, with their current grade, for the new-source fields' suggestions. */
export const GET = apiRoute({ role: 'analyst' }, ({ scope }) => {
  const db = getDb();
  return Response.json({ outlets: cachedRead(db, scope, ['outlets'], () => listOutlets(db).map(({ name, reliability }) => ({ name, reliability }))) });
});
