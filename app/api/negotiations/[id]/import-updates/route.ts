import { getDb } from '@/server/db';
import { getNegotiation, listIssuesOf, listSeatedParties } from '@/db/queries/negotiations';
import { importUpdates } from '@/db/mutations/import-updates';
import { authorizeRequest } from '@/server/auth/request-user';
import { CSV_IMPORT_LIMIT } from '@/lib/interchange/parse';
import { readLimitedText } from '@/server/http/read-body';
import { parseUpdatesCsv } from '@/lib/import/updates-csv';
import { InvalidInputError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/** A CSV of updates (text/csv body): every row checked first; all rows written, or none. */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRequest(request, 'analyst');
  if (auth instanceof Response) return auth;
  const id = Number((await params).id);
  const db = getDb();
  if (!Number.isInteger(id) || !getNegotiation(db, id)) return Response.json({ error: 'No such negotiation.' }, { status: 404 });
  const body = await readLimitedText(request, CSV_IMPORT_LIMIT, 'CSV file');
  if (!body.ok) return body.response;
  const checked = parseUpdatesCsv(body.text, { issues: listIssuesOf(db, id), parties: listSeatedParties(db, id) });
  if (!checked.ok) return Response.json({ error: 'Some rows have errors; nothing was imported.', errors: checked.errors }, { status: 400 });
  try {
    const imported = importUpdates(db, auth.user, id, checked.rows);
    return Response.json({ imported }, { status: 201 });
  } catch (error) {
    if (error instanceof InvalidInputError) return Response.json({ error: error.message, errors: [error.message] }, { status: 409 });
    console.error('Update import failed', { negotiationId: id, user: auth.user.id, error });
    return Response.json({ error: 'The import failed and nothing was written. Try again; if it persists, tell an admin.' }, { status: 500 });
  }
}
