import { getDb } from '@/server/db';
import { apiRoute } from '@/server/http/route';
import { CAPTURE_BODY_LIMIT } from '@/server/http/body-limits';
import { RouteError } from '@/server/http/problem';
import { proposeFromArticle } from '@/db/queries/capture-context';
import { CaptureRequestSchema, MAX_ARTICLE_CHARACTERS } from '@/lib/validation/capture';
import { fieldErrors } from '@/lib/validation/fields';

/**
 * Paste an article, get its updates (CAPTURE.md): proposals only, nothing is written.
 *
 * Body (JSON): { "negotiationId": 1, "text": "…plain text or HTML…", "url"?: "https://…", "outlet"?: "FT",
 *                "title"?: "…", "publishedOn"?: "2026-02-05" }
 * Answers 200 { source: { outlet, title, url, publishedOn, reliability, credibility }, proposals: [{ quote,
 * sentence, start, end, speaker: { name, actorId, partyId }, issueIds, partyIds, eventDate: { date, precision,
 * label } | null, figures, duplicateOfUpdateId }], notes: [..], text } — `start`/`end` point into `text`, the
 * article as read (HTML as its text); 400 { error, fieldErrors }; 404 for a negotiation the caller does not
 * see; 413 over the body limit; 422 { error } for text that cannot be read (empty, no words, over 1 MB).
 */
export const POST = apiRoute({ role: 'analyst', accepts: 'application/json', bodyLimit: CAPTURE_BODY_LIMIT }, async ({ scope, json }) => {
  const body = await json();
  if (typeof body.text === 'string' && body.text.length > MAX_ARTICLE_CHARACTERS) {
    throw new RouteError(422, `The text is longer than ${MAX_ARTICLE_CHARACTERS.toLocaleString('en-GB')} characters (1 MB): paste the article in parts.`);
  }
  const parsed = CaptureRequestSchema.safeParse(body);
  if (!parsed.success) throw new RouteError(400, 'Invalid capture request.', { fieldErrors: fieldErrors(parsed.error) });
  const answer = proposeFromArticle(getDb(), scope, parsed.data);
  if (answer === 'unseen') throw new RouteError(404, 'No such negotiation.');
  if (!answer.ok) throw new RouteError(422, answer.message);
  return Response.json(answer.capture);
});
