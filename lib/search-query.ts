// What an analyst can search for, and the filters a search takes.
export const SEARCH_KINDS = ['update', 'position', 'homework', 'issue', 'actor', 'source'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export type SearchFilters = {
  negotiationId?: number | null;
  partyId?: number | null;
  issueId?: number | null;
  roundId?: number | null;
  from?: string | null;
  to?: string | null;
  /** Worst acceptable reliability: 'B' keeps A and B. */
  reliability?: string | null;
  authorId?: number | null;
  kind?: SearchKind | null;
};

// Turns whatever an analyst types into a safe FTS5 query: every word quoted (so FTS operators,
// quotes and brackets are just text), all words required, the last one as a prefix.
const MAX_WORDS = 12;
const MAX_LENGTH = 500;

export function toFtsQuery(input: string): string | null {
  const words = input.slice(0, MAX_LENGTH).normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  const quoted = words.slice(0, MAX_WORDS).map((w) => `"${w}"`);
  quoted[quoted.length - 1] += '*';
  return quoted.join(' ');
}

// Markers FTS5's highlight() puts around matches; private-use characters never typed by users.
export const MARK_START = '\uE000';
export const MARK_END = '\uE001';

/** Splits highlighted text into plain and matched parts, for rendering without HTML injection. */
export function splitHighlight(text: string): { text: string; match: boolean }[] {
  const parts: { text: string; match: boolean }[] = [];
  const re = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, 'g');
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index! > last) parts.push({ text: text.slice(last, m.index), match: false });
    parts.push({ text: m[1], match: true });
    last = m.index! + m[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}
