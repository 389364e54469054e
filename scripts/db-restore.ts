// `npm run db:restore -- FILE`: replace the database with a checked backup. Stop the server first.
import { restoreDatabase } from '@/db/backup';
import { env } from '@/server/config';

async function main() {
  const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
  if (!file) throw new Error('Give the backup file: npm run db:restore -- data/backups/tracker-….db');
  const { previous, check } = await restoreDatabase(file, env.DATABASE_PATH);
  if (previous) console.log(`The database it replaced is kept at ${previous}.`);
  console.log(`Restored ${file} to ${env.DATABASE_PATH} (${check.migrations} migrations, integrity ok). Start the server again.`);
}

main().catch((error) => {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exit(1);
});
