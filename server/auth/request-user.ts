import { getDb } from '@/server/db';
import { RouteError } from '@/server/http/problem';
import { findTokenUser } from '@/db/queries/tokens';
import { touchApiToken } from '@/db/mutations/tokens';
import { hashToken } from '@/lib/api-tokens';
import { currentUser } from './current-user';
import type { CurrentUser } from '@/lib/roles';
import type { TokenScope } from '@/lib/domain';

export type RequestAuth = { user: CurrentUser; via: 'session' } | { user: CurrentUser; via: 'token'; scope: TokenScope };

const SAFE_METHODS = ['GET', 'HEAD', 'OPTIONS'];

/**
 * Who is calling a route handler: a bearer token (scripts) or the session cookie (the browser).
 * A cookie-authenticated write must come from this site's own pages: route handlers get no CSRF check from Next.
 * A token must be unrevoked and unexpired; a read-only one never writes, whatever its owner's role, and only a
 * read-only one is taken from the address (`?token=`), where feed readers and calendars keep it in the clear.
 * Route handlers ask through apiRoute (server/http/route.ts), which adds the role check.
 */
export async function requestUser(request: Request, options: { allowQueryToken?: boolean } = {}): Promise<RequestAuth | null> {
  const header = request.headers.get('authorization');
  // Calendar and feed readers cannot send headers: feeds accept ?token= instead.
  const queryToken = options.allowQueryToken && request.method === 'GET' ? new URL(request.url).searchParams.get('token') : null;
  const bearer = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : null;
  const token = bearer || queryToken;
  if (token) {
    const found = findTokenUser(getDb(), hashToken(token));
    if (!found) return null;
    if (!bearer && found.scope !== 'read') {
      throw new RouteError(401, 'A feed or calendar link takes a read-only token: this one has full access, so it is not accepted in an address. Create a read-only token for the link.');
    }
    if (found.scope === 'read' && !SAFE_METHODS.includes(request.method)) {
      throw new RouteError(403, 'This token is read-only: it can read but never change anything. A script that writes needs a token with full access.');
    }
    touchApiToken(getDb(), found.tokenId);
    return { user: { id: found.id, email: found.email, name: found.name, role: found.role }, via: 'token', scope: found.scope };
  }
  const user = await currentUser();
  if (!user) return null;
  if (!SAFE_METHODS.includes(request.method) && !isSameOrigin(request)) return null;
  return { user, via: 'session' };
}

function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin) {
    try {
      return new URL(origin).host === host;
    } catch {
      return false;
    }
  }
  return request.headers.get('sec-fetch-site') === 'same-origin';
}
