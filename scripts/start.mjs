// `npm start`: check the configuration, prepare the database, build when needed, serve. Demo mode is the default.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { serve } from './serve.mjs';
import { demoBanner, isBuildStale, withServerHeap } from './start-helpers.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
// A relative DATABASE_PATH means the same file here as in the server and the scripts started below.
process.chdir(root);

function fail(message) {
  console.error(`\nCannot start. ${message}\n`);
  process.exit(1);
}

// The rules are server/config.ts's own, loaded through tsx since this file is plain Node; importing it
// checks the variables, before anything is created.
let config;
try {
  ({ env: config } = await tsImport('../server/config.ts', import.meta.url));
} catch (error) {
  if (error?.name === 'ConfigError') fail(error.message);
  throw error;
}

const env = { ...process.env, DEMO: config.DEMO, DATABASE_PATH: config.DATABASE_PATH, PORT: String(config.PORT), NEXTAUTH_URL: config.NEXTAUTH_URL };
if (!config.NEXTAUTH_SECRET) {
  // Only in demo mode (the configuration refuses DEMO=off without one); kept beside the database so sessions survive restarts.
  const secretFile = path.join(path.dirname(config.DATABASE_PATH), '.nextauth-secret');
  fs.mkdirSync(path.dirname(secretFile), { recursive: true });
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(48).toString('base64'), { mode: 0o600 });
  env.NEXTAUTH_SECRET = fs.readFileSync(secretFile, 'utf8').trim();
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) fail(`\`${command} ${args.join(' ')}\` exited with ${result.status}.`);
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name);

run(bin('tsx'), [path.join(root, 'scripts', 'prepare.ts')]);

if (isBuildStale(root)) {
  console.log('Building the app (the sources are newer than the last build)…');
  run(bin('next'), ['build']);
}

if (config.DEMO === 'on') console.log(demoBanner(config.NEXTAUTH_URL));

console.log(`Serving with ${config.WORKERS} worker${config.WORKERS === 1 ? '' : 's'} (WORKERS).`);
serve({ workers: config.WORKERS, port: env.PORT, env: withServerHeap(env) });
