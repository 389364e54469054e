// A minimal Atom 1.0 (RFC 4287) writer. Entry content is sent as type="text": readers show it as
// plain text, so nothing an analyst typed can run as markup in someone's feed reader.
import { xmlSafe } from '@/lib/xml-safe';

export type AtomEntry = { id: string; title: string; updated: string; published?: string; author: string; link: string; content: string };
export type AtomFeed = {
  id: string;
  title: string;
  updated: string;
  selfLink: string;
  link: string;
  /** The negotiation's handling marking: the feed's <rights>, which applies to every entry (RFC 4287 4.2.10). */
  rights?: string;
  entries: AtomEntry[];
};

/** Escapes the five XML specials and drops characters XML 1.0 forbids. */
export function escapeXml(value: string): string {
  return xmlSafe(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const TITLE_MAX = 120;

/** A one-line title from Markdown: its first line, without emphasis marks, at most 120 characters. */
export function titleFrom(markdown: string): string {
  const first = markdown.split(/\n/).find((l) => l.trim()) ?? '';
  const plain = first.replace(/[*_`#>]/g, '').replace(/\s+/g, ' ').trim();
  if (plain.length <= TITLE_MAX) return plain || 'Update';
  // Cut before the word the limit falls in (a single long word where it falls); the ellipsis says there is more.
  const end = plain.lastIndexOf(' ', TITLE_MAX - 1);
  return `${plain.slice(0, end === -1 ? TITLE_MAX - 1 : end)}…`;
}

export function toAtom(feed: AtomFeed): string {
  const e = escapeXml;
  const entries = feed.entries.map(
    (x) => `  <entry>
    <id>${e(x.id)}</id>
    <title type="text">${e(x.title)}</title>
    <updated>${e(x.updated)}</updated>${x.published ? `\n    <published>${e(x.published)}</published>` : ''}
    <author><name>${e(x.author)}</name></author>
    <link rel="alternate" type="text/html" href="${e(x.link)}"/>
    <content type="text">${e(x.content)}</content>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${e(feed.id)}</id>
  <title type="text">${e(feed.title)}</title>
  <updated>${e(feed.updated)}</updated>
  <link rel="self" type="application/atom+xml" href="${e(feed.selfLink)}"/>
  <link rel="alternate" type="text/html" href="${e(feed.link)}"/>${feed.rights ? `\n  <rights type="text">${e(feed.rights)}</rights>` : ''}
  <generator>Negotiation tracker</generator>
${entries.join('\n')}
</feed>
`;
}

/** An RFC 3339 timestamp from a stored date or timestamp ('2026-02-05' becomes midnight UTC). */
export function rfc3339(value: string): string {
  const d = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString() : d.toISOString();
}
