import { eq, sql } from 'drizzle-orm';
import type { DB } from '../index';
import { loginAttempts, users } from '../schema';
import { recordAudit } from './audit';
import { assertRole, type CurrentUser } from '../../lib/roles';
import type { Role } from '../../lib/domain';

export type NewUser = { email: string; name: string; role: Role; passwordHash: string };

/** Creates a user. `by` is null only for the shell command and the demo seed. */
export function createUser(db: DB, by: CurrentUser | null, input: NewUser) {
  if (by) assertRole(by, 'admin');
  return db.transaction(
    (tx) => {
      const row = tx
        .insert(users)
        .values({ ...input, email: input.email.trim().toLowerCase() })
        .returning({ id: users.id, email: users.email, role: users.role })
        .get();
      recordAudit(tx, { userId: by?.id ?? null, action: 'create', entity: 'user', entityId: row.id, after: row });
      return row;
    },
    { behavior: 'immediate' },
  );
}

/** Changes role or disabled flag; either ends the user's current sessions. */
export function updateUserAccess(db: DB, by: CurrentUser, id: number, change: { role?: Role; disabled?: boolean }) {
  assertRole(by, 'admin');
  return db.transaction(
    (tx) => {
      const before = tx.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, id)).get();
      if (!before) throw new Error('No such user.');
      tx.update(users)
        .set({ ...change, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, id))
        .run();
      recordAudit(tx, { userId: by.id, action: 'update', entity: 'user', entityId: id, before, after: { ...before, ...change } });
    },
    { behavior: 'immediate' },
  );
}

export function setPassword(db: DB, by: CurrentUser | null, id: number, passwordHash: string) {
  return db.transaction(
    (tx) => {
      tx.update(users)
        .set({ passwordHash, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, id))
        .run();
      recordAudit(tx, { userId: by?.id ?? null, action: 'update', entity: 'user', entityId: id, after: { password: 'changed' } });
    },
    { behavior: 'immediate' },
  );
}

/** Logging out bumps the session version, so the signed-out JWT no longer works anywhere. */
export function endSessions(db: DB, id: number) {
  db.transaction(
    (tx) => {
      tx.update(users)
        .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, id))
        .run();
      recordAudit(tx, { userId: id, action: 'logout', entity: 'user', entityId: id });
    },
    { behavior: 'immediate' },
  );
}

export function recordLoginAttempt(db: DB, email: string, address: string, succeeded: boolean) {
  db.insert(loginAttempts).values({ email: email.trim().toLowerCase(), address, succeeded }).run();
}
