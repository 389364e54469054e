import { getDb } from '@/server/db';
import { exportNegotiationChunks } from '@/db/queries/export-negotiation';
import { authorizeRequest } from '@/server/auth/request-user';

export const dynamic = 'force-dynamic';

/** The negotiation as one interchange document (public/schema/negotiation-v1.schema.json), streamed. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRequest(request, 'viewer');
  if (auth instanceof Response) return auth;
  const id = Number((await params).id);
  const chunks = Number.isInteger(id) ? exportNegotiationChunks(getDb(), id) : null;
  if (!chunks) return Response.json({ error: 'No such negotiation.' }, { status: 404 });
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      try {
        const next = chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
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
      'cache-control': 'no-store',
      ...(download ? { 'content-disposition': `attachment; filename="negotiation-${id}.json"` } : {}),
    },
  });
}
