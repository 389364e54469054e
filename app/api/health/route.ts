import cluster from 'node:cluster';
import { getDb } from '@/server/db';
import { databaseHealth } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

/**
 * Open to all: load balancers and scripts ask it whether the database answers, and which of `npm start`'s
 * workers did (its number, 1…WORKERS; not its process id).
 */
export function GET() {
  try {
    const health = databaseHealth(getDb());
    return Response.json({ status: 'ok', database: health, worker: cluster.worker?.id ?? null }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error('Health check failed', error);
    return Response.json({ status: 'error', database: { ok: false } }, { status: 503 });
  }
}
