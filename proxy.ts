import { NextResponse, type NextRequest } from 'next/server';
import { env } from '@/server/config';
import { contentSecurityPolicy } from '@/server/csp';

/**
 * A fresh nonce per request for the page's CSP; Next reads it from the request's own CSP header.
 * API responses get their fixed policy from next.config.js and never come here.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('Content-Security-Policy', csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Static files need no policy; prefetches reuse the page's; API responses have theirs in next.config.js.
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
