import { formsOfWord, wordsOf } from '@/lib/word-forms';

// What an analyst can search for, and the filters a search takes.
export const SEARCH_KINDS = ['update', 'position', 'homework', 'issue', 'round', 'actor', 'source', 'article'] as const;
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
// quotes and brackets are just text), all words required, the last one as a prefix. A Russian or
// Ukrainian word is also found by its other forms (lib/word-forms.ts), as the index holds them.
const MAX_WORDS = 12;
const MAX_LENGTH = 500;

/** The words a search looks for, as typed (at most twelve, from the first 500 characters). */
export function searchWords(input: string): string[] {
  return wordsOf(input.slice(0, MAX_LENGTH)).slice(0, MAX_WORDS);
}

export function toFtsQuery(input: string): string | null {
  const words = searchWords(input);
  if (words.length === 0) return null;
  const terms = words.map((word, i) => {
    // Only the word as typed is a prefix: a stem as a prefix ("песк*") would find every word that starts like it.
    const typed = `"${word}"${i === words.length - 1 ? '*' : ''}`;
    const others = formsOfWord(word).filter((form) => form !== word.toLowerCase());
    return others.length ? `(${[typed, ...others.map((form) => `"${form}"`)].join(' OR ')})` : typed;
  });
  // FTS5 reads two quoted words side by side as both required, but wants AND written beside a bracket.
  return terms.join(terms.some((t) => t.startsWith('(')) ? ' AND ' : ' ');
}

/**
 * Marks the words of a text that are a form of a searched word, where FTS5 could not: a hit found through
 * the Cyrillic forms the index holds beside the text has no mark in the text itself. Text already marked
 * (between MARK_START and MARK_END) is left as it is.
 */
export function markWordForms(text: string, words: string[]): string {
  const wanted = new Set(words.flatMap(formsOfWord));
  if (wanted.size === 0) return text;
  return text
    .split(new RegExp(`(${MARK_START}[^${MARK_END}]*${MARK_END})`))
    .map((part) =>
      part.startsWith(MARK_START) ? part : part.replace(/[\p{L}\p{N}]+/gu, (word) => (formsOfWord(word).some((form) => wanted.has(form)) ? `${MARK_START}${word}${MARK_END}` : word)),
    )
    .join('');
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
