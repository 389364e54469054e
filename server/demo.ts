import type { DB } from '@/db';
import { demoAccounts, loadDemoData } from '@/db/demo/load';
import { createUser } from '@/db/mutations/users';
import { findUserByEmail } from '@/db/queries/users';
import { hashPassword } from '@/server/auth/password';

/** Creates the demo accounts that are missing, then loads the demo data set as the demo admin when it is not there. Idempotent. */
export async function ensureDemo(db: DB): Promise<{ loaded: boolean }> {
  const { password, accounts } = demoAccounts();
  for (const account of accounts) {
    if (findUserByEmail(db, account.email)) continue;
    createUser(db, null, { ...account, passwordHash: await hashPassword(password) });
  }
  const admin = findUserByEmail(db, accounts.find((a) => a.role === 'admin')!.email)!;
  return { loaded: loadDemoData(db, { id: admin.id, email: admin.email, name: admin.name, role: admin.role }).created };
}
