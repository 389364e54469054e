import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth/options';
import { authRoute } from '@/server/auth/route';

const handler = authRoute(NextAuth(authOptions));

export { handler as GET, handler as POST };
