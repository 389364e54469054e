import type { DB } from '@/db';

/** What the health endpoint reports: the database answers, its mode, and how many migrations it has. */
export function databaseHealth(db: DB) {
  const client = db.$client;
  const journal = client.pragma('journal_mode', { simple: true });
  const migrations = client.prepare('SELECT count(*) AS n FROM __drizzle_migrations').get() as { n: number };
  const negotiations = client.prepare('SELECT count(*) AS n FROM negotiations').get() as { n: number };
  return { ok: true, journalMode: journal, migrations: migrations.n, negotiations: negotiations.n };
}
