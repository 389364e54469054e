import { getDb } from '@/server/db';
import { logUpdate } from '@/db/mutations/updates';
import { apiRoute } from '@/server/http/route';
import { RouteError } from '@/server/http/problem';
import { fieldErrors, type FieldErrors } from '@/lib/validation/fields';
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
 *   "roundId": 3,                             optional; left out, the round of the date (the one it falls in,
 *                                             else the last before it); null: not tied to a round
 *   "issueIds": [1], "partyIds": [2], "actorIds": [], "sourceIds": [5],   optional lists of ids
 *   "sources": [{ "outlet": "FT", "title": "", "url": "https://…", "publishedOn": "2026-02-05",
 *                 "quote": "…", "reliability": "B", "credibility": 2 }],   optional new sources
 *   "unsourced": true,                        required when it cites no source and adds none: no source yet
 *   "position": { "partyId": 2, "issueId": 1, "summary": "…", "stance": "supports",
 *                 "flexibility": "moderate", "redLines": "", "basedOn": 12 },   optional; basedOn omitted = current;
 *                                             partyId, issueId omitted = the update's own (when it names one)
 *   "statusChange": { "issueId": 1, "status": "deadlocked", "note": "" },   optional; issueId as for position
 *   "newHomework": { "title": "…", "ownerPartyIds": [2, 3], "issueId": 1, "dueRoundId": 4, "dueOn": null, "description": "" },
 *   "homeworkStatus": { "homeworkId": 7, "status": "delivered", "resolution": "…" }
 * }
 * Answers 201 { id, sourceIds, positionId, statusChangeId, homeworkId }; 400 { error, fieldErrors }
 * (keys as in the form: "body", "position.summary", "sources.0.url"…; "sourceIds" when there is no source and
 * no "unsourced", "position.partyId" when a change is about another party than the update); 404 { error } when an id names
 * nothing; 409 { error } when the position changed since `basedOn`; 401/403 without a valid caller or
 * role; 413 over 1 MB (server/http/problem.ts has the one shape and status table of every route).
 */
export const POST = apiRoute({ role: 'analyst', accepts: 'application/json' }, async ({ user, json }) => {
  const { sources: rawSources, ...rest } = await json();
  const parsed = UpdateSchema.safeParse(flattenUpdateBody(rest));
  const errors: FieldErrors = parsed.success ? {} : fieldErrors(parsed.error);
  const newSources: NewSource[] = [];
  (Array.isArray(rawSources) ? rawSources : rawSources ? [rawSources] : []).forEach((raw, n) => {
    const source = NewSourceSchema.safeParse(raw);
    if (source.success) newSources.push(source.data);
    else for (const [k, v] of Object.entries(fieldErrors(source.error))) errors[`sources.${n}.${k}`] = v;
  });
  if (!parsed.success || Object.keys(errors).length) throw new RouteError(400, 'Invalid update.', { fieldErrors: errors });
  const logged = logUpdate(getDb(), user, parsed.data, newSources);
  return Response.json(logged, { status: 201 });
});
