import { getDb } from '@/server/db';
import { cachedRead } from '@/db/read-cache';
import { listSourceChoices } from '@/db/queries/sources';
import { apiRoute } from '@/server/http/route';

export const dynamic = 'force-dynamic';

/**
 * GET /api/sources/choices: the newest sources, for a form's "cite an existing source" list. Forms that
 * open on demand (the issue page's) fetch it when opened instead of carrying it in every page view.
 */
export const GET = apiRoute({ role: 'analyst' }, ({ scope }) => {
  const db = getDb();
  return Response.json({ sources: cachedRead(db, scope, ['source-choices'], (seen) => listSourceChoices(db, seen)) });
});
