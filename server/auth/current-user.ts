import { cache } from 'react';
import { cookies } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { findActiveUser } from '@/db/queries/users';
import { assertRole, type CurrentUser } from '@/lib/roles';
import type { Role } from '@/lib/domain';

/**
 * The signed-in user, re-read from the database, or null. Once per request (React's cache(); in
 * actions and route handlers it simply calls through).
 *
 * The session cookie is decrypted and checked (signature, expiry) by next-auth's own getToken; the
 * user must still be active with the same session version (logout, a password or role change and
 * disabling bump it). getServerSession did the same through next-auth's whole request handler, read
 * the user twice and encrypted a renewed token that, called this way, it never sends: a signed-in
 * trivial page ran ~25 % faster without it (BENCHMARKS.md).
 */
export const currentUser = cache(async (): Promise<CurrentUser | null> => {
  const jar = await cookies();
  // Only the cookie: a bearer token here would be an API token, which requestUser handles first.
  const request = { cookies: Object.fromEntries(jar.getAll().map((c) => [c.name, c.value])), headers: {} };
  const token = await getToken({ req: request as unknown as Parameters<typeof getToken>[0]['req'] });
  if (!token || typeof token.uid !== 'number') return null;
  const user = findActiveUser(getDb(), token.uid, Number(token.sv));
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
