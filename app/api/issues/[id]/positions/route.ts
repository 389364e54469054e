import { getDb } from '@/server/db';
import { recordPosition } from '@/db/mutations/positions';
import { currentPosition } from '@/db/queries/issues';
import { apiRoute, validInput } from '@/server/http/route';
import { RouteError } from '@/server/http/problem';
import { ConflictError } from '@/lib/errors';
import { PositionSchema } from '@/lib/validation/positions';

export const dynamic = 'force-dynamic';

/**
 * Records a new position of a party on this issue, for scripts and other tools.
 * Body: { partyId, basedOn, summary, stance, flexibility, redLines?, asOf, sourceId?, roundId? }.
 * `basedOn` is the current position the caller saw (null when there was none); if another
 * write got in first the answer is 409 with the id now current (`currentId`), and nothing is written.
 */
export const POST = apiRoute<{ id: string }>({ role: 'analyst', accepts: 'application/json', bodyLimit: 64 * 1024 }, async ({ user, scope, pathId, json }) => {
  const issueId = pathId('id', 'issue');
  const body = await json();
  // The form schema reads strings, as a form would send them.
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) values[key] = value === null || value === undefined ? '' : String(value);
  const position = validInput(PositionSchema, { ...values, issueId: String(issueId) }, 'Invalid position.');
  const db = getDb();
  try {
    return Response.json({ id: recordPosition(db, user, position) }, { status: 201 });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const current = currentPosition(db, scope, issueId, position.partyId);
    throw new RouteError(409, error.message, { currentId: current?.id ?? null });
  }
});
