import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';
import { E2E_NEXTAUTH_SECRET } from '@/e2e/secret';
import { SYSTEM_CHROMIUM } from '@/scripts/chromium.mjs';
import { readServerConfig } from '@/server/config';

// A throw-away database per run; workers inherit the path through the environment.
process.env.E2E_DATABASE_PATH ??= path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-e2e-')), 'tracker.db');

// The server's variables, checked by the server's own rules now rather than after a build.
const serverEnv = {
  DEMO: 'on',
  PORT: process.env.E2E_PORT ?? '3100',
  DATABASE_PATH: process.env.E2E_DATABASE_PATH,
  NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
  // Two workers whatever the machine: every spec then runs against a server whose requests land on either.
  WORKERS: '2',
};
const server = readServerConfig(serverEnv);
const PORT = server.PORT;

export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One worker: specs share one database, and the authorization probes count every write made while they run.
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: fs.existsSync(SYSTEM_CHROMIUM)
      ? {
          executablePath: SYSTEM_CHROMIUM,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        }
      : {},
  },
  projects: [
    { name: 'chromium', use: { ...devices['Desktop Chrome'] }, testIgnore: /hostile-input\.spec\.ts/ },
    // Generated hostile requests may write what they are allowed to: after every other spec has read the demo data.
    { name: 'hostile input', testMatch: /hostile-input\.spec\.ts/, dependencies: ['chromium'] },
  ],
  webServer: {
    command: 'node scripts/start.mjs',
    url: `http://localhost:${PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { ...serverEnv, NEXTAUTH_URL: server.NEXTAUTH_URL },
  },
});
