import { StemmerRu } from '@nlpjs/lang-ru';
import { StemmerUk } from '@nlpjs/lang-uk';

// The forms under which a Russian or Ukrainian word is found (decision 0020). FTS5 stems English itself
// (porter); Cyrillic words pass through it untouched, so the index also holds, beside the text as written,
// each Cyrillic word with ё read as е and its Russian and Ukrainian stems. The same forms are made of what
// an analyst types, so "Пескова" meets "Песков" (both give "песков") and "ежик" meets "Ёжик".
// A word is stemmed both ways because a short text rarely says which of the two languages it is in, and a
// stem of the wrong language only widens the net a little.

const russian = new StemmerRu();
const ukrainian = new StemmerUk();

const WORD = /[\p{L}\p{N}]+/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** A word as the index compares it: lower case, ё as е. */
export function foldWord(word: string): string {
  return word.toLowerCase().replaceAll('ё', 'е');
}

/** The words of a text, as the search index splits them. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').match(WORD) ?? [];
}

/** What one word is found by: itself folded and, for a Cyrillic word, its Russian and Ukrainian stems. */
export function formsOfWord(word: string): string[] {
  const folded = foldWord(word);
  if (!CYRILLIC.test(folded)) return [folded];
  return [...new Set([folded, russian.stemWord(folded), ukrainian.stemWord(folded)].filter((form) => form.length > 0))];
}

/**
 * The extra words the index holds for a text: the forms of its Cyrillic words that differ from the word as
 * written (the word itself is already in the text). Empty for English-only text, which porter handles.
 */
export function indexForms(...texts: (string | null | undefined)[]): string {
  const forms = new Set<string>();
  for (const word of wordsOf(texts.filter(Boolean).join(' '))) {
    if (!CYRILLIC.test(word)) continue;
    const written = word.toLowerCase();
    for (const form of formsOfWord(word)) if (form !== written) forms.add(form);
  }
  return [...forms].join(' ');
}

/** True when the text holds every one of the words as a whole word (case and ё aside): an exact hit. */
export function holdsEveryWord(text: string, words: string[]): boolean {
  const present = new Set(wordsOf(text).map(foldWord));
  return words.every((word) => present.has(foldWord(word)));
}
