const PRIVATE = 'private, no-store';

/**
 * Marks an answer made for one caller so that no browser or proxy keeps it: every route handler's
 * (apiRoute) and next-auth's. Pages and server actions get Next's own `private, no-cache, no-store`;
 * e2e/caching.spec.ts checks them all.
 */
export function privately(response: Response): Response {
  try {
    response.headers.set('Cache-Control', PRIVATE);
    return response;
  } catch {
    // A response with immutable headers (Response.redirect, a fetched one): copy it.
    const copy = new Response(response.body, response);
    copy.headers.set('Cache-Control', PRIVATE);
    return copy;
  }
}
