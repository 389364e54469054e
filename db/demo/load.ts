// The demo data set (docs/domain.md, "Worked example"): an interchange collection (negotiations.json) loaded
// through the importer users use, and the accounts that log in to it (accounts.json). Where its facts come
// from, and how to change them, is in README.md beside them.
import { z } from 'zod';
import type { DB } from '@/db';
import { importCollection, importNameProblem } from '@/db/mutations/import-negotiation';
import { validateCollection } from '@/lib/interchange/validate';
import { ROLES } from '@/lib/domain';
import type { CurrentUser } from '@/lib/roles';
import accounts from './accounts.json';
import collection from './negotiations.json';

export const DEMO_NEGOTIATION_NAME = collection.negotiations[0].negotiation.name;

const DemoAccounts = z.strictObject({
  password: z.string().min(8),
  accounts: z.array(z.strictObject({ email: z.email(), name: z.string().min(1), role: z.enum(ROLES) })).min(1),
});

/** The demo accounts, all with one password. */
export function demoAccounts(): z.infer<typeof DemoAccounts> {
  return DemoAccounts.parse(accounts);
}

/**
 * Imports the demo negotiations as `user`, all in one transaction with their audit rows. Does nothing
 * when one of them is already there (renamed or deleted ones are not brought back beside it).
 */
export function loadDemoData(db: DB, user: CurrentUser): { created: boolean } {
  if (collection.negotiations.some((n) => importNameProblem(db, n.negotiation.name))) return { created: false };
  const parsed = validateCollection(collection);
  if (!parsed.ok) {
    const errors = parsed.errors.slice(0, 5).map((e) => `${e.path}: ${e.message}`);
    throw new Error(`db/demo/negotiations.json does not validate:\n  ${errors.join('\n  ')}`);
  }
  importCollection(db, user, parsed.collection);
  return { created: true };
}
