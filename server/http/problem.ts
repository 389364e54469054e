import { unstable_rethrow } from 'next/navigation';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/roles';
import type { FieldErrors } from '@/lib/validation/fields';

/** One problem in a document or a file: by JSON path where there is one, else a sentence that names its row. */
export type Problem = { path: string; message: string } | string;

/**
 * The one shape of every refusal a route handler gives, whatever the route:
 *
 *   error        always: one sentence a person can act on
 *   fieldErrors  a form-shaped body was refused: messages by field, keyed as the form names them
 *                ("body", "position.summary", "sources.0.url")
 *   errors       a document or a file was refused: each problem in order (import, import-updates)
 *   limit        413 only: the route's limit in bytes
 *   currentId    409 on a position only: the version now current, to build on next
 *
 * and the one mapping to status codes:
 *
 *   400  input the caller can fix: not JSON (or JSON nested over 32 levels), a field error (the schema's or
 *        InvalidInputError's), a document or file that does not check, a file name the route does not serve
 *   401  no valid session cookie or bearer token (or a cookie-authenticated write from another site)
 *   403  the caller's role is below the route's (ForbiddenError)
 *   404  an id that is not canonical (lib/ids.ts) or names nothing (NotFoundError)
 *   409  the record changed since the caller read it (ConflictError)
 *   413  a body over the route's limit, refused before any of it is parsed
 *   415  a body in another Content-Type than the one the route takes (`accepts`: application/json or text/csv)
 *   500  anything else: logged with the request and the caller; the answer says nothing was saved
 *
 * 400 rather than 422 for field errors: every route and script already used 400 for them.
 */
export type ErrorBody = { error: string; fieldErrors?: FieldErrors; errors?: Problem[]; limit?: number; currentId?: number | null };

/** A refusal a route decides on itself (a bad id, an oversize body, a document that does not check). */
export class RouteError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail: Omit<ErrorBody, 'error'> = {},
  ) {
    super(message);
    this.name = 'RouteError';
  }
}

/** The 404 for an id that names nothing, worded the same whether the id was malformed or unknown. */
export const noSuch = (what: string) => new RouteError(404, `No such ${what}.`);

export function problem(status: number, message: string, detail: Omit<ErrorBody, 'error'> = {}): Response {
  const body: ErrorBody = { error: message, ...detail };
  return Response.json(body, { status });
}

export const NOTHING_SAVED = 'Something went wrong and nothing was saved. Try again; if it persists, tell an admin.';

/** Where a failure happened, for the log: never the query string, which may carry a token. */
export type FailureContext = { request: Request; userId?: number; failure?: string };

/** The answer for anything a route handler threw. */
export function answerFor(error: unknown, { request, userId, failure = NOTHING_SAVED }: FailureContext): Response {
  // Next's own signals (redirect, notFound, dynamic rendering) are not failures: let Next handle them.
  unstable_rethrow(error);
  if (error instanceof RouteError) return problem(error.status, error.message, error.detail);
  if (error instanceof InvalidInputError) {
    const fields = Object.keys(error.errors).length > 0 ? { fieldErrors: error.errors } : {};
    return problem(400, error.message, fields);
  }
  if (error instanceof NotFoundError) return problem(404, error.message);
  if (error instanceof ConflictError) return problem(409, error.message);
  if (error instanceof ForbiddenError) return problem(403, error.message);
  console.error(`${request.method} ${new URL(request.url).pathname} failed`, { userId, error });
  return problem(500, failure);
}
