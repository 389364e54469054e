import fs from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'db', 'lib', 'server', 'public', 'types'];
const SOURCE_FILES = ['next.config.js', 'package.json', 'package-lock.json', 'tsconfig.json', 'proxy.ts'];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

/** True when there is no production build or a source file changed after it. */
export function isBuildStale(root) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  const sources = Math.max(...SOURCE_DIRS.map((d) => newestMtime(path.join(root, d))), ...SOURCE_FILES.map((f) => newestMtime(path.join(root, f))));
  return sources > built;
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

/** Why a NEXTAUTH_SECRET is unfit for a real deployment, or null. */
export function secretProblem(secret) {
  if (!secret) return 'NEXTAUTH_SECRET is missing.';
  if (secret.length < 32) return 'NEXTAUTH_SECRET is too short (under 32 characters).';
  if (new Set(secret).size < 10) return 'NEXTAUTH_SECRET is too repetitive to be random.';
  return null;
}

export function demoBanner(url) {
  return [
    '',
    '──────────────────────────────────────────────────────────',
    ` Negotiation tracker (demo mode) on ${url}`,
    ' Demo accounts, all with the password  tracker-demo',
    '   admin@example.org     admin   (manages users)',
    '   analyst@example.org   analyst (logs updates, records positions)',
    '   viewer@example.org    viewer  (reads everything, changes nothing)',
    '──────────────────────────────────────────────────────────',
    '',
  ].join('\n');
}
