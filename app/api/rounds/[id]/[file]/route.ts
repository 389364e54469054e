import { getDb } from '@/server/db';
import { roundSummary } from '@/db/queries/round-summary';
import { cachedRead } from '@/db/read-cache';
import { authorizeRequest } from '@/server/auth/request-user';
import { todayIso } from '@/lib/dates';
import { EXPORT_CONTENT_TYPES, parseSummaryFileName } from '@/lib/exports/formats';
import { contentDisposition, summaryFileName, summaryFullFileName } from '@/lib/exports/filename';
import { RENDERERS } from '@/lib/exports';

export const dynamic = 'force-dynamic';
// pdfkit and docx need Node's Buffer and file system.
export const runtime = 'nodejs';

type Params = { params: Promise<{ id: string; file: string }> };

/** GET /api/rounds/{id}/summary.{pdf,docx,md,csv,json}: the round summary as a download, for a session or a bearer token. */
export async function GET(request: Request, { params }: Params) {
  const auth = await authorizeRequest(request, 'viewer');
  if (auth instanceof Response) return auth;
  const { id, file } = await params;
  const format = parseSummaryFileName(file);
  if (!format) return Response.json({ error: 'Ask for summary.pdf, summary.docx, summary.md, summary.csv or summary.json.' }, { status: 400 });
  const roundId = Number(id);
  const db = getDb();
  const today = todayIso();
  // The summary and each rendered file are shared by every reader until the next write (db/read-cache.ts).
  const summary = Number.isSafeInteger(roundId) && roundId > 0 ? cachedRead(db, ['round-summary', roundId, today], () => roundSummary(db, roundId, today)) : undefined;
  if (!summary) return Response.json({ error: 'No such round.' }, { status: 404 });
  try {
    // Kept as bytes: a cached string would be encoded to UTF-8 again for every download.
    const rendered = await cachedRead(db, ['round-summary-file', roundId, today, format], async () => {
      const output = await RENDERERS[format](summary);
      return typeof output === 'string' ? Buffer.from(output, 'utf8') : output;
    });
    const body = new Uint8Array(rendered.buffer as ArrayBuffer, rendered.byteOffset, rendered.byteLength);
    return new Response(body, {
      headers: {
        'Content-Type': EXPORT_CONTENT_TYPES[format],
        'Content-Disposition': contentDisposition(summaryFileName(summary, format), summaryFullFileName(summary, format)),
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    console.error(`round summary export failed (round ${roundId}, ${format})`, error);
    return Response.json({ error: 'The export could not be generated.' }, { status: 500 });
  }
}
