import { ACTION_BODY_LIMIT } from './body-limits';
import { envelopeProblem } from './action-envelope';
import { mediaType } from './media-type';
import { readLimitedBytes } from './read-body';

/**
 * The one kind of body a page takes is a server action's form, and Next reads it after the proxy, answering
 * 500 to everything it refuses: a body over its limit, a form from another site, a form its decoder cannot
 * read. proxy.ts asks this first for every page request that carries a body, and refuses with the status the
 * cause deserves and a sentence, as text/plain (Next's client shows that text as the form's error):
 *
 *   403  the Origin names another site (Next's own check, which the proxy runs before)
 *   413  over ACTION_BODY_LIMIT, by Content-Length, or by counting a body sent without one
 *   415  a server action called with anything but multipart/form-data (React's forms always send that)
 *   400  a form that is not shaped as React's forms send one (server/http/action-envelope.ts)
 *
 * Anything else (a GET, a POST Next does not read as an action) passes untouched.
 */
export async function refusePageBody(request: Request): Promise<Response | null> {
  if (request.method === 'GET' || request.method === 'HEAD') return null;
  const fetchAction = request.headers.has('next-action');
  const type = mediaType(request.headers.get('content-type'));
  // Next reads no other body: a POST with neither is rendered as the page.
  if (!fetchAction && type !== 'multipart/form-data') return null;
  if (!sameSite(request)) return refuse(403, 'This form was sent from another site; nothing was saved.');
  if (fetchAction && type !== 'multipart/form-data') return refuse(415, 'A form is sent as multipart/form-data; nothing was saved.');
  const body = await readLimitedBytes(request, ACTION_BODY_LIMIT, 'form');
  if (!body.ok) return refuse(413, `${body.refusal.message} Nothing was saved.`);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body.bytes), { headers: { 'content-type': request.headers.get('content-type')! } }).formData();
  } catch {
    return refuse(400, 'The form could not be read; reload the page and try again. Nothing was saved.');
  }
  const problem = envelopeProblem(form, fetchAction);
  return problem ? refuse(400, `${problem} Nothing was saved.`) : null;
}

/** Next's own test: an Origin, when sent, names the host this request was sent to (x-forwarded-host first). */
function sameSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (origin === null) return true; // a script's request: it carries no one else's cookies
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() || request.headers.get('host');
  if (origin === 'null') return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function refuse(status: number, message: string): Response {
  // Exactly text/plain, no charset: the only type whose text Next's client shows instead of a generic error.
  return new Response(message, { status, headers: { 'content-type': 'text/plain', 'cache-control': 'private, no-store' } });
}
