// Quoted words in an article: curly “…”, straight "…", guillemets «…», low-high „…“ (German, Russian,
// Ukrainian usage), and single curly ‘…’ where it cannot be an apostrophe. A quote never runs past a
// blank line (a paragraph): an unclosed mark is a typo, not a quote of the rest of the article.

export type QuoteSpan = { quote: string; start: number; end: number };

const PAIRS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['“', ['”']],
  ['«', ['»']],
  ['„', ['“', '”']],
];

/** Where each quoted passage stands: `start`/`end` include the marks; `quote` is the words inside. */
export function findQuotes(text: string): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let paragraphStart = 0;
  for (const paragraph of text.split('\n')) {
    spans.push(...quotesIn(paragraph, paragraphStart));
    paragraphStart += paragraph.length + 1;
  }
  return spans;
}

function quotesIn(paragraph: string, offset: number): QuoteSpan[] {
  const found: QuoteSpan[] = [];
  let i = 0;
  let straightOpen = -1;
  while (i < paragraph.length) {
    const c = paragraph[i];
    const pair = PAIRS.find(([open]) => open === c);
    if (pair && straightOpen < 0) {
      const close = closing(paragraph, i + 1, pair[1], c);
      if (close > 0) {
        push(found, paragraph, offset, i, close);
        i = close + 1;
        continue;
      }
    } else if (c === '"') {
      if (straightOpen < 0) straightOpen = i;
      else {
        push(found, paragraph, offset, straightOpen, i);
        straightOpen = -1;
      }
    } else if (c === '‘' && straightOpen < 0 && /^$|[\s(—–-]$/.test(paragraph.slice(Math.max(0, i - 1), i))) {
      const close = singleClosing(paragraph, i + 1);
      if (close > 0) {
        push(found, paragraph, offset, i, close);
        i = close + 1;
        continue;
      }
    }
    i++;
  }
  return found;
}

/** The closing mark matching an opening one, counting nested pairs of the same kind (« « » »). */
function closing(text: string, from: number, closers: readonly string[], opener: string): number {
  let depth = 0;
  for (let j = from; j < text.length; j++) {
    if (text[j] === opener && !closers.includes(opener)) depth++;
    else if (closers.includes(text[j])) {
      if (depth === 0) return j;
      depth--;
    }
  }
  return -1;
}

/** A ’ followed by a letter is an apostrophe (“don’t”, “Trump’s”); the one that closes is not. */
function singleClosing(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    if (text[j] === '’' && !/\p{L}/u.test(text[j + 1] ?? '')) return j;
  }
  return -1;
}

function push(found: QuoteSpan[], paragraph: string, offset: number, open: number, close: number) {
  const quote = paragraph.slice(open + 1, close).trim();
  if (!/[\p{L}\p{N}]/u.test(quote)) return;
  found.push({ quote, start: offset + open, end: offset + close + 1 });
}
