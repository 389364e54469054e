import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from '@/db';
import type { Executor } from '@/db/types';
import { negotiationMembers, negotiations, users } from '@/db/schema';
import { effectiveRole } from '@/lib/access';
import type { CurrentUser } from '@/lib/roles';
import type { MemberRole, NegotiationAccess, Role } from '@/lib/domain';

// What a reader may see (docs/decisions/0017): computed here and nowhere else, fresh on every request, so a
// member removed loses access on their next one (sessions and API tokens alike: a token acts as its owner).
// Every query that reads a negotiation's records takes the scope and filters with the fragments below; an
// id outside it reads as not found, so a restricted negotiation's existence does not leak.

declare const computedHere: unique symbol;

export type ReaderScope = {
  /** Only this module makes a scope: a query cannot be handed one put together elsewhere. */
  readonly [computedHere]: true;
  /** The reader; null for the system (the shell, the demo loader, the benchmark). */
  readonly userId: number | null;
  /**
   * Every negotiation (admins, the system, and anyone who sees each one there is): the filters are left out. For
   * one who is not an admin, "every" is those that existed when the scope was read, this request.
   */
  readonly all: boolean;
  /** An admin's or the system's: admin in every negotiation, even one made after the scope was read. */
  readonly admin: boolean;
  /** The negotiations the reader sees, ascending, with their role in each. */
  readonly roles: ReadonlyMap<number, Role>;
  /** Names what the reader sees; readers with the same key read the same rows (db/read-cache.ts keys by it). */
  readonly key: string;
  /** The visible ids as the JSON array the SQL fragments read, or null for every negotiation. */
  readonly json: string | null;
};

function scopeOf(userId: number | null, all: boolean, admin: boolean, roles: Map<number, Role>): ReaderScope {
  const ids = [...roles.keys()].sort((a, b) => a - b);
  return { userId, all, admin, roles, key: all ? '*' : ids.join(','), json: all ? null : JSON.stringify(ids) } as unknown as ReaderScope;
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
  // One who sees every negotiation there is reads as the admin does: the same rows, so no filter to run.
  return scopeOf(user.id, roles.size === rows.length, user.role === 'admin', roles);
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
  return scopeOf(null, true, true, new Map(ids.map((n) => [n.id, 'admin' as Role])));
}

