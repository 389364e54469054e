import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { loginAttempts, users } from '@/db/schema';

export function findUserByEmail(db: DB, email: string) {
  return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
}

// Read on every request (twice: the session callback and the page), so built and prepared once per connection.
const userByIdQueries = new WeakMap<DB, ReturnType<typeof prepareUserById>>();
const prepareUserById = (db: DB) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare();
function userById(db: DB) {
  let query = userByIdQueries.get(db);
  if (!query) userByIdQueries.set(db, (query = prepareUserById(db)));
  return query;
}

/** The user behind a session, or undefined when disabled or the session is older than the last logout. */
export function findActiveUser(db: DB, id: number, sessionVersion: number) {
  const user = userById(db).get({ id });
  if (!user || user.disabled || user.sessionVersion !== sessionVersion) return undefined;
  return user;
}

export function listUsers(db: DB) {
  return db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled, version: users.version, createdAt: users.createdAt })
    .from(users)
    .orderBy(asc(users.email))
    .all();
}

/** Failed logins since `sinceIso`, for an account and for an address. */
export function recentFailures(db: DB, email: string, address: string, sinceIso: string) {
  const count = (column: typeof loginAttempts.email | typeof loginAttempts.address, value: string) =>
    db
      .select({ n: sql<number>`count(*)` })
      .from(loginAttempts)
      .where(and(eq(column, value), eq(loginAttempts.succeeded, false), gte(loginAttempts.at, sinceIso)))
      .get()?.n ?? 0;
  return { byEmail: count(loginAttempts.email, email), byAddress: count(loginAttempts.address, address) };
}
