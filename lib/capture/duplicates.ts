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

/** The update that already cites this quote, or null; the most recently logged one when several do. */
export function duplicateOf(quote: string, logged: readonly LoggedQuote[]): number | null {
  const key = quoteKey(quote);
  if (!key) return null;
  let found: number | null = null;
  for (const entry of logged) {
    const other = quoteKey(entry.quote);
    if (!other) continue;
    const same = key === other || (words(key) >= 3 && ` ${other} `.includes(` ${key} `)) || (words(other) >= 3 && ` ${key} `.includes(` ${other} `));
    if (same && (found === null || entry.updateId > found)) found = entry.updateId;
  }
  return found;
}
