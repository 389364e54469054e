import type { LoggedQuote } from './types';

// A statement already logged in the negotiation, from any outlet: the same words, whatever the quote
// marks, case, spacing or punctuation. A word or two ("nonsense") only counts when the logged quote is
// exactly that, since short words recur in unrelated statements.

export function quoteKey(quote: string): string {
  return quote
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const words = (key: string) => (key ? key.split(' ').length : 0);

type Keyed = { updateId: number; key: string; padded: string; words: number };

/**
 * The quotes already logged, read once for a whole article: a negotiation holds thousands, and keying each of them
 * again for every statement was nine tenths of a capture's time.
 */
export function loggedQuoteFinder(logged: readonly LoggedQuote[]): (quote: string) => number | null {
  const keyed: Keyed[] = [];
  for (const entry of logged) {
    const key = quoteKey(entry.quote);
    if (key) keyed.push({ updateId: entry.updateId, key, padded: ` ${key} `, words: words(key) });
  }
  return (quote) => {
    const key = quoteKey(quote);
    if (!key) return null;
    const padded = ` ${key} `;
    const n = words(key);
    let found: number | null = null;
    for (const other of keyed) {
      const same = key === other.key || (n >= 3 && other.padded.includes(padded)) || (other.words >= 3 && padded.includes(other.padded));
      if (same && (found === null || other.updateId > found)) found = other.updateId;
    }
    return found;
  };
}

/** The update that already cites this quote, or null; the most recently logged one when several do. */
export function duplicateOf(quote: string, logged: readonly LoggedQuote[]): number | null {
  return loggedQuoteFinder(logged)(quote);
}
