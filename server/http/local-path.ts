/**
 * The one rule for a redirect target that comes from a request (the login page's `callbackUrl`, next-auth's
 * redirect callback, any `?next=` a page may take): read the way a browser reads it, against the app's own
 * origin (NEXTAUTH_URL), and kept only when it stays there; '/' otherwise. Browsers forgive a lot: "/\evil.example"
 * and "/<tab>/evil.example" both mean "//evil.example", another site. The WHATWG URL parser here is the one
 * browsers follow, so it resolves every such spelling (backslashes, tabs and newlines, encoded slashes,
 * schemes, user info, protocol-relative) as they would.
 *
 * The answer is a path (same-site navigation keeps working on whatever host the reader used), never one
 * starting with "//" — "/.//evil.example" resolves to the path "//evil.example" — which would again name a host.
 */
export function localPath(target: unknown, origin: string): string {
  if (typeof target !== 'string') return '/';
  let own: URL;
  let url: URL;
  try {
    own = new URL(origin);
    url = new URL(target, own);
  } catch {
    return '/';
  }
  if (url.origin !== own.origin) return '/';
  return `${url.pathname.replace(/^\/\/+/, '/')}${url.search}${url.hash}`;
}
