// Run by `npm start` before the server: migrations, then (in demo mode) the demo accounts and data.
import { openDatabase } from '@/db';
import { env } from '@/server/config';
import { ensureDemo } from '@/server/demo';

async function main() {
  const db = openDatabase(env.DATABASE_PATH);
  console.log(`Database ready at ${env.DATABASE_PATH} (migrations applied).`);
  if (env.DEMO === 'on') {
    const { loaded } = await ensureDemo(db);
    console.log(loaded ? 'Demo data loaded.' : 'Demo data already present.');
  }
  db.$client.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
