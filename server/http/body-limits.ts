/**
 * How much of a request body the app reads, whoever reads it. Every body goes through readLimitedBytes
 * (server/http/read-body.ts) before anything parses it and is refused with 413 past its limit:
 *
 *   route handlers      apiRoute's `bodyLimit`, DEFAULT_BODY_LIMIT unless the route declares its own
 *                       (README's API table lists each)
 *   next-auth's routes  SIGN_IN_BODY_LIMIT (server/auth/route.ts)
 *   pages               ACTION_BODY_LIMIT: the only bodies a page takes are server actions' forms
 *                       (proxy.ts, server/http/page-body.ts)
 */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/**
 * A pasted article sent to POST /api/capture: up to 1 MB of characters (lib/validation/capture.ts), which
 * UTF-8 makes up to three bytes each (Cyrillic two), with room for its metadata and JSON escapes.
 */
export const CAPTURE_BODY_LIMIT = 4 * 1024 * 1024;

/** A sign-in, sign-out or CSRF form: an email, a password, a token and a callback address. */
export const SIGN_IN_BODY_LIMIT = 16 * 1024;

/**
 * A server action's form. Next's own limit (experimental.serverActions.bodySizeLimit in next.config.js,
 * kept equal by tests/body-limits.test.ts) would answer 500; the proxy refuses first, with 413.
 */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/** JSON nested deeper than this is refused (400) before it is parsed: recursive code after the parser would overflow the stack. */
export const MAX_JSON_DEPTH = 32;
