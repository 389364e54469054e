import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/server/config';
import { contentSecurityPolicy } from '@/server/csp';
import { refusePageBody } from '@/server/http/page-body';
import { refuseMalformedPath } from '@/server/http/request-path';

/**
 * Every page request: a body (a server action's form) is checked before Next reads it (server/http/page-body.ts);
 * then a fresh nonce for the page's CSP, which Next reads from the request's own CSP header.
 * API responses get their fixed policy from next.config.js and never come here.
 */
export async function proxy(request: NextRequest) {
  const malformed = refuseMalformedPath(request);
  if (malformed) return malformed;
  // Routes come here only for that check (the last matcher below).
  if (request.nextUrl.pathname.startsWith('/api/')) return NextResponse.next();
  const refusal = await refusePageBody(request);
  if (refusal) return refusal;
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

// Static files need no policy; API responses have theirs in next.config.js. Next reads the matcher without
// running this file: every source is written out.
export const config = {
  matcher: [
    // Prefetches reuse the page's policy.
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
    // But a request with a body always comes here, whatever else it says: a prefetch header must not carry a
    // server action past the checks.
    { source: '/((?!api/|_next/static|_next/image|favicon.ico).*)', has: [{ type: 'header', key: 'next-action' }] },
    { source: '/((?!api/|_next/static|_next/image|favicon.ico).*)', has: [{ type: 'header', key: 'content-type' }] },
    { source: '/((?!api/|_next/static|_next/image|favicon.ico).*)', has: [{ type: 'header', key: 'content-length' }] },
    { source: '/((?!api/|_next/static|_next/image|favicon.ico).*)', has: [{ type: 'header', key: 'transfer-encoding' }] },
    // Any path with a %-escape, a prefetch or a route's, to refuse one that stands for no character.
    { source: '/:path(.*%.*)' },
  ],
};
