import { getDb } from '@/server/db';
import { exportNegotiationChunks } from '@/db/queries/export-negotiation';
import { apiRoute } from '@/server/http/route';
import { noSuch } from '@/server/http/problem';

export const dynamic = 'force-dynamic';

/** The negotiation as one interchange document (public/schema/negotiation-v1.schema.json), streamed; with its marking. */
export const GET = apiRoute<{ id: string }>({ role: 'viewer' }, ({ request, pathId, scope }) => {
  const id = pathId('id', 'negotiation');
  const chunks = exportNegotiationChunks(getDb(), scope, id);
  if (!chunks) throw noSuch('negotiation');
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // After the first chunk the status is sent: the failure can only cut the stream, and be logged.
        console.error('Export failed', { negotiationId: id, error });
        controller.error(error);
      }
    },
    cancel() {
      chunks.return(undefined);
    },
  });
  const download = new URL(request.url).searchParams.has('download');
  return new Response(stream, {
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(download ? { 'content-disposition': `attachment; filename="negotiation-${id}.json"` } : {}),
    },
  });
});
