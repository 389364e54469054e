import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from '@/db';
import type { Executor } from '@/db/types';
import { negotiationMembers, negotiations, users } from '@/db/schema';
import { effectiveRole } from '@/lib/access';
import type { CurrentUser } from '@/lib/roles';
import type { MemberRole, NegotiationAccess, Role } from '@/lib/domain';

// What a reader may see (docs/decisions/0015): computed here and nowhere else, fresh on every request, so a
// member removed loses access on their next one (sessions and API tokens alike: a token acts as its owner).
// Every query that reads a negotiation's records takes the scope and filters with the fragments below; an
// id outside it reads as not found, so a restricted negotiation's existence does not leak.

declare const computedHere: unique symbol;

export type ReaderScope = {
  /** Only this module makes a scope: a query cannot be handed one put together elsewhere. */
  readonly [computedHere]: true;
  /** The reader; null for the system (the shell, the demo loader, the benchmark). */
  readonly userId: number | null;
  /** Every negotiation, present and future (admins and the system): the filters are left out. */
  readonly all: boolean;
  /** The negotiations the reader sees, ascending, with their role in each. */
  readonly roles: ReadonlyMap<number, Role>;
  /** Names what the reader sees; readers with the same key read the same rows (db/read-cache.ts keys by it). */
  readonly key: string;
  /** The visible ids as the JSON array the SQL fragments read, or null for every negotiation. */
  readonly json: string | null;
};

function scopeOf(userId: number | null, all: boolean, roles: Map<number, Role>): ReaderScope {
  const ids = [...roles.keys()].sort((a, b) => a - b);
  return { userId, all, roles, key: all ? '*' : ids.join(','), json: all ? null : JSON.stringify(ids) } as unknown as ReaderScope;
}

/** What `user` may see now: one query, made on every request. */
export function readerScope(db: Executor, user: Pick<CurrentUser, 'id' | 'role'>): ReaderScope {
  const rows = db
    .select({ id: negotiations.id, access: negotiations.access, membership: negotiationMembers.role })
    .from(negotiations)
    .leftJoin(negotiationMembers, and(eq(negotiationMembers.negotiationId, negotiations.id), eq(negotiationMembers.userId, user.id)))
    .all();
  const roles = new Map<number, Role>();
  for (const row of rows) {
    const role = effectiveRole(user.role, row.access, row.membership);
    if (role) roles.set(row.id, role);
  }
  return scopeOf(user.id, user.role === 'admin', roles);
}

/** `user`'s role in one negotiation as it stands now (inside a write's transaction), or null when they may not see it. */
export function roleInNegotiation(db: Executor, user: Pick<CurrentUser, 'id' | 'role'>, negotiationId: number): Role | null {
  const row = db
    .select({ access: negotiations.access, membership: negotiationMembers.role })
    .from(negotiations)
    .leftJoin(negotiationMembers, and(eq(negotiationMembers.negotiationId, negotiations.id), eq(negotiationMembers.userId, user.id)))
    .where(eq(negotiations.id, negotiationId))
    .get();
  return row ? effectiveRole(user.role, row.access, row.membership) : null;
}

/** Everything, for the system's own work (the shell, the demo loader, the benchmark), which acts for no reader. */
export function wholeInstance(db: Executor): ReaderScope {
  const ids = db.select({ id: negotiations.id }).from(negotiations).all();
  return scopeOf(null, true, new Map(ids.map((n) => [n.id, 'admin' as Role])));
}

/** The reader's role in a negotiation, or null when they may not see it. */
export function roleIn(scope: ReaderScope, negotiationId: number | null | undefined): Role | null {
  if (negotiationId === null || negotiationId === undefined) return null;
  return scope.roles.get(negotiationId) ?? (scope.all ? 'admin' : null);
}

export function sees(scope: ReaderScope, negotiationId: number | null | undefined): boolean {
  return roleIn(scope, negotiationId) !== null;
}

/** The negotiations the reader sees, for a query's IN list; undefined when they see them all. */
export function visibleIds(scope: ReaderScope): number[] | undefined {
  return scope.all ? undefined : [...scope.roles.keys()];
}

// --- SQL fragments. Raw statements bind the scope as @scope (`scopeParams`); drizzle ones get it bound (`visible`).

/** `column` holds a visible negotiation's id. Raw SQL, with @scope bound by `scopeParams`. */
export const IN_SCOPE = (column: string) => `(@scope IS NULL OR ${column} IN (SELECT value FROM json_each(@scope)))`;

/** The named parameters the raw fragments read: @scope (null: every negotiation) and @reader (the reader's id). */
export function scopeParams(scope: ReaderScope): { scope: string | null; reader: number | null } {
  return { scope: scope.json, reader: scope.userId };
}

/** A drizzle condition: `column` holds a visible negotiation's id (nothing to check when the reader sees all). */
export function visible(scope: ReaderScope, column: SQLiteColumn | SQL): SQL | undefined {
  if (scope.json === null) return undefined;
  return sql`${column} IN (SELECT value FROM json_each(${scope.json}))`;
}

