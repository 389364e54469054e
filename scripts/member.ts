// `npm run member -- add --email x@y --negotiation ID [--role viewer|analyst]`, `… remove --email x@y --negotiation ID`,
// `… list --negotiation ID`: who may read a restricted negotiation, from the shell (docs/decisions/0017). The
// change counts from the member's next request; an admin does the same on the negotiation's members page.
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db';
import { removeMember, setMember } from '@/db/mutations/members';
import { listMembers, wholeInstance } from '@/db/queries/access';
import { getNegotiation } from '@/db/queries/negotiations';
import { findUserByEmail } from '@/db/queries/users';
import { env } from '@/server/config';
import { parseMembershipArg } from '@/lib/access';
import { InvalidInputError, NotFoundError } from '@/lib/errors';

const USAGE = `Usage: npm run member -- add --email user@example.org --negotiation ID [--role viewer|analyst]
       npm run member -- remove --email user@example.org --negotiation ID
       npm run member -- list --negotiation ID`;

class UsageError extends Error {}

function main(): void {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    if (!values.help) process.exit(2);
    return;
  }
  if (!['add', 'remove', 'list'].includes(command) || positionals.length !== 1) throw new UsageError(`Unknown command "${positionals.join(' ')}".\n${USAGE}`);
  if (!values.negotiation) throw new UsageError(`Missing --negotiation.\n${USAGE}`);
  const db = openDatabase(env.DATABASE_PATH);
  try {
    const everything = wholeInstance(db);
    const idOnly = parseMembershipArg(values.negotiation, 'analyst');
    if ('problem' in idOnly) throw new UsageError(`--negotiation: ${idOnly.problem}`);
    const negotiation = getNegotiation(db, everything, idOnly.negotiationId);
    if (!negotiation) throw new UsageError(`There is no negotiation ${idOnly.negotiationId}.`);
    if (command === 'list') {
      const members = listMembers(db, everything, negotiation.id);
      console.log(`${negotiation.name} (${negotiation.access === 'open' ? 'open to every signed-in user' : 'members only'}):`);
      for (const m of members) console.log(`  ${m.email}\t${m.role}${m.disabled ? '\t(disabled)' : ''}`);
      if (members.length === 0) console.log('  no members');
      return;
    }
    if (!values.email) throw new UsageError(`Missing --email.\n${USAGE}`);
    const user = findUserByEmail(db, values.email);
    if (!user) throw new UsageError(`There is no user with the email ${values.email}.`);
    if (command === 'remove') {
      removeMember(db, null, negotiation.id, user.id);
      console.log(`Removed ${user.email} from "${negotiation.name}".`);
      return;
    }
    const membership = parseMembershipArg(values.role ? `${negotiation.id}:${values.role}` : String(negotiation.id), user.role);
    if ('problem' in membership) throw new UsageError(`--role: ${membership.problem}`);
    const { added } = setMember(db, null, { negotiationId: negotiation.id, userId: user.id, role: membership.role });
    console.log(`${added ? 'Added' : 'Changed'} ${user.email} as ${membership.role} of "${negotiation.name}".`);
  } finally {
    db.$client.close();
  }
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    strict: true,
    options: { email: { type: 'string' }, negotiation: { type: 'string' }, role: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}

try {
  main();
} catch (error: unknown) {
  if (error instanceof UsageError || error instanceof InvalidInputError || error instanceof NotFoundError) {
    console.error(`member: ${error.message}`);
  } else {
    console.error('member failed:', error);
  }
  process.exit(1);
}
