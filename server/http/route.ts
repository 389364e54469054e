import type { z } from 'zod';
import { requestUser } from '@/server/auth/request-user';
import { answerFor, noSuch, RouteError } from './problem';
import { readLimitedText } from './read-body';
import { DEFAULT_BODY_LIMIT, MAX_JSON_DEPTH } from './body-limits';
import { jsonDepth } from './json-depth';
import { mediaType } from './media-type';
import { privately } from './private';
import { parseId } from '@/lib/ids';
import { readerScope, type ReaderScope } from '@/db/queries/access';
import { getDb } from '@/server/db';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { fieldErrors } from '@/lib/validation/fields';
import type { Role } from '@/lib/domain';

export { DEFAULT_BODY_LIMIT } from './body-limits';

/** The media types a route can take a body in. */
export type BodyType = 'application/json' | 'text/csv';

export type RouteAccess = {
  /** The least role that may call the route (tests/authz-matrix.ts names the same). */
  role: Role;
  /** Calendar and feed readers cannot send headers: let them send ?token= on a GET. */
  queryToken?: boolean;
  /** Bytes of body the route reads at most; a larger body is refused with 413 before any of it is parsed. */
  bodyLimit?: number;
  /** The one Content-Type a route that reads a body takes; any other is refused with 415 before the body is read. */
  accepts?: BodyType;
  /** What a 500 says instead of the general "nothing was saved", when the route can say more. */
  failure?: string;
};

export type RouteCall<P> = {
  request: Request;
  /** The caller, with a role at least `access.role`. */
  user: CurrentUser;
  /** What the caller may see, read for this request (a token acts with its owner's memberships). */
  scope: ReaderScope;
  params: P;
  /** The id in a path segment, or a 404 "No such {what}." for anything but a canonical id (lib/ids.ts). */
  pathId(segment: keyof P & string, what: string): number;
  /** The body as text, within the route's limit; `what` names it in the 413's message ("CSV file"). */
  text(what?: string): Promise<string>;
  /** The body as a JSON object, within the route's limit; 400 for anything else. */
  json(): Promise<Record<string, unknown>>;
};

type Context<P> = { params: Promise<P> };

/**
 * Every route handler that needs a caller: who asks (bearer token or session cookie, server/auth/request-user.ts),
 * may they (the least role), then `handle`, whose refusals and failures become the one error shape and status
 * code of server/http/problem.ts. Every answer, streams and files included, is `Cache-Control: private, no-store`:
 * it was made for one caller and must not be kept by a browser or a proxy.
 *
 *   export const POST = apiRoute<{ id: string }>({ role: 'analyst' }, async ({ user, pathId, json }) => { … });
 */
export function apiRoute<P extends Record<string, string> = Record<string, never>>(
  access: RouteAccess,
  handle: (call: RouteCall<P>) => Response | Promise<Response>,
): (request: Request, context?: Context<P>) => Promise<Response> {
  return async (request, context) => privately(await answer(request, context, access, handle));
}

async function answer<P extends Record<string, string>>(
  request: Request,
  context: Context<P> | undefined,
  access: RouteAccess,
  handle: (call: RouteCall<P>) => Response | Promise<Response>,
): Promise<Response> {
  let user: CurrentUser | undefined;
  try {
    const auth = await requestUser(request, { allowQueryToken: access.queryToken });
    if (!auth) throw new RouteError(401, 'Sign in or send a valid bearer token.');
    assertRole(auth.user, access.role);
    user = auth.user;
    const params = ((await context?.params) ?? {}) as P;
    const limit = access.bodyLimit ?? DEFAULT_BODY_LIMIT;
    const text = async (what = 'body') => {
      assertContentType(request, access.accepts);
      const body = await readLimitedText(request, limit, what);
      if (!body.ok) throw body.refusal;
      if (access.accepts === 'application/json' && jsonDepth(body.text) > MAX_JSON_DEPTH) {
        throw new RouteError(400, `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep; nothing was read.`);
      }
      return body.text;
    };
    return await handle({
      request,
      user,
      scope: readerScope(getDb(), user),
      params,
      pathId(segment, what) {
        const id = parseId(params[segment]);
        if (id === null) throw noSuch(what);
        return id;
      },
      text,
      async json() {
        const value = parseJson(await text());
        if (!value || typeof value !== 'object' || Array.isArray(value)) throw new RouteError(400, 'The body must be a JSON object.');
        return value as Record<string, unknown>;
      },
    });
  } catch (error) {
    return answerFor(error, { request, userId: user?.id, failure: access.failure });
  }
}

function assertContentType(request: Request, accepts: BodyType | undefined) {
  // A route reading a body it declared no type for is a mistake in the route, not in the request.
  if (!accepts) throw new Error(`${new URL(request.url).pathname} reads a body but declares no \`accepts\` type`);
  const sent = mediaType(request.headers.get('content-type'));
  if (sent !== accepts) {
    throw new RouteError(415, `Send the body as ${accepts} (Content-Type: ${accepts}); this request ${sent ? `said ${sent}` : 'named no type'}.`);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The input checked by a zod schema, or a 400 with `message` and the messages by field. */
export function validInput<S extends z.ZodType>(schema: S, input: unknown, message: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new RouteError(400, message, { fieldErrors: fieldErrors(parsed.error) });
  return parsed.data;
}
