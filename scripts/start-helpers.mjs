import fs from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'db', 'lib', 'public', 'types'];
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
