import { getDb } from '@/server/db';
import { databaseHealth } from '@/db/queries/health';

export const dynamic = 'force-dynamic';

/** Open to all: load balancers and scripts ask it whether the database answers. */
export function GET() {
  try {
    const health = databaseHealth(getDb());
    return Response.json({ status: 'ok', database: health }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error('Health check failed', error);
    return Response.json({ status: 'error', database: { ok: false } }, { status: 503 });
  }
}
