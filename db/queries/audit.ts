import { and, asc, desc, eq, gte, lt, sql, type SQL } from 'drizzle-orm';
import type { DB } from '@/db';
import { auditLog, users } from '@/db/schema';

export type AuditFilter = { userId?: number | null; entity?: string | null; action?: string | null; from?: string | null; to?: string | null };
export const AUDIT_PAGE_SIZE = 50;

function where(filter: AuditFilter): SQL | undefined {
  const conditions: SQL[] = [];
  if (filter.userId) conditions.push(eq(auditLog.userId, filter.userId));
  if (filter.entity) conditions.push(eq(auditLog.entity, filter.entity));
  if (filter.action) conditions.push(eq(auditLog.action, filter.action));
  // Dates are whole days (YYYY-MM-DD); `to` includes its day.
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, sql`date(${filter.to}, '+1 day')`));
  return conditions.length ? and(...conditions) : undefined;
}

/** One page of the audit log, newest first, with who did it. */
export function listAudit(db: DB, filter: AuditFilter, page = 1, pageSize = AUDIT_PAGE_SIZE) {
  const condition = where(filter);
  const rows = db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      before: auditLog.before,
      after: auditLog.after,
      userId: auditLog.userId,
      userName: users.name,
      userEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(condition)
    .orderBy(desc(auditLog.id))
    .limit(pageSize)
    .offset((Math.max(1, page) - 1) * pageSize)
    .all();
  const total = db.select({ n: sql<number>`count(*)` }).from(auditLog).where(condition).get()?.n ?? 0;
  return { rows, total, pages: Math.max(1, Math.ceil(total / pageSize)) };
}

/** What the filters offer: the entities and actions that occur, and the users who wrote. */
export function auditFilterChoices(db: DB) {
  const entities = db.selectDistinct({ v: auditLog.entity }).from(auditLog).orderBy(asc(auditLog.entity)).all().map((r) => r.v);
  const actions = db.selectDistinct({ v: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action)).all().map((r) => r.v);
  const people = db.select({ id: users.id, name: users.name, email: users.email }).from(users).orderBy(asc(users.email)).all();
  return { entities, actions, people };
}
