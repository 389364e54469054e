// `npm run db:backup [-- --keep N] [--dir DIR]`: an online backup of the live database (the server may keep running).
import path from 'node:path';
import Database from 'better-sqlite3';
import { backupDatabase } from '@/db/backup';
import { env } from '@/server/config';

function option(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

async function main() {
  const dir = path.resolve(option('dir') ?? path.join(path.dirname(env.DATABASE_PATH), 'backups'));
  const keepText = option('keep');
  const keep = keepText === undefined ? undefined : Number(keepText);
  if (keep !== undefined && (!Number.isInteger(keep) || keep < 1)) throw new Error('--keep takes a whole number of at least 1.');
  const source = new Database(env.DATABASE_PATH, { fileMustExist: true });
  source.pragma('busy_timeout = 5000');
  try {
    const result = await backupDatabase(source, dir, { keep });
    console.log(`Backed up ${env.DATABASE_PATH} to ${result.file} (${Math.round(result.bytes / 1024)} KiB, integrity ok).`);
    for (const f of result.removed) console.log(`Removed old backup ${f}`);
  } finally {
    source.close();
  }
}

main().catch((error) => {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exit(1);
});
