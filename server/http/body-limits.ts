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
 * A pasted article sent to POST /api/capture: up to MAX_ARTICLE_CHARACTERS of text, which UTF-8 and JSON
 * make up to three times as many bytes (Cyrillic is two bytes a letter), with room for its metadata.
 */
export const CAPTURE_BODY_LIMIT = 3 * 1024 * 1024 + 64 * 1024;

/** A sign-in, sign-out or CSRF form: an email, a password, a token and a callback address. */
export const SIGN_IN_BODY_LIMIT = 16 * 1024;

/**
 * A server action's form. Next's own limit (experimental.serverActions.bodySizeLimit in next.config.js,
 * kept equal by tests/body-limits.test.ts) would answer 500; the proxy refuses first, with 413.
 */
export const ACTION_BODY_LIMIT = 1024 * 1024;

/** JSON nested deeper than this is refused (400) before it is parsed: recursive code after the parser would overflow the stack. */
export const MAX_JSON_DEPTH = 32;