/**
 * Records that belong to no negotiation are seen through the visible ones that cite or name them: a source
 * cited in a visible negotiation (and the sources it cites in turn), an actor a visible update names, a party at
 * a visible table or named by a visible update. An actor or party never named anywhere yet (just made on the
 * parties page) is everyone's; a source nothing cites yet is seen by whoever entered it. Each is a raw subquery
 * over @scope and @reader, usable as `x IN (…)`.
 */
const SEEN = `(SELECT value FROM json_each(@scope))`;
export const VISIBLE_SOURCES = `WITH RECURSIVE cited(id) AS (
    SELECT us.source_id FROM update_sources us JOIN updates u ON u.id = us.update_id WHERE u.negotiation_id IN ${SEEN}
    UNION SELECT p.source_id FROM positions p JOIN issues i ON i.id = p.issue_id WHERE p.source_id IS NOT NULL AND i.negotiation_id IN ${SEEN}
    UNION SELECT c.source_id FROM status_changes c JOIN issues i ON i.id = c.issue_id WHERE c.source_id IS NOT NULL AND i.negotiation_id IN ${SEEN}
    UNION SELECT o.source_id FROM outcomes o JOIN rounds r ON r.id = o.round_id WHERE o.source_id IS NOT NULL AND r.negotiation_id IN ${SEEN}
    UNION SELECT s.id FROM sources s WHERE s.created_by = @reader
      AND NOT EXISTS (SELECT 1 FROM update_sources us WHERE us.source_id = s.id) AND NOT EXISTS (SELECT 1 FROM positions p WHERE p.source_id = s.id)
      AND NOT EXISTS (SELECT 1 FROM status_changes c WHERE c.source_id = s.id) AND NOT EXISTS (SELECT 1 FROM outcomes o WHERE o.source_id = s.id)
    UNION SELECT s.cites_source_id FROM sources s JOIN cited ON cited.id = s.id WHERE s.cites_source_id IS NOT NULL
  ) SELECT id FROM cited`;
export const VISIBLE_ACTORS = `SELECT ua.actor_id FROM update_actors ua JOIN updates u ON u.id = ua.update_id WHERE u.negotiation_id IN ${SEEN}
  UNION SELECT a.id FROM actors a WHERE NOT EXISTS (SELECT 1 FROM update_actors ua WHERE ua.actor_id = a.id)`;
export const VISIBLE_PARTIES = `SELECT party_id FROM negotiation_parties WHERE negotiation_id IN ${SEEN}
  UNION SELECT up.party_id FROM update_parties up JOIN updates u ON u.id = up.update_id WHERE u.negotiation_id IN ${SEEN}
  UNION SELECT p.id FROM parties p WHERE NOT EXISTS (SELECT 1 FROM negotiation_parties np WHERE np.party_id = p.id)
    AND NOT EXISTS (SELECT 1 FROM update_parties up WHERE up.party_id = p.id)`;

/** `column IN (subquery)` as a drizzle condition, the subquery one of the VISIBLE_… above; nothing when the reader sees all. */
export function visibleBy(scope: ReaderScope, column: SQLiteColumn | SQL, subquery: string): SQL | undefined {
  if (scope.json === null) return undefined;
  const params: Record<string, string | number | null> = { '@scope': scope.json, '@reader': scope.userId };
  const parts = subquery.split(/(@scope|@reader)/);
  return sql`${column} IN (${sql.join(
    parts.map((part) => (part in params ? sql`${params[part]}` : sql.raw(part))),
    sql.raw(''),
  )})`;
}

/** Raw SQL: `column IN (subquery)` or always true when @scope is null. */
export const IN_VISIBLE = (column: string, subquery: string) => `(@scope IS NULL OR ${column} IN (${subquery}))`;

// --- Membership, as the members page and the shell show it.

export type Member = { userId: number; name: string; email: string; userRole: Role; role: MemberRole; disabled: boolean };

/** A negotiation's access and marking, as its pages and exports show them; undefined when the reader may not see it. */
export function accessOf(db: DB, scope: ReaderScope, negotiationId: number): { access: NegotiationAccess; marking: string } | undefined {
  if (!sees(scope, negotiationId)) return undefined;
  return db.select({ access: negotiations.access, marking: negotiations.marking }).from(negotiations).where(eq(negotiations.id, negotiationId)).get();
}

/** The members of a negotiation, by name; empty when the reader may not see it. */
export function listMembers(db: DB, scope: ReaderScope, negotiationId: number): Member[] {
  if (!sees(scope, negotiationId)) return [];
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      userRole: users.role,
      role: negotiationMembers.role,
      disabled: users.disabled,
    })
    .from(negotiationMembers)
    .innerJoin(users, eq(users.id, negotiationMembers.userId))
    .where(eq(negotiationMembers.negotiationId, negotiationId))
    .orderBy(asc(users.name))
    .all();
}
