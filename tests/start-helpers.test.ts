import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILD_INPUTS, DEFAULT_HEAP_MB, isBuildStale, withServerHeap } from '@/scripts/start-helpers.mjs';

const ROOT = path.resolve(__dirname, '..');

describe('the server heap ceiling', () => {
  it('adds the default to whatever NODE_OPTIONS hold', () => {
    expect(withServerHeap({}).NODE_OPTIONS).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
    expect(withServerHeap({ NODE_OPTIONS: '--enable-source-maps' }).NODE_OPTIONS).toBe(`--enable-source-maps --max-old-space-size=${DEFAULT_HEAP_MB}`);
  });

  it('takes TRACKER_HEAP_MB, and leaves an explicit --max-old-space-size alone', () => {
    expect(withServerHeap({ TRACKER_HEAP_MB: '512' }).NODE_OPTIONS).toBe('--max-old-space-size=512');
    expect(withServerHeap({ TRACKER_HEAP_MB: 'lots' }).NODE_OPTIONS).toBe(`--max-old-space-size=${DEFAULT_HEAP_MB}`);
    expect(withServerHeap({ NODE_OPTIONS: '--max-old-space-size=1024' }).NODE_OPTIONS).toBe('--max-old-space-size=1024');
  });
});

describe('npm start rebuilds when something the build reads changed', () => {
  // One file for each kind of thing `next build` reads, and things it never reads.
  const READ = [
    'app/page.tsx',
    'components/ui/Button.tsx',
    'db/demo/negotiation.json',
    'db/migrations/0004_next.sql',
    'lib/domain.ts',
    'server/config.ts',
    'public/schema/negotiation-v1.schema.json',
    'types/next-auth.d.ts',
    'instrumentation.ts',
    'proxy.ts',
    'next.config.js',
    'tsconfig.json',
    'package.json',
    'package-lock.json',
    '.env.production',
  ];
  const NOT_READ = ['tests/config.test.ts', 'e2e/login.spec.ts', 'docs/domain.md', 'README.md', 'scripts/start.mjs', 'bench/run.mjs'];

  const HOUR_AGO = Date.now() / 1000 - 3600;
  const BUILT = HOUR_AGO + 60;
  const LATER = BUILT + 60;

  /** A project folder whose every file (and folder) is older than its build. */
  function builtProject(): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-build-stale-'));
    for (const file of [...READ, ...NOT_READ, '.next/BUILD_ID']) {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), '');
    }
    const age = (target: string) => {
      if (fs.statSync(target).isDirectory()) for (const entry of fs.readdirSync(target)) age(path.join(target, entry));
      fs.utimesSync(target, HOUR_AGO, HOUR_AGO);
    };
    age(root);
    fs.utimesSync(path.join(root, '.next', 'BUILD_ID'), BUILT, BUILT);
    return root;
  }

  it('builds when there is no build yet', () => {
    const root = builtProject();
    fs.rmSync(path.join(root, '.next'), { recursive: true });
    expect(isBuildStale(root)).toBe(true);
  });

  it('keeps the build while nothing changed', () => {
    expect(isBuildStale(builtProject())).toBe(false);
  });

  it.each(READ)('rebuilds after %s changed', (file) => {
    const root = builtProject();
    fs.utimesSync(path.join(root, file), LATER, LATER);
    expect(isBuildStale(root)).toBe(true);
  });

  it('rebuilds after a page was deleted', () => {
    const root = builtProject();
    fs.rmSync(path.join(root, 'app', 'page.tsx'));
    expect(isBuildStale(root)).toBe(true);
  });

  it.each(NOT_READ)('keeps the build after %s changed', (file) => {
    const root = builtProject();
    fs.utimesSync(path.join(root, file), LATER, LATER);
    expect(isBuildStale(root)).toBe(false);
  });

  it('has placed every top-level entry of the repository: read by the build or not', () => {
    // Type-checked by `next build` but never part of what it serves, so changing them needs no rebuild.
    const notRead = ['.ci', '.gitattributes', '.gitignore', 'BENCHMARKS.md', 'CAPTURE.md', 'README.md', 'RELIABILITY.md', 'bench', 'docs', 'drizzle.config.ts', 'e2e', 'eslint.config.mjs', 'playwright.config.ts', 'scripts', 'stryker.config.mjs', 'tests', 'TESTING.md', 'vitest.config.ts'];
    const tracked = new Set(execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n').filter(Boolean).map((file) => file.split('/')[0]));
    const unplaced = [...tracked].filter((entry) => !BUILD_INPUTS.includes(entry) && !notRead.includes(entry));
    expect(unplaced, 'add each to BUILD_INPUTS in scripts/start-helpers.mjs, or to the list above').toEqual([]);
  });
});
