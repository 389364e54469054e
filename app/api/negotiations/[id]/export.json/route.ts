import { exportNegotiationChunks } from '@/db/queries/export-negotiation';
import { apiRoute } from '@/server/http/route';
import { noSuch } from '@/server/http/problem';
import { sharedExportFile, streamFile } from '@/server/shared-export';

export const dynamic = 'force-dynamic';

/**
 * The negotiation as one interchange document (public/schema/negotiation-v1.schema.json), with its marking:
 * generated once per state of the database and view of it, and streamed from that file (server/shared-export.ts).
 */
export const GET = apiRoute<{ id: string }>({ role: 'viewer' }, async ({ request, pathId, scope }) => {
  const id = pathId('id', 'negotiation');
  const file = await sharedExportFile({ kind: 'negotiation', negotiationId: id, scope, chunks: (db, seen) => exportNegotiationChunks(db, seen, id) });
  if (!file) throw noSuch('negotiation');
  const download = new URL(request.url).searchParams.has('download');
  return new Response(streamFile(file), {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(download ? { 'content-disposition': `attachment; filename="negotiation-${id}.json"` } : {}),
    },
  });
});
