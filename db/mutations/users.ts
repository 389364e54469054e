import { eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { loginAttempts, users } from '@/db/schema';
import { recordAudit } from './audit';
import { assertRole, type CurrentUser } from '@/lib/roles';
import type { Role } from '@/lib/domain';
import { InvalidInputError, NotFoundError } from '@/lib/errors';

export type NewUser = { email: string; name: string; role: Role; passwordHash: string };

/** Creates a user. `by` is null only for the shell command and the demo seed. */
export function createUser(db: DB, by: CurrentUser | null, input: NewUser) {
  if (by) assertRole(by, 'admin');
  const email = input.email.trim().toLowerCase();
  return db.transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
        throw new InvalidInputError('That email is taken.', { email: ['A user with this email already exists.'] });
      }
      const row = tx
        .insert(users)
        .values({ ...input, email })
        .returning({ id: users.id, email: users.email, role: users.role })
        .get();
      recordAudit(tx, { userId: by?.id ?? null, action: 'create', entity: 'user', entityId: row.id, after: row });
      return row;
    },
    { behavior: 'immediate' },
  );
}

/**
 * Changes role or disabled flag; either ends the user's current sessions.
 * An admin cannot demote or disable themselves, so there is always an admin left to undo a mistake.
 */
export function updateUserAccess(db: DB, by: CurrentUser, id: number, change: { role?: Role; disabled?: boolean }) {
  assertRole(by, 'admin');
  if (by.id === id && change.disabled === true) {
    throw new InvalidInputError('You cannot disable your own account; ask another admin.', { disabled: ['You cannot disable yourself.'] });
  }
  if (by.id === id && change.role !== undefined && change.role !== 'admin') {
    throw new InvalidInputError('You cannot remove your own admin role; ask another admin.', { role: ['You cannot demote yourself.'] });
  }
  return db.transaction(
    (tx) => {
      const before = tx.select({ role: users.role, disabled: users.disabled }).from(users).where(eq(users.id, id)).get();
      if (!before) throw new NotFoundError('The user');
      tx.update(users)
        .set({ ...change, sessionVersion: sql`${users.sessionVersion} + 1` })
        .where(eq(users.id, id))
        .run();
      recordAudit(tx, { userId: by.id, action: 'update', entity: 'user', entityId: id, before, after: { ...before, ...change } });
    },
    { behavior: 'immediate' },
  );
}

/** Sets a password and ends the user's sessions. Anyone may change their own; only an admin another's. */
export function setPassword(db: DB, by: CurrentUser | null, id: number, passwordHash: string) {
  if (by && by.id !== id) assertRole(by, 'admin');
  return db.transaction(
    (tx) => {
      if (!tx.select({ id: users.id }).from(users).where(eq(users.id, id)).get()) throw new NotFoundError('The user');
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
