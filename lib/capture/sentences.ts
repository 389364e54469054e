import nlp from 'compromise';

// Sentences and the people they name, by compromise (README: why this library): it runs in-process,
// with its lexicon in the package, no model download and no network. Its sentences are found back in
// the text by position so that a proposal can highlight exactly the words it was read from.

export type Sentence = { start: number; end: number; text: string; paragraph: number };

/** Where a paragraph's sentences start and end in `text`. */
function sentencesOfParagraph(paragraph: string, offset: number, index: number): Sentence[] {
  const found: Sentence[] = [];
  let cursor = 0;
  let pieces: string[];
  try {
    pieces = nlp(paragraph).sentences().out('array') as string[];
  } catch {
    pieces = [paragraph];
  }
  for (const piece of pieces) {
    const words = piece.trim();
    if (!words) continue;
    const at = paragraph.indexOf(words, cursor);
    // compromise may tidy a sentence's spacing; what cannot be found back joins the sentence before it.
    if (at < 0) continue;
    if (found.length && at > cursor && paragraph.slice(cursor, at).trim()) found[found.length - 1].end = offset + at;
    found.push({ start: offset + at, end: offset + at + words.length, text: words, paragraph: index });
    cursor = at + words.length;
  }
  if (found.length === 0 && paragraph.trim()) {
    const start = paragraph.search(/\S/);
    return [{ start: offset + start, end: offset + paragraph.trimEnd().length, text: paragraph.trim(), paragraph: index }];
  }
  const last = found[found.length - 1];
  if (paragraph.slice(cursor).trim()) last.end = offset + paragraph.trimEnd().length;
  return found;
}

/** The sentences of a text, paragraph by paragraph (a line is a paragraph). */
export function splitSentences(text: string): Sentence[] {
  const all: Sentence[] = [];
  let offset = 0;
  text.split('\n').forEach((paragraph, index) => {
    all.push(...sentencesOfParagraph(paragraph, offset, index));
    offset += paragraph.length + 1;
  });
  return all.map((s) => ({ ...s, text: text.slice(s.start, s.end) }));
}

/** The names of people compromise finds in a text, with where each stands. */
export function peopleNamed(text: string): { name: string; start: number }[] {
  let names: string[];
  try {
    names = nlp(text).people().out('array') as string[];
  } catch {
    return [];
  }
  const found: { name: string; start: number }[] = [];
  let cursor = 0;
  for (const raw of names) {
    const name = raw.replace(/[,.;:]+$/, '').replace(/['’]s$/, '').trim();
    const at = text.indexOf(name, cursor);
    if (!name || at < 0) continue;
    found.push({ name, start: at });
    cursor = at + name.length;
  }
  return found;
}
