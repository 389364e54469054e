import { describe, expect, it } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { optionalUrl } from '@/lib/validation/fields';
import { PositionSchema } from '@/lib/validation/positions';
import { Markdown } from '@/components/Markdown';

describe('URLs', () => {
  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'ftp://example.org/x', 'vbscript:x', 'file:///etc/passwd', '//evil.example', 'example.org'])(
    'refuses %s',
    (url) => {
      const result = optionalUrl.safeParse(url);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0].message).toBe('Give a full http:// or https:// address.');
    },
  );

  it('accepts http(s) and an empty field', () => {
    expect(optionalUrl.parse('https://www.ft.com/content/x?y=1')).toBe('https://www.ft.com/content/x?y=1');
    expect(optionalUrl.parse('http://example.org')).toBe('http://example.org');
    expect(optionalUrl.parse('')).toBeNull();
    expect(optionalUrl.safeParse('https://example.org/' + 'a'.repeat(2000)).success).toBe(false);
  });
});

describe('text fields', () => {
  const base = { issueId: '1', partyId: '2', stance: 'supports', flexibility: 'low', asOf: '2026-02-05' };
  it('caps lengths with a message and keeps hostile text as typed', () => {
    const long = PositionSchema.safeParse({ ...base, summary: 'x'.repeat(5000) });
    expect(long.error?.issues[0].message).toBe('Summary must be at most 2000 characters.');
    const text = '<script>alert(1)</script> \u202e 🕊️ \u0001';
    expect(PositionSchema.parse({ ...base, summary: text }).summary).toBe(text.trim());
  });
});

describe('Markdown', () => {
  const render = (text: string) => renderToStaticMarkup(createElement(Markdown, { text }));

  it('shows no raw HTML and keeps only http(s), mailto and local links', () => {
    const html = render(
      [
        '<script>alert(1)</script>',
        '<img src=x onerror=alert(1)>',
        '[click](javascript:alert(1)) [data](data:text/html,hi) [ok](https://example.org) [mail](mailto:a@b.org)',
        '![img](javascript:alert(1))',
        '<a href="javascript:alert(1)">raw</a>',
      ].join('\n\n'),
    );
    expect(html).not.toMatch(/<script|onerror|<img[^>]+src="x"|javascript:|data:text/i);
    expect(html).toContain('href="https://example.org"');
    expect(html).toContain('href="mailto:a@b.org"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('<span>click</span>');
  });
});
