// The Atom feed of updates as a feed reader sees it: validated and parsed by fast-xml-parser, entities decoded.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { escapeXml, rfc3339, titleFrom, toAtom, type AtomEntry, type AtomFeed } from '@/lib/atom';

type Link = { '@rel': string; '@type': string; '@href': string };
type Text = { '#text': string; '@type': string };
type ReadEntry = { id: string; title: Text; updated: string; published?: string; author: { name: string }; link: Link; content: Text };
type ReadFeed = { '@xmlns': string; id: string; title: Text; updated: string; link: Link[]; generator: string; entry?: ReadEntry[] };

/** The indentation between elements is layout, not text a reader shows. */
function withoutLayout(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLayout);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).filter(([key, value]) => !(key === '#text' && typeof value === 'string' && value.trim() === '' && Object.keys(node).some((k) => !k.startsWith('@') && k !== '#text')));
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutLayout(value)]));
}

/** What a feed reader gets: the document must be well-formed XML, its text decoded. */
function read(xml: string): ReadFeed {
  expect(XMLValidator.validate(xml)).toBe(true);
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    trimValues: false,
    isArray: (name: string, path: unknown) => name === 'entry' || path === 'feed.link',
  });
  const doc = withoutLayout(parser.parse(xml, true)) as { '?xml': object; feed: ReadFeed };
  expect(Object.keys(doc)).toEqual(['?xml', 'feed']);
  expect(doc['?xml']).toMatchObject({ '@version': '1.0', '@encoding': 'utf-8' });
  return doc.feed;
}

const entry = (over: Partial<AtomEntry> = {}): AtomEntry => ({
  id: 'http://localhost/updates/7',
  title: 'Lavrov dismissed the guarantees',
  updated: '2026-02-06T09:30:00.000Z',
  published: '2026-02-05T00:00:00.000Z',
  author: 'Ana Analyst',
  link: 'http://localhost/negotiations/1',
  html: '<p><strong>Lavrov</strong> called the guarantees &quot;nonsense&quot;.</p>',
  ...over,
});

const feed = (entries: AtomEntry[], over: Partial<AtomFeed> = {}): AtomFeed => ({
  id: 'http://localhost/negotiations/1#updates',
  title: 'Updates: Russia–Ukraine peace talks',
  updated: '2026-02-06T09:30:00.000Z',
  selfLink: 'http://localhost/api/negotiations/1/updates.atom',
  link: 'http://localhost/negotiations/1',
  entries,
  ...over,
});

describe('the Atom feed of a negotiation’s updates', () => {
  it('gives a feed reader the feed’s identity, title, date and links', () => {
    const f = read(toAtom(feed([])));
    expect(f).toEqual({
      '@xmlns': 'http://www.w3.org/2005/Atom',
      id: 'http://localhost/negotiations/1#updates',
      title: { '#text': 'Updates: Russia–Ukraine peace talks', '@type': 'text' },
      updated: '2026-02-06T09:30:00.000Z',
      link: [
        { '@rel': 'self', '@type': 'application/atom+xml', '@href': 'http://localhost/api/negotiations/1/updates.atom' },
        { '@rel': 'alternate', '@type': 'text/html', '@href': 'http://localhost/negotiations/1' },
      ],
      generator: 'Negotiation tracker',
    });
  });

  it('gives every update as an entry with its id, title, dates, author, link and text', () => {
    const f = read(toAtom(feed([entry(), entry({ id: 'http://localhost/updates/8', title: 'Talks opened', published: undefined, html: '<p>Talks opened.</p>' })])));
    expect(f.entry).toEqual([
      {
        id: 'http://localhost/updates/7',
        title: { '#text': 'Lavrov dismissed the guarantees', '@type': 'text' },
        updated: '2026-02-06T09:30:00.000Z',
        published: '2026-02-05T00:00:00.000Z',
        author: { name: 'Ana Analyst' },
        link: { '@rel': 'alternate', '@type': 'text/html', '@href': 'http://localhost/negotiations/1' },
        content: { '#text': '<p><strong>Lavrov</strong> called the guarantees &quot;nonsense&quot;.</p>', '@type': 'html' },
      },
      {
        id: 'http://localhost/updates/8',
        title: { '#text': 'Talks opened', '@type': 'text' },
        updated: '2026-02-06T09:30:00.000Z',
        author: { name: 'Ana Analyst' },
        link: { '@rel': 'alternate', '@type': 'text/html', '@href': 'http://localhost/negotiations/1' },
        content: { '#text': '<p>Talks opened.</p>', '@type': 'html' },
      },
    ]);
  });

  it('shows what an analyst typed as text, markup and all, in every field', () => {
    const hostile = `<script>alert('x')</script> & "B" \u0001\uFFFE`;
    const asRead = `<script>alert('x')</script> & "B" `;
    const f = read(
      toAtom(
        feed([entry({ id: `urn:${hostile}`, title: hostile, updated: hostile, published: hostile, author: hostile, link: `http://x/?a=1&b="2"`, html: `${hostile}\n\tline two 🕊` })], {
          id: hostile,
          title: hostile,
          updated: hostile,
          selfLink: `http://x/?a='1'&b=<2>`,
          link: hostile,
        }),
      ),
    );
    expect([f.id, f.title['#text'], f.updated, f.link[0]['@href'], f.link[1]['@href']]).toEqual([asRead, asRead, asRead, `http://x/?a='1'&b=<2>`, asRead]);
    const [e] = f.entry!;
    expect([e.id, e.title['#text'], e.updated, e.published, e.author.name, e.link['@href'], e.content['#text']]).toEqual([
      `urn:${asRead}`,
      asRead,
      asRead,
      asRead,
      asRead,
      'http://x/?a=1&b="2"',
      `${asRead}\n\tline two 🕊`,
    ]);
  });
});

