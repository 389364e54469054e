import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/server/db';
import { findActiveUser } from '@/db/queries/users';
import { endSessions } from '@/db/mutations/users';
import { authenticate } from './authenticate';
import { localPath } from '@/server/http/local-path';
import { clientAddress } from '@/server/http/client-address';
import { env } from '@/server/config';
import type { Role } from '@/lib/domain';

export { MAX_FAILURES_PER_ACCOUNT, MAX_FAILURES_PER_ADDRESS } from './authenticate';
export const SESSION_HOURS = 12;

export const authOptions: NextAuthOptions = {
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  pages: { signIn: '/login' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, req) {
        return authenticate(getDb(), credentials?.email, credentials?.password, clientAddress(req?.headers, env.TRUST_PROXY));
      },
    }),
  ],
  callbacks: {
    // Where next-auth sends the browser after signing in or out: only ever this app (server/http/local-path.ts).
    async redirect({ url }) {
      return new URL(localPath(url, env.NEXTAUTH_URL), env.NEXTAUTH_URL).href;
    },
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