/** The reader's role in a negotiation, or null when they may not see it. */
export function roleIn(scope: ReaderScope, negotiationId: number | null | undefined): Role | null {
  if (negotiationId === null || negotiationId === undefined) return null;
  return scope.roles.get(negotiationId) ?? (scope.admin ? 'admin' : null);
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
 * cited in a visible negotiation (by an update, a position, a status change, an outcome or a round's cancellation;
 * or cited, up to two links along, by a source that is: TASS via El País), an actor affiliated in a visible
 * negotiation or named by a visible update, a party a visible negotiation seats, describes, has someone speak
 * for, or names in an update. An actor or party named nowhere
 * yet (just made on the parties page) is everyone's; a source nothing cites yet is seen by whoever entered it.
 *
 * Each is a raw condition on the record's id, written `$id`, over @scope and @reader: row by row, through the
 * indexes on the citing columns, so that a page reading the newest 300 sources checks 300, not every citation.
 */
const SEEN = `(SELECT value FROM json_each(@scope))`;
const citedIn = (col: string, where: (alias: string) => string) => `(EXISTS (SELECT 1 FROM update_sources cu JOIN updates cuu ON cuu.id = cu.update_id WHERE cu.source_id = ${col}${where('cuu')})
    OR EXISTS (SELECT 1 FROM positions cp JOIN issues cpi ON cpi.id = cp.issue_id WHERE cp.source_id = ${col}${where('cpi')})
    OR EXISTS (SELECT 1 FROM status_changes cs JOIN issues csi ON csi.id = cs.issue_id WHERE cs.source_id = ${col}${where('csi')})
    OR EXISTS (SELECT 1 FROM outcomes co JOIN rounds cor ON cor.id = co.round_id WHERE co.source_id = ${col}${where('cor')})
    OR EXISTS (SELECT 1 FROM rounds ccr WHERE ccr.cancellation_source_id = ${col}${where('ccr')}))`;
const inView = (alias: string) => ` AND ${alias}.negotiation_id IN ${SEEN}`;
const CITED_IN_VIEW = (col: string) => citedIn(col, inView);
const CITED_ANYWHERE = (col: string) => citedIn(col, () => '');
export const SOURCE_SEEN = `(${CITED_IN_VIEW('$id')}
  OR EXISTS (SELECT 1 FROM sources c1 WHERE c1.cites_source_id = $id AND ${CITED_IN_VIEW('c1.id')})
  OR EXISTS (SELECT 1 FROM sources c1 JOIN sources c2 ON c2.cites_source_id = c1.id WHERE c1.cites_source_id = $id AND ${CITED_IN_VIEW('c2.id')})
  OR EXISTS (SELECT 1 FROM sources own WHERE own.id = $id AND own.created_by = @reader AND NOT ${CITED_ANYWHERE('own.id')}))`;
/** An article is seen through its quotes: one of them is a source the reader sees. */
export const ARTICLE_SEEN = `EXISTS (SELECT 1 FROM sources aq WHERE aq.article_id = $id AND ${SOURCE_SEEN.replaceAll('$id', 'aq.id')})`;
/**
 * An outlet is seen through its articles: one of them is seen, or it has none yet (just made). One named only by a
 * restricted negotiation's sources does not exist for anyone outside it.
 */
export const OUTLET_SEEN = `(EXISTS (SELECT 1 FROM articles oa WHERE oa.outlet_id = $id AND ${ARTICLE_SEEN.replaceAll('$id', 'oa.id')})
  OR NOT EXISTS (SELECT 1 FROM articles oa WHERE oa.outlet_id = $id))`;
export const ACTOR_SEEN = `(EXISTS (SELECT 1 FROM affiliations af WHERE af.actor_id = $id AND af.negotiation_id IN ${SEEN})
  OR EXISTS (SELECT 1 FROM update_actors au JOIN updates auu ON auu.id = au.update_id WHERE au.actor_id = $id AND auu.negotiation_id IN ${SEEN})
  OR (NOT EXISTS (SELECT 1 FROM affiliations af WHERE af.actor_id = $id) AND NOT EXISTS (SELECT 1 FROM update_actors au WHERE au.actor_id = $id)))`;
export const PARTY_SEEN = `(EXISTS (SELECT 1 FROM negotiation_parties pn WHERE pn.party_id = $id AND pn.negotiation_id IN ${SEEN})
  OR EXISTS (SELECT 1 FROM party_descriptions pd WHERE pd.party_id = $id AND pd.negotiation_id IN ${SEEN})
  OR EXISTS (SELECT 1 FROM affiliations pa WHERE pa.party_id = $id AND pa.negotiation_id IN ${SEEN})
  OR EXISTS (SELECT 1 FROM update_parties pu JOIN updates puu ON puu.id = pu.update_id WHERE pu.party_id = $id AND puu.negotiation_id IN ${SEEN})
  OR (NOT EXISTS (SELECT 1 FROM negotiation_parties pn WHERE pn.party_id = $id) AND NOT EXISTS (SELECT 1 FROM party_descriptions pd WHERE pd.party_id = $id)
      AND NOT EXISTS (SELECT 1 FROM affiliations pa WHERE pa.party_id = $id) AND NOT EXISTS (SELECT 1 FROM update_parties pu WHERE pu.party_id = $id)))`;

/** A drizzle condition: the record in `column` is one the reader sees, by one of the rules above; nothing when they see all. */
export function visibleBy(scope: ReaderScope, column: SQLiteColumn | SQL, rule: string): SQL | undefined {
  if (scope.json === null) return undefined;
  const params: Record<string, string | number | null> = { '@scope': scope.json, '@reader': scope.userId };
  return sql.join(
    rule.split(/(@scope|@reader|\$id)/).map((part) => (part === '$id' ? sql`${column}` : part in params ? sql`${params[part]}` : sql.raw(part))),
    sql.raw(''),
  );
}

/** Raw SQL: the record in `column` is one the reader sees by `rule`, or @scope is null (they see all). */
export const IN_VISIBLE = (column: string, rule: string) => `(@scope IS NULL OR ${rule.replaceAll('$id', column)})`;

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
