import type { Role } from '@/lib/domain';

declare module 'next-auth' {
  interface Session {
    user?: { id: number; role: Role; sv: number; name?: string | null; email?: string | null };
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    role?: Role;
    sv?: number;
    revoked?: boolean;
  }
}
