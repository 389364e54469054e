// The demo data set (docs/domain.md, "Worked example"): an interchange collection (negotiations.json) loaded
// through the importer users use, and the accounts that log in to it (accounts.json): who they are, which
// negotiations each is a member of, and which are open to every user (docs/decisions/0017). Where its facts come
// from, and how to change them, is in README.md beside them.
import { z } from 'zod';
import type { DB } from '@/db';
import { importCollection, importNameProblem } from '@/db/mutations/import-negotiation';
import { updateNegotiation } from '@/db/mutations/negotiations';
import { setMember } from '@/db/mutations/members';
import { listNegotiations } from '@/db/queries/negotiations';
import { wholeInstance } from '@/db/queries/access';
import { findUserByEmail } from '@/db/queries/users';
import { validateCollection } from '@/lib/interchange/validate';
import { defaultMemberRole } from '@/lib/access';
import { ROLES } from '@/lib/domain';
import type { CurrentUser } from '@/lib/roles';
import accounts from './accounts.json';
import collection from './negotiations.json';

export const DEMO_NEGOTIATION_NAME = collection.negotiations[0].negotiation.name;

const DemoAccounts = z.strictObject({
  password: z.string().min(8),
  accounts: z
    .array(
      z.strictObject({
        email: z.email(),
        name: z.string().min(1),
        role: z.enum(ROLES),
        // Negotiations (by name) the account is a member of, with the role its own allows (at most analyst).
        memberOf: z.array(z.string().min(1)).default([]),
      }),
    )
    .min(1),
  // Negotiations (by name) open to every signed-in user; the others are their members' (and the admins').
  open: z.array(z.string().min(1)).default([]),
});
export type DemoAccount = z.infer<typeof DemoAccounts>['accounts'][number];

/** The demo accounts, all with one password, and which negotiations are open. */
export function demoAccounts(): z.infer<typeof DemoAccounts> {
  return DemoAccounts.parse(accounts);
}

/**
 * Imports the demo negotiations as `user`, all in one transaction with their audit rows, then opens those
 * accounts.json lists as open (an import is restricted to its importer). Does nothing when one of them is
 * already there (renamed or deleted ones are not brought back beside it).
 */
export function loadDemoData(db: DB, user: CurrentUser): { created: boolean } {
  if (collection.negotiations.some((n) => importNameProblem(db, n.negotiation.name))) return { created: false };
  const parsed = validateCollection(collection);
  if (!parsed.ok) {
    const errors = parsed.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`);
    throw new Error(`db/demo/negotiations.json does not validate:\n  ${errors.join('\n  ')}`);
  }
  importCollection(db, user, parsed.collection);
  const open = new Set(demoAccounts().open);
  for (const n of listNegotiations(db, wholeInstance(db)).filter((n) => open.has(n.name))) {
    updateNegotiation(db, user, n.id, null, { name: n.name, description: n.description, marking: n.marking, access: 'open' });
  }
  return { created: true };
}

/**
 * Makes the given demo accounts members of the negotiations accounts.json names for them, where those exist: all
 * of them after a fresh load, or an account added to an instance loaded before it existed.
 */
export function addDemoMemberships(db: DB, emails: string[]): void {
  const byName = new Map(listNegotiations(db, wholeInstance(db)).map((n) => [n.name, n.id]));
  for (const account of demoAccounts().accounts.filter((a) => emails.includes(a.email))) {
    const user = findUserByEmail(db, account.email);
    if (!user) continue;
    for (const name of account.memberOf) {
      const negotiationId = byName.get(name);
      if (negotiationId) setMember(db, null, { negotiationId, userId: user.id, role: defaultMemberRole(account.role) });
    }
  }
}
