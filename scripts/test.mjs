// `npm test`: type check, lint, unit/integration tests, then the end-to-end suite against a production build.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { SYSTEM_CHROMIUM, chromiumAvailable } from './chromium.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function step(title, command, args) {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n✖ ${title} failed (exit ${result.status}).`);
    process.exit(result.status || 1);
  }
}

step('Type check', bin('tsc'), ['--noEmit']);
step('Lint', bin('eslint'), ['.', '--max-warnings=0']);
step('Unit and integration tests', bin('vitest'), ['run']);
if (!chromiumAvailable()) {
  console.error(
    `\n✖ No Chromium for the end-to-end tests. Install Debian's: \`sudo apt-get install -y chromium\` (gives ${SYSTEM_CHROMIUM}),\n` +
      "  or Playwright's own: `npx playwright install chromium`.",
  );
  process.exit(1);
}
step('End-to-end tests (production build)', bin('playwright'), ['test']);
console.log('\n✔ All checks passed.');
