import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every redirect the app makes either goes to a path it builds itself (a literal "/…" with ids filled in) or,
// when the target comes from the request, through server/http/local-path.ts. This finds each call in the source
// and fails on one that does neither, so a new `?next=` cannot send anyone off the app.
const ROOT = path.resolve(__dirname, '..');

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const file = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return /\.(ts|tsx)$/.test(e.name) ? [file] : [];
  });
}

/** The argument text of each call of `name(` in `src`, up to its matching parenthesis. */
function callArguments(src: string, name: string): string[] {
  const found: string[] = [];
  for (const m of src.matchAll(new RegExp(`(?<![\\w.])${name}\\(`, 'g'))) {
    let depth = 1;
    let i = m.index! + m[0].length;
    const start = i;
    for (; i < src.length && depth > 0; i++) {
      if (src[i] === '(') depth++;
      else if (src[i] === ')') depth--;
    }
    found.push(src.slice(start, i - 1).trim());
  }
  return found;
}

/** A target the server builds itself: a literal path on the app ("/x", `/x/${id}`), or either branch of a choice between two. */
function ownPath(target: string): boolean {
  const choice = /^[\w.!]+\s*\?\s*([\s\S]+?)\s*:\s*([\s\S]+)$/.exec(target);
  if (choice) return ownPath(choice[1]) && ownPath(choice[2]);
  return /^(['"`])\/(?![/\\])/.test(target) || target.startsWith('localPath(');
}

const withoutComments = (src: string) => src.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
const read = (file: string) => withoutComments(fs.readFileSync(path.join(ROOT, file), 'utf8'));

const files = [...sources('app'), ...sources('server')].filter((f) => f !== 'server/http/local-path.ts');

describe('redirect targets', () => {
  it('finds the redirects (the scanner works)', () => {
    const all = files.flatMap((f) => callArguments(read(f), 'redirect'));
    expect(all.length).toBeGreaterThan(10);
    expect(ownPath('`/issues/${id}`')).toBe(true);
    expect(ownPath("query ? `/?${query}` : '/'")).toBe(true);
    for (const bad of ['next', 'searchParams.next', '`//${host}`', "'/\\\\x'", '`${base}/x`', 'a ? next : "/"']) expect(ownPath(bad), bad).toBe(false);
  });

  it('sends every redirect of a page, an action or the session helpers to a path the app builds', () => {
    const open = files.flatMap((file) =>
      callArguments(read(file), 'redirect')
        .filter((target) => !ownPath(target) && !/^\{\s*url/.test(target))
        .map((target) => `${file}: redirect(${target})`),
    );
    expect(open, 'Build the path from ids, or pass a target taken from the request through localPath()').toEqual([]);
  });

  it('reads the two targets that come from the request through localPath: the login link and next-auth’s callback', () => {
    expect(fs.readFileSync(path.join(ROOT, 'app/(auth)/login/page.tsx'), 'utf8')).toMatch(/localPath\(callbackUrl, env\.NEXTAUTH_URL\)/);
    expect(fs.readFileSync(path.join(ROOT, 'server/auth/options.ts'), 'utf8')).toMatch(/async redirect\(\{ url \}\) \{\s*return new URL\(localPath\(url, env\.NEXTAUTH_URL\)/);
    // The login form goes where the page says, and nowhere else.
    expect(callArguments(fs.readFileSync(path.join(ROOT, 'components/LoginForm.tsx'), 'utf8'), 'window.location.assign')).toEqual(['callbackUrl']);
  });
});
