// `npm start`: prepare the database, build when needed, serve. Demo mode is the default.
import { spawnSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { demoBanner, isBuildStale, secretProblem, withServerHeap } from './start-helpers.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const env = { ...process.env };
env.DEMO = env.DEMO ?? 'on';
env.DATABASE_PATH = path.resolve(root, env.DATABASE_PATH ?? path.join('data', 'tracker.db'));
env.PORT = env.PORT ?? '3000';
env.NEXTAUTH_URL = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;

function fail(message) {
  console.error(`\nCannot start: ${message}\n`);
  process.exit(1);
}

if (!['on', 'off'].includes(env.DEMO)) fail(`DEMO must be "on" or "off", not "${env.DEMO}".`);

if (env.DEMO === 'off') {
  const problem = secretProblem(env.NEXTAUTH_SECRET);
  if (problem) fail(`${problem} With DEMO=off, set NEXTAUTH_SECRET to a random string of at least 32 characters (e.g. \`openssl rand -base64 48\`).`);
} else if (!env.NEXTAUTH_SECRET) {
  // Kept beside the database so sessions survive restarts.
  const secretFile = path.join(path.dirname(env.DATABASE_PATH), '.nextauth-secret');
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

if (env.DEMO === 'on') console.log(demoBanner(env.NEXTAUTH_URL));

const server = spawn(bin('next'), ['start', '-p', env.PORT], { cwd: root, env: withServerHeap(env), stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
