import { getDb } from '@/server/db';
import { findTokenUser } from '@/db/queries/tokens';
import { touchApiToken } from '@/db/mutations/tokens';
import { hashToken } from '@/lib/api-tokens';
import { currentUser } from './current-user';
import type { CurrentUser } from '@/lib/roles';

export type RequestAuth = { user: CurrentUser; via: 'session' | 'token' };

/**
 * Who is calling a route handler: a bearer token (scripts) or the session cookie (the browser).
 * A cookie-authenticated write must come from this site's own pages: route handlers get no CSRF check from Next.
 * Route handlers ask through apiRoute (server/http/route.ts), which adds the role check.
 */
export async function requestUser(request: Request, options: { allowQueryToken?: boolean } = {}): Promise<RequestAuth | null> {
  const header = request.headers.get('authorization');
  // Calendar and feed readers cannot send headers: feeds accept ?token= instead.
  const queryToken = options.allowQueryToken && request.method === 'GET' ? new URL(request.url).searchParams.get('token') : null;
  const token = header?.toLowerCase().startsWith('bearer ') ? header.slice(7).trim() : queryToken;
  if (token) {
    const found = findTokenUser(getDb(), hashToken(token));
    if (!found) return null;
    touchApiToken(getDb(), found.tokenId);
    return { user: { id: found.id, email: found.email, name: found.name, role: found.role }, via: 'token' };
  }
  const user = await currentUser();
  if (!user) return null;
  if (!['GET', 'HEAD', 'OPTIONS'].includes(request.method) && !isSameOrigin(request)) return null;
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
