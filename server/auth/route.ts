import { NextRequest } from 'next/server';
import { readLimitedBytes } from '@/server/http/read-body';
import { SIGN_IN_BODY_LIMIT } from '@/server/http/body-limits';
import { privately } from '@/server/http/private';
import { problem } from '@/server/http/problem';
import { mediaType } from '@/server/http/media-type';

// What next-auth's own client sends (sign-in, sign-out); next-auth would also try JSON, and answer 500 to bad JSON.
const FORM = 'application/x-www-form-urlencoded';

type Handler = (request: NextRequest, context: { params: Promise<{ nextauth: string[] }> }) => Promise<Response>;

/**
 * next-auth's own routes, behind the app's rules for every request: the body is read within
 * SIGN_IN_BODY_LIMIT before next-auth sees it (next-auth reads a body whole: an anonymous 150 MB POST to the
 * credentials callback took the server from ~270 MB to ~700 MB), only as the form its client sends (415
 * otherwise), and every answer, a session or a CSRF token, is `private, no-store`.
 */
export function authRoute(handler: Handler): Handler {
  return async (request, context) => {
    if (request.method === 'GET' || request.method === 'HEAD') {
      // The credentials callback takes a POST only; next-auth answers any other with a 500.
      const [action, provider] = (await context.params).nextauth ?? [];
      if (action === 'callback' && provider === 'credentials') return privately(problem(405, 'Sign in with a POST of the sign-in form.'));
      return privately(await handler(request, context));
    }
    if (mediaType(request.headers.get('content-type')) !== FORM) return privately(problem(415, `Send the form as ${FORM}.`));
    const body = await readLimitedBytes(request, SIGN_IN_BODY_LIMIT, 'sign-in form');
    if (!body.ok) return privately(body.response);
    const read = new NextRequest(request.url, { method: request.method, headers: request.headers, body: new Uint8Array(body.bytes) });
    return privately(await handler(read, context));
  };
}
