import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '../../db';
import { findActiveUser, findUserByEmail, recentFailures } from '../../db/queries/users';
import { endSessions, recordLoginAttempt } from '../../db/mutations/users';
import { verifyPassword } from './password';
import type { Role } from '../domain';

const WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_ADDRESS = 30;
export const SESSION_HOURS = 12;

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.['x-forwarded-for'];
  const first = typeof forwarded === 'string' ? forwarded.split(',')[0]?.trim() : '';
  return first || 'local';
}

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? '').trim().toLowerCase().slice(0, 320);
        const password = String(credentials?.password ?? '').slice(0, 1000);
        if (!email || !password) return null;
        const db = getDb();
        const address = clientAddress(req?.headers);
        const since = new Date(Date.now() - WINDOW_MINUTES * 60_000).toISOString();
        const failures = recentFailures(db, email, address, since);
        if (failures.byEmail >= MAX_FAILURES_PER_ACCOUNT || failures.byAddress >= MAX_FAILURES_PER_ADDRESS) {
          throw new Error(`Too many failed attempts. Wait ${WINDOW_MINUTES} minutes and try again.`);
        }
        const user = findUserByEmail(db, email);
        const ok = !!user && !user.disabled && (await verifyPassword(password, user.passwordHash));
        recordLoginAttempt(db, email, address, ok);
        if (!ok || !user) return null;
        return { id: String(user.id), email: user.email, name: user.name, role: user.role, sv: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        const u = user as unknown as { id: string; role: Role; sv: number };
        token.uid = Number(u.id);
        token.role = u.role;
        token.sv = u.sv;
        return token;
      }
      // Every request re-checks: a disabled user or a logged-out session stops here.
      const active = typeof token.uid === 'number' ? findActiveUser(getDb(), token.uid, Number(token.sv)) : undefined;
      if (!active) return { revoked: true };
      token.role = active.role;
      return token;
    },
    async session({ session, token }) {
      if (token.revoked || typeof token.uid !== 'number') return { ...session, user: undefined };
      session.user = { ...session.user, id: token.uid, role: token.role as Role, sv: Number(token.sv) };
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token && typeof token.uid === 'number') endSessions(getDb(), token.uid);
    },
  },
};
