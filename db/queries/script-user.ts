import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { users } from '@/db/schema';

/** The user a shell script acts as: the one with this email, or else the first active admin. */
export function findScriptUser(db: DB, email?: string | null) {
  if (email) return db.select().from(users).where(eq(users.email, email.trim().toLowerCase())).get();
  return db
    .select()
    .from(users)
    .where(and(eq(users.role, 'admin'), eq(users.disabled, false)))
    .orderBy(asc(users.id))
    .get();
}
