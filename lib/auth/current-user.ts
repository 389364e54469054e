import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { authOptions } from './options';
import { getDb } from '../../db';
import { findActiveUser } from '../../db/queries/users';
import { assertRole, type CurrentUser } from '../roles';
import type { Role } from '../domain';

/**
 * The signed-in user, re-read from the database, or null. Once per request: the layout and the page
 * both ask, and each session read decrypts and re-issues the token (React's cache() is per request;
 * in actions and route handlers it simply calls through).
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions);
  const s = session?.user;
  if (!s) return null;
  const user = findActiveUser(getDb(), s.id, s.sv);
  return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
});

/** For pages: the user, or a redirect to the login page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await currentUser();
  if (!user) redirect('/login');
  return user;
}

/** For actions: the user when their role allows `needed`; throws ForbiddenError otherwise. */
export async function requireRole(needed: Role): Promise<CurrentUser> {
  const user = await currentUser();
  assertRole(user, needed);
  return user;
}
