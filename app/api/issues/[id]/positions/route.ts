import { getDb } from '@/server/db';
import { recordPosition } from '@/db/mutations/positions';
import { currentPosition } from '@/db/queries/issues';
import { authorizeRequest } from '@/server/auth/request-user';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { PositionSchema } from '@/lib/validation/positions';
import { fieldErrors } from '@/lib/validation/fields';

export const dynamic = 'force-dynamic';

const MAX_BODY = 64 * 1024;

/**
 * Records a new position of a party on this issue, for scripts and other tools.
 * Body: { partyId, basedOn, summary, stance, flexibility, redLines?, asOf, sourceId?, roundId? }.
 * `basedOn` is the current position the caller saw (null when there was none); if another
 * write got in first the answer is 409 with the id now current, and nothing is written.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const auth = await authorizeRequest(request, 'analyst');
  if (auth instanceof Response) return auth;
  const issueId = Number((await params).id);
  if (!Number.isInteger(issueId) || issueId <= 0) return Response.json({ error: 'No such issue.' }, { status: 404 });

  const text = await request.text();
  if (text.length > MAX_BODY) return Response.json({ error: 'The body is too large.' }, { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: 'Send a JSON object.' }, { status: 400 });
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) return Response.json({ error: 'Send a JSON object.' }, { status: 400 });
  // The form schema reads strings, as a form would send them.
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) values[key] = value === null || value === undefined ? '' : String(value);
  const parsed = PositionSchema.safeParse({ ...values, issueId: String(issueId) });
  if (!parsed.success) return Response.json({ error: 'Invalid position.', errors: fieldErrors(parsed.error) }, { status: 400 });

  const db = getDb();
  try {
    const id = recordPosition(db, auth.user, parsed.data);
    return Response.json({ id }, { status: 201 });
  } catch (error) {
    if (error instanceof ConflictError) {
      const current = currentPosition(db, issueId, parsed.data.partyId);
      return Response.json({ error: error.message, currentId: current?.id ?? null }, { status: 409 });
    }
    if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 404 });
    if (error instanceof InvalidInputError) return Response.json({ error: error.message, errors: error.errors }, { status: 400 });
    console.error('Recording a position through the API failed', error);
    return Response.json({ error: 'Nothing was saved; try again.' }, { status: 500 });
  }
}
