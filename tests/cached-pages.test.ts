import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHED_PAGES } from './cached-pages';

const ROOT = path.resolve(__dirname, '..');
function walk(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? walk(full) : /\.(ts|tsx)$/.test(e.name) ? [full] : [];
  });
}

describe('the pages that cache their data', () => {
  it('are all probed by the cache test as the outsider (tests/cached-pages.ts), and only those', () => {
    const callers = ['app', 'server']
      .flatMap((d) => walk(path.join(ROOT, d)))
      .filter((f) => /\bcachedRead\(/.test(fs.readFileSync(f, 'utf8')))
      .map((f) => path.relative(ROOT, f).split(path.sep).join('/'))
      .sort();
    expect(callers.length).toBeGreaterThan(5);
    expect(CACHED_PAGES.map((p) => p.file).sort(), 'Add each page that calls cachedRead to tests/cached-pages.ts').toEqual(callers);
    for (const page of CACHED_PAGES) expect(page.urls.length, page.file).toBeGreaterThan(0);
  });
});
