// `npm run user:add -- --email x@y --name "X" --role admin|analyst|viewer [--password P] [--negotiation ID[:role]]…`
// Creates a user from the shell: the way to make the first admin of a real deployment (DEMO=off). Each
// --negotiation makes them a member of that negotiation (docs/decisions/0017), as a viewer or an analyst there.
import { Writable } from 'node:stream';
import readline from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db';
import { createUser } from '@/db/mutations/users';
import { findUserByEmail } from '@/db/queries/users';
import { setMember } from '@/db/mutations/members';
import { getNegotiation } from '@/db/queries/negotiations';
import { wholeInstance } from '@/db/queries/access';
import { parseMembershipArg } from '@/lib/access';
import type { Role } from '@/lib/domain';
import type { DB } from '@/db';
import { hashPassword } from '@/server/auth/password';
import { PASSWORD_RULES } from '@/lib/validation/password';
import { env } from '@/server/config';
import { InvalidInputError } from '@/lib/errors';
import { NewUserSchema } from '@/lib/validation/users';

const USAGE =
  'Usage: npm run user:add -- --email chief@ministry.example --name "Chief Analyst" --role admin|analyst|viewer [--password P] [--negotiation ID[:viewer|analyst]]…';

class UsageError extends Error {}

/** Asks for the password twice on the terminal, without echoing what is typed. */
async function askPasswordTwice(): Promise<[string, string]> {
  let muted = false;
  const output = new Writable({
    write(chunk, encoding, done) {
      if (!muted) process.stdout.write(chunk, encoding);
      done();
    },
  });
  // One interface for both questions, so a fast typist's second line is not lost between them.
  const rl = readline.createInterface({ input: process.stdin, output, terminal: true });
  const ask = async (question: string) => {
    const answer = rl.question(question);
    muted = true;
    try {
      return await answer;
    } finally {
      muted = false;
      process.stdout.write('\n');
    }
  };
  try {
    return [await ask('Password: '), await ask('Repeat the password: ')];
  } catch {
    throw new UsageError('Cancelled; nothing was created.');
  } finally {
    rl.close();
  }
}

async function readPassword(given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  if (!process.stdin.isTTY) {
    throw new UsageError('No --password given and no terminal to ask for one. Pass --password, or run the command in a terminal.');
  }
  console.log(`Choose a password (${PASSWORD_RULES}).`);
  const [first, second] = await askPasswordTwice();
  if (first !== second) throw new UsageError('The two passwords differ; nothing was created.');
  return first;
}

async function main(): Promise<void> {
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        role: { type: 'string' },
        password: { type: 'string' },
        negotiation: { type: 'string', multiple: true },
        help: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const missing = (['email', 'name', 'role'] as const).filter((k) => !values[k]);
  if (missing.length) throw new UsageError(`Missing ${missing.map((k) => `--${k}`).join(', ')}.\n${USAGE}`);

  // Check everything that can be checked before asking for a password.
  const preliminary = NewUserSchema.omit({ password: true }).safeParse(values);
  if (!preliminary.success) throw new UsageError(problems(preliminary.error.issues));
  const db = openDatabase(env.DATABASE_PATH);
  try {
    if (findUserByEmail(db, preliminary.data.email)) throw new UsageError(`A user with the email ${preliminary.data.email} already exists; nothing was created.`);
    const memberships = membershipsOf(db, (values.negotiation as string[] | undefined) ?? [], preliminary.data.role);
    const password = await readPassword(values.password as string | undefined);
    const parsed = NewUserSchema.safeParse({ ...values, password });
    if (!parsed.success) throw new UsageError(problems(parsed.error.issues));
    const { password: plain, ...rest } = parsed.data;
    // Hashing is asynchronous, so it happens before the (synchronous) transaction.
    const passwordHash = await hashPassword(plain);
    const user = createUser(db, null, { ...rest, passwordHash });
    console.log(`Created ${user.role} ${user.email} (user ${user.id}) in ${env.DATABASE_PATH}.`);
    for (const m of memberships) {
      setMember(db, null, { negotiationId: m.negotiationId, userId: user.id, role: m.role });
      console.log(`  member of "${m.name}" as ${m.role}`);
    }
  } finally {
    db.$client.close();
  }
}

/** Every --negotiation checked before anything is written: a typo creates nobody. */
function membershipsOf(db: DB, given: string[], role: Role) {
  return given.map((text) => {
    const membership = parseMembershipArg(text, role);
    if ('problem' in membership) throw new UsageError(`--negotiation: ${membership.problem}`);
    const negotiation = getNegotiation(db, wholeInstance(db), membership.negotiationId);
    if (!negotiation) throw new UsageError(`--negotiation: there is no negotiation ${membership.negotiationId}; nothing was created.`);
    return { ...membership, name: negotiation.name };
  });
}

function problems(issues: { path: PropertyKey[]; message: string }[]): string {
  return issues.map((i) => `--${String(i.path[0])}: ${i.message}`).join('\n');
}

main().catch((error: unknown) => {
  if (error instanceof UsageError || error instanceof InvalidInputError) {
    console.error(`user:add: ${error.message}`);
  } else {
    console.error('user:add failed:', error);
  }
  process.exit(1);
});
