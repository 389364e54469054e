import { getDb } from '@/server/db';
import { roundSummary } from '@/db/queries/round-summary';
import { cachedRead } from '@/db/read-cache';
import { apiRoute } from '@/server/http/route';
import { noSuch, RouteError } from '@/server/http/problem';
import { todayIso } from '@/lib/dates';
import { EXPORT_CONTENT_TYPES, parseSummaryFileName } from '@/lib/exports/formats';
import { contentDisposition, summaryFileName, summaryFullFileName } from '@/lib/exports/filename';
import { AUTHORED_FORMATS, RENDERERS } from '@/lib/exports';

export const dynamic = 'force-dynamic';
// pdfkit, docx and exceljs need Node's Buffer and file system.
export const runtime = 'nodejs';

/** GET /api/rounds/{id}/summary.{pdf,docx,md,xlsx,csv,json}: the round summary as a download, for a session or a bearer token. */
export const GET = apiRoute<{ id: string; file: string }>({ role: 'viewer', failure: 'The export could not be generated.' }, async ({ params, pathId, scope, user }) => {
  const format = parseSummaryFileName(params.file);
  if (!format) throw new RouteError(400, 'Ask for summary.pdf, summary.docx, summary.md, summary.xlsx, summary.csv or summary.json.');
  const roundId = pathId('id', 'round');
  const db = getDb();
  const today = todayIso();
  // The summary and each rendered file are shared by every reader who sees the same negotiations until the next write (db/read-cache.ts).
  const summary = cachedRead(db, scope, ['round-summary', roundId, today], (seen) => roundSummary(db, seen, roundId, today));
  if (!summary) throw noSuch('round');
  // Kept as bytes: a cached string would be encoded to UTF-8 again for every download. A Word file or PDF names
  // the analyst who exported it as its author, so theirs is kept per exporter.
  const author = AUTHORED_FORMATS.has(format) ? user.name : '';
  const rendered = await cachedRead(db, scope, ['round-summary-file', roundId, today, format, author], async () => {
    const output = await RENDERERS[format](summary, { author });
    return typeof output === 'string' ? Buffer.from(output, 'utf8') : output;
  });
  const body = new Uint8Array(rendered.buffer as ArrayBuffer, rendered.byteOffset, rendered.byteLength);
  return new Response(body, {
    headers: {
      'Content-Type': EXPORT_CONTENT_TYPES[format],
      'Content-Disposition': contentDisposition(summaryFileName(summary, format), summaryFullFileName(summary, format)),
    },
  });
});
