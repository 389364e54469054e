import { getDb } from '@/server/db';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { apiRoute } from '@/server/http/route';
import { RouteError } from '@/server/http/problem';
import { JSON_IMPORT_LIMIT, parseDocumentText } from '@/lib/interchange/parse';
import { InvalidInputError } from '@/lib/errors';
import { describeMatch } from '@/lib/interchange/matches';

export const dynamic = 'force-dynamic';

const FAILURE = 'The import failed and nothing was written. Try again; if it persists, tell an admin.';

/**
 * Imports an interchange document as a NEW negotiation. Body: the JSON document;
 * `?name=` gives it a new name when the document's name is taken. Nothing is written on any error.
 * The answer names every party and actor the import found already here and reused (`matched`).
 */
export const POST = apiRoute({ role: 'analyst', accepts: 'application/json', bodyLimit: JSON_IMPORT_LIMIT, failure: FAILURE }, async ({ request, user, text }) => {
  const parsed = parseDocumentText(await text('JSON file'));
  if (!parsed.ok) throw new RouteError(400, 'The document does not match the schema; nothing was imported.', { errors: parsed.errors });
  const name = new URL(request.url).searchParams.get('name');
  try {
    const { id, matches } = importNegotiation(getDb(), user, parsed.document, { name });
    return Response.json(
      {
        id,
        name: name?.trim() || parsed.document.negotiation.name,
        url: `/negotiations/${id}`,
        matched: matches.map((m) => ({ ...m, message: describeMatch(m) })),
      },
      { status: 201 },
    );
  } catch (error) {
    // The name is the one field of a document the database checks: say where it is, as for the schema's errors,
    // under a headline of its own, so the upload page does not say the same sentence twice.
    if (!(error instanceof InvalidInputError)) throw error;
    throw new RouteError(400, 'The name is taken; nothing was imported.', { errors: [{ path: '/negotiation/name', message: error.message }] });
  }
});
