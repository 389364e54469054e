// `npm run import -- file.json [--name "New name"] [--as email]`: imports an interchange document
// as a new negotiation, acting as the given user (default: the first admin), who must be an analyst or admin.
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { openDatabase } from '@/db';
import { findScriptUser } from '@/db/queries/script-user';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { env } from '@/server/config';
import { hasRole } from '@/lib/roles';
import { InvalidInputError } from '@/lib/errors';
import { JSON_IMPORT_LIMIT, parseDocumentText, tooLargeMessage } from '@/lib/interchange/parse';
import { describeMatch } from '@/lib/interchange/matches';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { name: { type: 'string' }, as: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help || positionals.length !== 1) {
    console.log('Usage: npm run import -- file.json [--name "New name"] [--as user@example.org]');
    process.exit(values.help ? 0 : 2);
  }
  const file = positionals[0];
  if (!fs.existsSync(file)) fail(`No such file: ${file}`);
  const size = fs.statSync(file).size;
  if (size > JSON_IMPORT_LIMIT) fail(tooLargeMessage(size, JSON_IMPORT_LIMIT, 'JSON file'));

  const db = openDatabase(env.DATABASE_PATH);
  try {
    const user = findScriptUser(db, values.as);
    if (!user) fail(values.as ? `No user with the email ${values.as}.` : 'There is no admin yet: create one with npm run user:add, or pass --as.');
    if (user.disabled) fail(`The user ${user.email} is disabled.`);
    if (!hasRole(user.role, 'analyst')) fail(`The user ${user.email} is a ${user.role}: only analysts and admins can import.`);

    const parsed = parseDocumentText(fs.readFileSync(file, 'utf8'));
    if (!parsed.ok) {
      console.error(`${file} does not match the schema; nothing was imported:`);
      for (const e of parsed.errors) console.error(`  ${e.path}: ${e.message}`);
      process.exit(1);
    }
    const started = Date.now();
    const { id, matches } = importNegotiation(db, { id: user.id, email: user.email, name: user.name, role: user.role }, parsed.document, { name: values.name });
    const d = parsed.document;
    console.log(
      `Imported "${values.name?.trim() || d.negotiation.name}" as negotiation ${id} (${d.issues.length} issues, ${d.rounds.length} rounds, ` +
        `${d.updates.length} updates, ${d.positions.length} positions, ${d.sources.length} sources) as ${user.email} in ${Date.now() - started} ms.`,
    );
    if (matches.length) console.log(`Found already here and reused:\n${matches.map((m) => `  ${describeMatch(m)}`).join('\n')}`);
    console.log(`Only ${user.email} and the admins can read it: open it on its edit page, or add members (npm run member -- add --email … --negotiation ${id}).`);
  } catch (error) {
    if (error instanceof InvalidInputError) fail(error.message);
    throw error;
  } finally {
    db.$client.close();
  }
}

main();