describe('XML escaping', () => {
  it('escapes the five XML specials and drops the characters XML 1.0 forbids, keeping every other one', () => {
    expect(escapeXml(`<a href='x' title="y">&</a>`)).toBe('&lt;a href=&apos;x&apos; title=&quot;y&quot;&gt;&amp;&lt;/a&gt;');
    expect(escapeXml('\u0000\u0008\u000B\u000C\u001F\uFFFE\uFFFF\uD800')).toBe('');
    expect(escapeXml('\t\n\r \uD7FF\uE000\uFFFD😀 Київ')).toBe('\t\n\r \uD7FF\uE000\uFFFD😀 Київ');
  });
});

describe('an entry’s title', () => {
  it('is the first line with text of the update, without Markdown marks and runs of spaces', () => {
    expect(titleFrom('\n  \n**Lavrov dismissed** the `guarantees`\n\nsecond paragraph')).toBe('Lavrov dismissed the guarantees');
    expect(titleFrom('# Heading _one_\n> quoted')).toBe('Heading one');
    expect(titleFrom('> Lavrov: “nonsense”')).toBe('Lavrov: “nonsense”');
    expect(titleFrom('  spaced \t  out  ')).toBe('spaced out');
  });

  it('reads "Update" for an update without words', () => {
    expect(titleFrom('')).toBe('Update');
    expect(titleFrom('\n\n  \n')).toBe('Update');
    expect(titleFrom('***\n\n<!-- a comment -->')).toBe('Update');
    // As a Markdown reader shows it: the underscores in bold, then the next line of the same paragraph.
    expect(titleFrom('**__**\nsecond')).toBe('__ second');
  });

  it('is cut at a word and says so when the line is long', () => {
    const words = 'Lavrov said the security guarantees Ukraine was discussing with the United States would not end the war if the issues about a final settlement are not resolved';
    const title = titleFrom(words);
    expect(title).toBe('Lavrov said the security guarantees Ukraine was discussing with the United States would not end the war if the issues…');
    expect(title.length).toBeLessThanOrEqual(120);
    expect(words.startsWith(title.slice(0, -1))).toBe(true);
  });

  it('keeps a line of exactly the limit whole, and cuts one character more', () => {
    const exactly = `${'word '.repeat(23)}abcd!`;
    expect(exactly).toHaveLength(120);
    expect(titleFrom(exactly)).toBe(exactly);
    expect(titleFrom(`${exactly}?`)).toBe(`${'word '.repeat(23).trimEnd()}…`);
    expect(titleFrom(`${'word '.repeat(23)}abc de`)).toBe(`${'word '.repeat(23)}abc…`);
    expect(titleFrom(`${'word '.repeat(23)}abcd efg`)).toBe(`${'word '.repeat(23)}abcd…`);
    expect(titleFrom(`${'word '.repeat(23)}abcde fg`)).toBe(`${'word '.repeat(23).trimEnd()}…`);
  });

  it('cuts a single word longer than the limit where the limit falls', () => {
    expect(titleFrom('x'.repeat(200))).toBe(`${'x'.repeat(119)}…`);
  });
});

describe('feed dates', () => {
  it('are RFC 3339 timestamps in UTC: a stored day is its midnight, a stored timestamp stays the same instant', () => {
    expect(rfc3339('2026-02-05')).toBe('2026-02-05T00:00:00.000Z');
    expect(rfc3339('2026-02-05T10:15:30.250Z')).toBe('2026-02-05T10:15:30.250Z');
    expect(rfc3339('2026-02-05T12:15:30+02:00')).toBe('2026-02-05T10:15:30.000Z');
  });

  it('fall back to the start of 1970 for a date no reader could parse, rather than an invalid feed', () => {
    expect(rfc3339('not a date')).toBe('1970-01-01T00:00:00.000Z');
    expect(rfc3339('2026-13-45')).toBe('1970-01-01T00:00:00.000Z');
  });
});
