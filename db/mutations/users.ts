import { eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { loginAttempts, users } from '@/db/schema';
import type { Executor } from '@/db/types';
import { recordAudit } from './audit';
import { endCredentials } from './credentials';
import { writeVersioned, type VersionedRecord } from './versions';
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

/** The account as the users page shows it: its role, its access and (noted in the audit log) its password. */
function accountRecord(tx: Executor, id: number): VersionedRecord<{ id: number; email: string; role: Role; disabled: boolean; version: number }> {
  const read = () => tx.select({ id: users.id, email: users.email, role: users.role, disabled: users.disabled, version: users.version }).from(users).where(eq(users.id, id)).get();
  return {
    what: `the account of ${read()?.email ?? 'this user'}`,
    audit: { entities: ['user'], entityId: id },
    read,
    bump: () => tx.update(users).set({ version: sql`${users.version} + 1` }).where(eq(users.id, id)).run(),
    fields: {
      role: { label: 'role' },
      disabled: { label: 'access', show: (v) => (v ? 'disabled' : 'active'), phrase: (access) => `the account is now ${String(access)}` },
      password: { label: 'password', phrase: () => 'the password was reset' },
    },
  };
}

/**
 * Changes role or disabled flag; either ends every credential of the user (sessions and API tokens,
 * credentials.ts), re-enabling included, so nothing issued before comes back with the account.
 * An admin cannot demote or disable themselves, so there is always an admin left to undo a mistake.
 * `version`: the account's when the users page was opened (null: no form).
 */
export function updateUserAccess(db: DB, by: CurrentUser, id: number, change: { role?: Role; disabled?: boolean }, version: number | null = null) {
  assertRole(by, 'admin');
  if (by.id === id && change.disabled === true) {
    throw new InvalidInputError('You cannot disable your own account; ask another admin.', { disabled: ['You cannot disable yourself.'] });
  }
  if (by.id === id && change.role !== undefined && change.role !== 'admin') {
    throw new InvalidInputError('You cannot remove your own admin role; ask another admin.', { role: ['You cannot demote yourself.'] });
  }
  return db.transaction(
    (tx) => {
      writeVersioned(tx, by, accountRecord(tx, id), version, (before) => {
        if (!before) throw new NotFoundError('The user');
        tx.update(users)
          .set({ ...change, version: before.version + 1 })
          .where(eq(users.id, id))
          .run();
        // Setting what already holds (enabling an active account) changes nobody's access.
        if (change.role !== undefined && change.role !== before.role) endCredentials(tx, id, 'role changed');
        if (change.disabled !== undefined && change.disabled !== before.disabled) endCredentials(tx, id, change.disabled ? 'account disabled' : 'account re-enabled');
      });
    },
    { behavior: 'immediate' },
  );
}

/**
 * Sets a password and ends every credential of the user (sessions and API tokens). Anyone may change
 * their own; only an admin another's. `version`: the account's when the form was opened (null: no form).
 */
export function setPassword(db: DB, by: CurrentUser | null, id: number, passwordHash: string, version: number | null = null) {
  if (by && by.id !== id) assertRole(by, 'admin');
  return db.transaction(
    (tx) => {
      const write = (before: { version: number } | undefined) => {
        if (!before) throw new NotFoundError('The user');
        tx.update(users)
          .set({ passwordHash, version: before.version + 1 })
          .where(eq(users.id, id))
          .run();
        endCredentials(tx, id, by && by.id !== id ? 'password reset' : 'password changed');
      };
      writeVersioned(tx, by, accountRecord(tx, id), by ? version : null, write, { noted: { password: 'changed' } });
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
