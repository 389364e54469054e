import type { DB } from '@/db';
import { addDemoMemberships, demoAccounts, loadDemoData } from '@/db/demo/load';
import { createUser } from '@/db/mutations/users';
import { findUserByEmail } from '@/db/queries/users';
import { hashPassword } from '@/server/auth/password';

/**
 * Creates the demo accounts that are missing, then loads the demo data set as the demo admin when it is not there,
 * and gives each account created now (every account after a fresh load) its memberships. Idempotent.
 */
export async function ensureDemo(db: DB): Promise<{ loaded: boolean }> {
  const { password, accounts } = demoAccounts();
  const created: string[] = [];
  for (const { memberOf: _memberOf, ...account } of accounts) {
    if (findUserByEmail(db, account.email)) continue;
    createUser(db, null, { ...account, passwordHash: await hashPassword(password) });
    created.push(account.email);
  }
  const admin = findUserByEmail(db, accounts.find((a) => a.role === 'admin')!.email)!;
  const loaded = loadDemoData(db, { id: admin.id, email: admin.email, name: admin.name, role: admin.role }).created;
  addDemoMemberships(db, loaded ? accounts.map((a) => a.email) : created);
  return { loaded };
}
