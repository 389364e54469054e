import { revalidatePath } from 'next/cache';
import { getDb } from '@/server/db';
import { logUpdate } from '@/db/mutations/updates';
import { authorizeRequest } from '@/server/auth/request-user';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/roles';
import { fieldErrors } from '@/lib/validation/fields';
import { flattenUpdateBody, UpdateSchema } from '@/lib/validation/updates';
import { NewSourceSchema, type NewSource } from '@/lib/validation/sources';

/**
 * Log an update from a script: `Authorization: Bearer <token>` (or a same-origin session), role analyst.
 *
 * Body (JSON), validated by the same schema as the form:
 * {
 *   "negotiationId": 1,                       required
 *   "body": "Markdown text",                  required
 *   "occurredOn": "2026-02-05",               required; "occurredTime": "14:30" optional
 *   "roundId": 3,                             optional
 *   "issueIds": [1], "partyIds": [2], "actorIds": [], "sourceIds": [5],   optional lists of ids
 *   "sources": [{ "outlet": "FT", "title": "", "url": "https://…", "publishedOn": "2026-02-05",
 *                 "quote": "…", "reliability": "B", "credibility": 2 }],   optional new sources
 *   "position": { "partyId": 2, "issueId": 1, "summary": "…", "stance": "supports",
 *                 "flexibility": "moderate", "redLines": "", "basedOn": 12 },   optional; basedOn omitted = current
 *   "statusChange": { "issueId": 1, "status": "deadlocked", "note": "" },   optional
 *   "newHomework": { "title": "…", "ownerPartyIds": [2, 3], "issueId": 1, "dueRoundId": 4, "dueOn": null, "description": "" },
 *   "homeworkStatus": { "homeworkId": 7, "status": "delivered", "resolution": "…" }
 * }
 * Answers 201 { id, sourceIds, positionId, statusChangeId, homeworkId }; 400 { error, fieldErrors }
 * (keys as in the form: "body", "position.summary", "sources.0.url"…); 409 { error } when the position
 * changed since `basedOn`; 401/403 without a valid caller or role.
 */
export async function POST(request: Request) {
  const auth = await authorizeRequest(request, 'analyst');
  if (auth instanceof Response) return auth;
  let json: unknown;
  try {
    json = await request.json();
  } catch {
    return Response.json({ error: 'The body must be JSON.' }, { status: 400 });
  }
  const { sources: rawSources, ...rest } = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const parsed = UpdateSchema.safeParse(flattenUpdateBody(rest));
  const errors: Record<string, string[] | undefined> = parsed.success ? {} : fieldErrors(parsed.error);
  const newSources: NewSource[] = [];
  (Array.isArray(rawSources) ? rawSources : rawSources ? [rawSources] : []).forEach((raw, n) => {
    const source = NewSourceSchema.safeParse(raw);
    if (source.success) newSources.push(source.data);
    else for (const [k, v] of Object.entries(fieldErrors(source.error))) errors[`sources.${n}.${k}`] = v;
  });
  if (!parsed.success || Object.keys(errors).length) {
    return Response.json({ error: 'Invalid update.', fieldErrors: errors }, { status: 400 });
  }
  try {
    const logged = logUpdate(getDb(), auth.user, parsed.data, newSources);
    revalidatePath('/', 'layout');
    return Response.json(logged, { status: 201 });
  } catch (error) {
    if (error instanceof InvalidInputError) return Response.json({ error: error.message, fieldErrors: error.errors }, { status: 400 });
    if (error instanceof NotFoundError) return Response.json({ error: error.message }, { status: 400 });
    if (error instanceof ConflictError) return Response.json({ error: error.message }, { status: 409 });
    if (error instanceof ForbiddenError) return Response.json({ error: error.message }, { status: 403 });
    console.error('POST /api/updates failed', error);
    return Response.json({ error: 'Something went wrong and nothing was saved.' }, { status: 500 });
  }
}
