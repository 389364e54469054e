import { and, desc, eq, isNull, notInArray, or } from 'drizzle-orm';
import type { DB } from '@/db';
import { auditLog, negotiations, updates, users } from '@/db/schema';
import { ACTOR_SEEN, PARTY_SEEN, visible, visibleBy, type ReaderScope } from './access';

/**
 * Entities left out of the activity feed: sign-ins, personal tokens and saved views, and user
 * administration are not changes to the negotiations anyone reads about.
 */
export const PRIVATE_ENTITIES = ['session', 'api_token', 'saved_view', 'user', 'login_attempt', 'negotiation_member'];

/**
 * The latest changes by everyone, newest first: those made in a negotiation the reader sees, and those to the
 * parties and actors they see (which belong to no negotiation: db/queries/access.ts). Any other change made in
 * no negotiation is shown to admins only.
 */
export function recentActivity(db: DB, scope: ReaderScope, limit = 100) {
  const seen = visible(scope, auditLog.negotiationId);
  const shared = (entity: string, rule: string) => and(eq(auditLog.entity, entity), visibleBy(scope, auditLog.entityId, rule));
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      userName: users.name,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(
      and(
        notInArray(auditLog.entity, PRIVATE_ENTITIES),
        notInArray(auditLog.action, ['login', 'logout']),
        seen && or(seen, and(isNull(auditLog.negotiationId), or(shared('party', PARTY_SEEN), shared('actor', ACTOR_SEEN)))),
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

/** A negotiation's latest updates for its Atom feed, with their authors. */
export function latestUpdatesOf(db: DB, scope: ReaderScope, negotiationId: number, limit = 50) {
  return db
    .select({
      id: updates.id,
      body: updates.body,
      occurredOn: updates.occurredOn,
      occurredOnPrecision: updates.occurredOnPrecision,
      occurredOnLabel: updates.occurredOnLabel,
      createdAt: updates.createdAt,
      editedAt: updates.editedAt,
      authorName: users.name,
    })
    .from(updates)
    .innerJoin(users, eq(users.id, updates.authorId))
    .where(and(eq(updates.negotiationId, negotiationId), visible(scope, updates.negotiationId)))
    .orderBy(desc(updates.occurredOn), desc(updates.id))
    .limit(limit)
    .all();
}

/** A negotiation's name and marking for its feed, or undefined when the reader may not see it. */
export function feedNegotiation(db: DB, scope: ReaderScope, id: number): { name: string; marking: string } | undefined {
  return db
    .select({ name: negotiations.name, marking: negotiations.marking })
    .from(negotiations)
    .where(and(eq(negotiations.id, id), visible(scope, negotiations.id)))
    .get();
}
