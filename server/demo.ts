import type { DB } from '@/db';
import { createUser } from '@/db/mutations/users';
import { findUserByEmail } from '@/db/queries/users';
import { seedDemoData } from '@/db/seed';
import { hashPassword } from '@/server/auth/password';
import type { Role } from '@/lib/domain';

export const DEMO_PASSWORD = 'tracker-demo';
export const DEMO_ACCOUNTS: { email: string; name: string; role: Role }[] = [
  { email: 'admin@example.org', name: 'Demo Admin', role: 'admin' },
  { email: 'analyst@example.org', name: 'Demo Analyst', role: 'analyst' },
  { email: 'viewer@example.org', name: 'Demo Viewer', role: 'viewer' },
];

/** Creates the demo accounts that are missing and seeds the demo data set on an empty database. Idempotent. */
export async function ensureDemo(db: DB): Promise<{ seeded: boolean }> {
  for (const account of DEMO_ACCOUNTS) {
    if (findUserByEmail(db, account.email)) continue;
    createUser(db, null, { ...account, passwordHash: await hashPassword(DEMO_PASSWORD) });
  }
  const admin = findUserByEmail(db, DEMO_ACCOUNTS[0].email)!;
  return { seeded: seedDemoData(db, admin.id).created };
}
