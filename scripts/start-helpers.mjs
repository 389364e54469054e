import fs from 'node:fs';
import path from 'node:path';

/**
 * Everything `next build` reads: the routes and every layer they import, the root files Next loads
 * itself (instrumentation.ts, proxy.ts, next.config.js, .env files), public/, the type declarations,
 * the TypeScript settings and the installed packages. The demo document lives in db/. A top-level
 * entry that is neither here nor in tests/start-helpers.test.ts's list of what the build never reads
 * fails that test, so a new one has to be placed.
 */
export const BUILD_INPUTS = [
  'app',
  'components',
  'db',
  'lib',
  'server',
  'public',
  'types',
  'instrumentation.ts',
  'proxy.ts',
  'next.config.js',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  '.env',
  '.env.local',
  '.env.production',
  '.env.production.local',
];

/** The newest change below `target`: a folder counts too, since deleting or renaming a file changes only its folder. */
function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when there is no production build or something the build reads changed after it. */
export function isBuildStale(root) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return BUILD_INPUTS.some((input) => newestMtime(path.join(root, input)) > built);
}

/**
 * The server's V8 heap ceiling, in MB (TRACKER_HEAP_MB overrides; a --max-old-space-size already in
 * NODE_OPTIONS wins). Without one, V8 lets the heap grow long before collecting: the benchmark's
 * server reached 724 MB of RSS rendering large pages; at 256 MB it stays near 310 MB at the same
 * throughput. Exports stream and uploads are capped at 10 MB, so no request needs more.
 */
export const DEFAULT_HEAP_MB = 256;
export function withServerHeap(env) {
  const options = env.NODE_OPTIONS ?? '';
  if (/--max-old-space-size/.test(options)) return env;
  const mb = Number(env.TRACKER_HEAP_MB) > 0 ? Number(env.TRACKER_HEAP_MB) : DEFAULT_HEAP_MB;
  return { ...env, NODE_OPTIONS: `${options} --max-old-space-size=${mb}`.trim() };
}

export function demoBanner(url) {
  return [
    '',
    '──────────────────────────────────────────────────────────',
    ` Negotiation tracker (demo mode) on ${url}`,
    ' Demo accounts, all with the password  tracker-demo',
    '   admin@example.org     admin   (sees everything, manages users and members)',
    '   analyst@example.org   analyst (logs updates, records positions)',
    '   viewer@example.org    viewer  (reads both negotiations, changes nothing)',
    '   outsider@example.org  analyst, not on the Russia–Ukraine team: sees only',
    '                         US–Russia strategic stability (need to know)',
    '──────────────────────────────────────────────────────────',
    '',
  ].join('\n');
}
