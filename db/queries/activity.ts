import { and, desc, eq, notInArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { auditLog, negotiations, updates, users } from '@/db/schema';

/**
 * Entities left out of the activity feed: sign-ins, personal tokens and saved views, and user
 * administration are not changes to the negotiations anyone reads about.
 */
export const PRIVATE_ENTITIES = ['session', 'api_token', 'saved_view', 'user', 'login_attempt'];

/** The latest changes by everyone, newest first. */
export function recentActivity(db: DB, limit = 100) {
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
    .where(and(notInArray(auditLog.entity, PRIVATE_ENTITIES), notInArray(auditLog.action, ['login', 'logout'])))
    .orderBy(desc(auditLog.id))
    .limit(limit)
    .all();
}

/** A negotiation's latest updates for its Atom feed, with their authors. */
export function latestUpdatesOf(db: DB, negotiationId: number, limit = 50) {
  return db
    .select({
      id: updates.id,
      body: updates.body,
      occurredOn: updates.occurredOn,
      createdAt: updates.createdAt,
      editedAt: updates.editedAt,
      authorName: users.name,
    })
    .from(updates)
    .innerJoin(users, eq(users.id, updates.authorId))
    .where(eq(updates.negotiationId, negotiationId))
    .orderBy(desc(updates.occurredOn), desc(updates.id))
    .limit(limit)
    .all();
}

export function negotiationName(db: DB, id: number): string | undefined {
  return db.select({ name: negotiations.name }).from(negotiations).where(eq(negotiations.id, id)).get()?.name;
}
