import { clientOf, type Executor } from '@/db/types';
import { IN_VISIBLE, readerScope, roleInNegotiation, scopeParams, ACTOR_SEEN, OUTLET_SEEN, PARTY_SEEN, SOURCE_SEEN } from '@/db/queries/access';
import { ForbiddenError, hasRole, type CurrentUser } from '@/lib/roles';
import { NotFoundError } from '@/lib/errors';
import type { Role } from '@/lib/domain';

/** A member who reads a negotiation as a viewer, whatever their own role elsewhere. */
export class ViewerHereError extends ForbiddenError {
  constructor() {
    super('analyst', 'You can read this negotiation but not change it: you are one of its viewers.');
  }
}

/**
 * The one check every write into a negotiation makes, inside its transaction (docs/decisions/0017): the writer's
 * role there, read now. A negotiation they may not see is "not found", worded as for a record that does not exist
 * (`what`: "The issue"), so a refused write tells nothing about it.
 */
export function assertWriteIn(tx: Executor, user: CurrentUser, negotiationId: number | null | undefined, what: string, needed: Role = 'analyst'): void {
  const role = negotiationId === null || negotiationId === undefined ? null : roleInNegotiation(tx, user, negotiationId);
  if (role === null) throw new NotFoundError(what);
  if (!hasRole(role, needed)) throw needed === 'admin' ? new ForbiddenError('admin') : new ViewerHereError();
}

const SHARED = { source: SOURCE_SEEN, actor: ACTOR_SEEN, party: PARTY_SEEN, outlet: OUTLET_SEEN } as const;

/**
 * The sources, actors or parties a write cites must be ones the writer can see (db/queries/access.ts): citing an id
 * seen only in a restricted negotiation would show it in theirs. An unknown or unseen id reads as not found.
 */
export function assertCanCite(tx: Executor, user: CurrentUser, kind: keyof typeof SHARED, ids: readonly number[], what: string): void {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const table = { source: 'sources', actor: 'actors', party: 'parties', outlet: 'outlets' }[kind];
  const found = clientOf(tx)
    .prepare(`SELECT count(*) n FROM ${table} cited WHERE cited.id IN (SELECT value FROM json_each(@ids)) AND ${IN_VISIBLE('cited.id', SHARED[kind])}`)
    .get({ ids: JSON.stringify(wanted), ...scopeParams(readerScope(tx, user)) }) as { n: number };
  if (found.n !== wanted.length) throw new NotFoundError(what);
}
