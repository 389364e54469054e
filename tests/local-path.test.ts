import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { localPath } from '@/server/http/local-path';

const ORIGIN = 'http://localhost:3000';
const EVIL = 'evil.example';

/** Where a browser on one of the app's pages ends up when sent to `target`. */
const landing = (target: string, page = `${ORIGIN}/login?callbackUrl=x`) => new URL(target, page);

// The pieces hostile targets are made of: every trick a browser forgives.
const piece = fc.constantFrom(
  '/', '\\', '//', '\\\\', '/\\', '\\/', '\t', '\n', '\r', ' ', '%09', '%0a', '%2f', '%2F', '%5c', '%5C', '%2e', '.', '..', '@', ':', '#', '?',
  'http:', 'https:', 'javascript:', 'data:', 'HTTP:', 'file:', 'ftp:', 'evil.example', 'user:pass@', 'localhost', 'localhost:3000', '127.0.0.1',
  '\u3002', '\uff0f', '\uff3c', '\u2044', '\u2215', '\u0000', '\ufeff', '\u200b', 'xn--', '%00', 'ß', 'é',
);
const hostile = fc.oneof(
  fc.array(piece, { maxLength: 8 }).map((parts) => parts.join('')),
  fc.tuple(fc.array(piece, { maxLength: 4 }), fc.string({ unit: 'binary', maxLength: 20 })).map(([parts, tail]) => parts.join('') + tail),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.webUrl(),
);

describe('a redirect target stays on the app', () => {
  it('turns every hostile target into a path on this origin, from any page a browser resolves it on', () => {
    fc.assert(
      fc.property(hostile, fc.constantFrom('/login', '/issues/3/edit', '/a/b/c/'), (target, page) => {
        const path = localPath(target, ORIGIN);
        expect(path.startsWith('/')).toBe(true);
        expect(path.startsWith('//')).toBe(false);
        expect(path.startsWith('/\\')).toBe(false);
        expect(landing(path, `${ORIGIN}${page}`).origin).toBe(ORIGIN);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses the spellings the security review reported, and their kin', () => {
    for (const target of [
      '/\\evil.example/steal', '/%5Cevil.example/steal', '/\tevil.example', '/\t/evil.example', '/%09/evil.example', '//evil.example', '\\\\evil.example',
      '/\\/evil.example', 'https://evil.example/', 'HTTPS://evil.example', 'javascript:alert(1)', 'data:text/html,<b>x</b>', 'http://localhost:3000@evil.example/',
      `http://${EVIL}\\@localhost:3000/`, 'https://localhost:3000/x', 'http://localhost:3001/x', '/\n/evil.example', ' //evil.example',
    ]) {
      const path = localPath(target, ORIGIN);
      expect(landing(path).host, target).toBe('localhost:3000');
    }
    // Decoded by the page before it gets here: what the review's links become.
    expect(localPath(decodeURIComponent('/%5Cevil.example/steal'), ORIGIN)).toBe('/');
  });

  it('keeps a path on the app as it is, and an absolute address on the app as its path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z0-9-]{1,8}$/), { minLength: 1, maxLength: 4 }),
        fc.option(fc.stringMatching(/^[a-z]{1,5}=[a-z0-9]{0,5}$/), { nil: undefined }),
        (segments, query) => {
          const path = `/${segments.join('/')}${query ? `?${query}` : ''}`;
          expect(localPath(path, ORIGIN)).toBe(path);
          expect(localPath(`${ORIGIN}${path}`, ORIGIN)).toBe(path);
        },
      ),
    );
    expect(localPath('/issues/3#positions', ORIGIN)).toBe('/issues/3#positions');
    expect(localPath('/issues//3', ORIGIN)).toBe('/issues//3');
    expect(localPath('http://user:secret@localhost:3000/issues/3', ORIGIN)).toBe('/issues/3');
    // "/.//evil.example" resolves to the path "//evil.example": kept on the app, as one slash.
    expect(localPath('/.//evil.example', ORIGIN)).toBe('/evil.example');
  });

  it('answers / for nothing, for a non-string and for what is not an address at all', () => {
    for (const target of [undefined, null, '', 42, ['/a', '/b'], { href: '/x' }, 'http://[::1', 'http://%zz']) expect(localPath(target, ORIGIN)).toBe('/');
  });
});
