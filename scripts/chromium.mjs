// The one place that names the system Chromium (Debian's `chromium` package) for the end-to-end tests:
// playwright.config.ts launches it, scripts/test.mjs checks for it and .ci/run installs it when missing.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** True when the end-to-end tests have a browser: the system Chromium or one Playwright downloaded. */
export function chromiumAvailable(env = process.env) {
  if (fs.existsSync(SYSTEM_CHROMIUM)) return true;
  const cache = env.PLAYWRIGHT_BROWSERS_PATH ?? path.join(os.homedir(), '.cache', 'ms-playwright');
  return fs.existsSync(cache) && fs.readdirSync(cache).some((d) => d.startsWith('chromium'));
}

