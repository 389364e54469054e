/**
 * A path whose percent-escapes are not UTF-8 ("/homework/%ff", "/issues/1%"): Next fails to decode it into the
 * route's parameters and answers 500. The proxy refuses it first, 400, for pages and routes alike.
 */
export function refuseMalformedPath(request: Request): Response | null {
  const { pathname } = new URL(request.url);
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    return new Response('This address is not written correctly: a %-escape in it stands for no character.', {
      status: 400,
      headers: { 'content-type': 'text/plain', 'cache-control': 'private, no-store' },
    });
  }
}
