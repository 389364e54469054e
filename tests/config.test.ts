import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DATABASE_PATH, parseConfig, readServerConfig, serverProblems, type Config } from '@/server/config';

const ROOT = path.resolve(__dirname, '..');
const GOOD_SECRET = 'Q7v!kP2#zL9@mN4$wR6%abcdefghijklmn';

function config(variables: Record<string, string | undefined>): Config {
  const result = parseConfig(variables);
  if (!result.ok) throw new Error(`expected a valid configuration, got: ${result.problems.join('; ')}`);
  return result.config;
}

function problems(variables: Record<string, string | undefined>): string[] {
  const result = parseConfig(variables);
  return result.ok ? [] : result.problems;
}

describe('the configuration', () => {
  it('defaults to demo mode on port 3000 with the database under data/', () => {
    const defaults = config({});
    expect(defaults.DEMO).toBe('on');
    expect(defaults.PORT).toBe(3000);
    expect(defaults.NEXTAUTH_URL).toBe('http://localhost:3000');
    expect(defaults.DATABASE_PATH).toBe(path.resolve(DEFAULT_DATABASE_PATH));
    expect(DEFAULT_DATABASE_PATH).toBe(path.join('data', 'tracker.db'));
    expect(defaults.NEXTAUTH_SECRET).toBeUndefined();
  });

  it('treats an empty variable as unset and the public address as following the port', () => {
    expect(config({ DEMO: '', DATABASE_PATH: '' })).toMatchObject({ DEMO: 'on', DATABASE_PATH: path.resolve(DEFAULT_DATABASE_PATH) });
    expect(config({ PORT: '3106' }).NEXTAUTH_URL).toBe('http://localhost:3106');
    expect(config({ PORT: '3106', NEXTAUTH_URL: 'https://tracker.example.org' }).NEXTAUTH_URL).toBe('https://tracker.example.org');
  });

  it('refuses a DEMO that is neither on nor off, naming the value', () => {
    expect(problems({ DEMO: 'yes' })).toEqual(['DEMO must be "on" or "off", not "yes".']);
  });

  it('refuses DEMO=off without a secret, with a short one or a repetitive one', () => {
    expect(problems({ DEMO: 'off' })).toEqual([expect.stringContaining('NEXTAUTH_SECRET is missing.')]);
    expect(problems({ DEMO: 'off', NEXTAUTH_SECRET: 'too-short-secret' })).toEqual([expect.stringContaining('too short (under 32 characters)')]);
    expect(problems({ DEMO: 'off', NEXTAUTH_SECRET: 'ab'.repeat(20) })).toEqual([expect.stringContaining('too repetitive')]);
    expect(problems({ DEMO: 'off', NEXTAUTH_SECRET: 'ab'.repeat(20) })[0]).toContain('openssl rand -base64 48');
  });

  it('lets `next build` go without the secret the server will run with', () => {
    expect(problems({ DEMO: 'off', NEXT_PHASE: 'phase-production-build' })).toEqual([]);
    expect(problems({ DEMO: 'off', NEXT_PHASE: 'phase-production-server' })).toHaveLength(1);
  });

  it('accepts DEMO=off with a good secret, and the server may run with it', () => {
    const deployment = config({ DEMO: 'off', NEXTAUTH_SECRET: GOOD_SECRET });
    expect(deployment).toMatchObject({ DEMO: 'off', NEXTAUTH_SECRET: GOOD_SECRET });
    expect(serverProblems(deployment)).toEqual([]);
  });

  it('lets demo mode go without a secret, except in the server, which signs sessions with it', () => {
    expect(problems({ DEMO: 'on' })).toEqual([]);
    expect(() => readServerConfig({ DEMO: 'on' })).toThrow(/NEXTAUTH_SECRET is missing; the server signs sessions with it/);
    expect(readServerConfig({ DEMO: 'on', NEXTAUTH_SECRET: 'any-demo-secret' }).DEMO).toBe('on');
  });

  it('refuses a port, a heap size or an address that is not one, all at once', () => {
    expect(problems({ PORT: '80a', TRACKER_HEAP_MB: 'lots', NEXTAUTH_URL: 'tracker' })).toEqual([
      'NEXTAUTH_URL must be an address such as https://tracker.example.org, not "tracker".',
      'PORT must be a port number (1–65535), not "80a".',
      'TRACKER_HEAP_MB must be a whole number of megabytes, not "lots".',
    ]);
    expect(problems({ PORT: '70000' })).toHaveLength(1);
    expect(config({ TRACKER_HEAP_MB: '512' }).TRACKER_HEAP_MB).toBe(512);
  });
});

describe('every entry point refuses a wrong configuration before doing anything', () => {
  const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-config-'));
  const run = (command: string, args: string[], variables: Record<string, string>) =>
    spawnSync(command, args, {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, TMPDIR: process.env.TMPDIR, NODE_ENV: 'test', ...variables },
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('npm start', () => {
    const file = path.join(tmp(), 'tracker.db');
    const result = run(process.execPath, [path.join(ROOT, 'scripts', 'start.mjs')], { DEMO: 'maybe', DATABASE_PATH: file });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Cannot start. Invalid configuration:\n  - DEMO must be "on" or "off", not "maybe".');
    expect(fs.readdirSync(path.dirname(file))).toEqual([]);
  });

  it('a script run with tsx', () => {
    const dir = tmp();
    const result = run(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'db-backup.ts')], {
      DEMO: 'off',
      NEXTAUTH_SECRET: 'short',
      DATABASE_PATH: path.join(dir, 'tracker.db'),
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('NEXTAUTH_SECRET is too short');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  describe('the server (`next start` run directly)', () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.restoreAllMocks();
      vi.resetModules();
    });

    it('stops with the reason when the instrumentation hook runs', async () => {
      vi.stubEnv('NEXT_RUNTIME', 'nodejs');
      vi.stubEnv('DEMO', 'on');
      vi.stubEnv('NEXTAUTH_SECRET', '');
      vi.resetModules();
      const errors: string[] = [];
      vi.spyOn(console, 'error').mockImplementation((message: string) => void errors.push(message));
      vi.spyOn(process, 'exit').mockImplementation(((code: number) => {
        throw new Error(`exit ${code}`);
      }) as never);
      const { register } = await import('@/instrumentation');
      await expect(register()).rejects.toThrow('exit 1');
      expect(errors.join('\n')).toContain('Cannot start. Invalid configuration:\n  - NEXTAUTH_SECRET is missing; the server signs sessions with it.');
    });
  });
});
