import { getDb } from '@/server/db';
import { getNegotiation, listIssuesOf, listSeatedParties } from '@/db/queries/negotiations';
import { importUpdates } from '@/db/mutations/import-updates';
import { apiRoute } from '@/server/http/route';
import { noSuch, RouteError } from '@/server/http/problem';
import { CSV_IMPORT_LIMIT } from '@/lib/interchange/parse';
import { parseUpdatesCsv } from '@/lib/import/updates-csv';

export const dynamic = 'force-dynamic';

const FAILURE = 'The import failed and nothing was written. Try again; if it persists, tell an admin.';

/** A CSV of updates (text/csv body): every row checked first; all rows written, or none. */
export const POST = apiRoute<{ id: string }>({ role: 'analyst', accepts: 'text/csv', bodyLimit: CSV_IMPORT_LIMIT, failure: FAILURE }, async ({ user, scope, pathId, text }) => {
  const id = pathId('id', 'negotiation');
  const db = getDb();
  // One the caller may not see is no such negotiation; one where they only read is refused by importUpdates.
  if (!getNegotiation(db, scope, id)) throw noSuch('negotiation');
  const csv = await text('CSV file');
  const checked = parseUpdatesCsv(csv, { issues: listIssuesOf(db, scope, id), parties: listSeatedParties(db, scope, id) });
  if (!checked.ok) throw new RouteError(400, 'Some rows have errors; nothing was imported.', { errors: checked.errors });
  return Response.json({ imported: importUpdates(db, user, id, checked.rows) }, { status: 201 });
});
