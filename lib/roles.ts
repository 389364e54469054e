import type { Role } from './domain';

// What each role may do: viewers read, analysts write, admins also manage users and the audit log.
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** True when `role` is at least `needed`. */
export function hasRole(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

export class ForbiddenError extends Error {
  constructor(needed: Role, message?: string) {
    super(message ?? (needed === 'admin' ? 'Only an admin can do this.' : 'Your role can read but not change anything.'));
    this.name = 'ForbiddenError';
  }
}

/** The user a write is made by: every mutation takes one and checks it. */
export type CurrentUser = { id: number; email: string; name: string; role: Role };

export function assertRole(user: CurrentUser | null | undefined, needed: Role): asserts user is CurrentUser {
  if (!user || !hasRole(user.role, needed)) throw new ForbiddenError(needed);
}
