import type { DB } from '@/db';
import { findUserByEmail, recentFailures } from '@/db/queries/users';
import { recordLoginAttempt } from '@/db/mutations/users';
import { DUMMY_HASH, verifyPassword } from './password';
import type { Role } from '@/lib/domain';

export const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const TOO_MANY_ATTEMPTS = `Too many failed attempts. Wait ${WINDOW_MINUTES} minutes and try again.`;

export class TooManyAttemptsError extends Error {
  constructor() {
    super(TOO_MANY_ATTEMPTS);
    this.name = 'TooManyAttemptsError';
  }
}

export type Authenticated = { id: string; email: string; name: string; role: Role; sv: number };

/**
 * Checks a login: refused outright after too many recent failures for the account or the address
 * (even with the right password, so guessing cannot go on), else the password; every attempt is recorded.
 */
export async function authenticate(db: DB, rawEmail: unknown, rawPassword: unknown, address: string): Promise<Authenticated | null> {
  const email = String(rawEmail ?? '').trim().toLowerCase().slice(0, 320);
  const password = String(rawPassword ?? '').slice(0, 1000);
  if (!email || !password) return null;
  const since = new Date(Date.now() - WINDOW_MINUTES * 60_000).toISOString();
  const failures = recentFailures(db, email, address, since);
  if (failures.byEmail >= MAX_FAILURES_PER_ACCOUNT || failures.byAddress >= MAX_FAILURES_PER_ADDRESS) throw new TooManyAttemptsError();
  const user = findUserByEmail(db, email);
  const active = user && !user.disabled ? user : undefined;
  // The same work for every attempt: an unknown or disabled account is checked against a hash too.
  const matches = await verifyPassword(password, active?.passwordHash ?? DUMMY_HASH);
  const ok = !!active && matches;
  recordLoginAttempt(db, email, address, ok);
  if (!ok || !active) return null;
  return { id: String(active.id), email: active.email, name: active.name, role: active.role, sv: active.sessionVersion };
}
