// A minimal Atom 1.0 (RFC 4287) writer. Entry content is HTML made by lib/markdown.ts, which escapes any
// raw HTML an analyst typed and drops links that could run, sent escaped as type="html" (RFC 4287 3.1.1.2).
import { xmlSafe } from '@/lib/xml-safe';
import { markdownTitle } from '@/lib/markdown';

/** `html`: the entry's content as safe HTML (markdownToSafeHtml). */
export type AtomEntry = { id: string; title: string; updated: string; published?: string; author: string; link: string; html: string };
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

/** A one-line title from Markdown: the words of its first block, at most 120 characters, cut before a word. */
export function titleFrom(markdown: string): string {
  return markdownTitle(markdown, TITLE_MAX) || 'Update';
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
    <content type="html">${e(x.html)}</content>
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

/**
 * A day with no time (when something happened) as a timestamp: noon UTC, which falls on the same calendar
 * day from UTC−12 to UTC+11, so a reader west of UTC does not see the day before (midnight UTC would).
 */
export function dayStamp(day: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `${day}T12:00:00.000Z` : rfc3339(day);
}
