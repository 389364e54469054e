import { getDb } from '@/server/db';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { authorizeRequest } from '@/server/auth/request-user';
import { JSON_IMPORT_LIMIT, parseDocumentText } from '@/lib/interchange/parse';
import { readLimitedText } from '@/server/http/read-body';
import { InvalidInputError } from '@/lib/errors';

export const dynamic = 'force-dynamic';

/**
 * Imports an interchange document as a NEW negotiation. Body: the JSON document;
 * `?name=` gives it a new name when the document's name is taken. Nothing is written on any error.
 */
export async function POST(request: Request) {
  const auth = await authorizeRequest(request, 'analyst');
  if (auth instanceof Response) return auth;
  const body = await readLimitedText(request, JSON_IMPORT_LIMIT, 'JSON file');
  if (!body.ok) return body.response;
  const parsed = parseDocumentText(body.text);
  if (!parsed.ok) return Response.json({ error: 'The document does not match the schema; nothing was imported.', errors: parsed.errors }, { status: 400 });
  const name = new URL(request.url).searchParams.get('name');
  try {
    const id = importNegotiation(getDb(), auth.user, parsed.document, { name });
    return Response.json({ id, name: name?.trim() || parsed.document.negotiation.name, url: `/negotiations/${id}` }, { status: 201 });
  } catch (error) {
    if (error instanceof InvalidInputError) {
      return Response.json({ error: error.message, errors: [{ path: '/negotiation/name', message: error.message }] }, { status: 409 });
    }
    console.error('Import failed', { user: auth.user.id, error });
    return Response.json({ error: 'The import failed and nothing was written. Try again; if it persists, tell an admin.' }, { status: 500 });
  }
}
