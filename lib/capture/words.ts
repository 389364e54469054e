import { formsOfWord } from '@/lib/word-forms';

// The words of a sentence as the matchers compare them: case, possessives and the commonest English
// endings ignored ("guarantees" meets "guarantee", "monitoring" meets "monitor"), Cyrillic words by
// their Russian and Ukrainian stems (lib/word-forms.ts), so an issue's words or an actor's name are
// found in whatever form the article puts them.

export type Token = { form: string; start: number; end: number };

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** One English word reduced to what its forms share; other scripts by lib/word-forms.ts's stem. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/['’]s$/, '').replace(/['’]/g, '');
  if (CYRILLIC.test(w)) return formsOfWord(w).at(-1) ?? w;
  if (w.length <= 3) return w;
  const y = w.endsWith('ies') && w.length > 4 ? `${w.slice(0, -3)}y` : w;
  const stripped = y.replace(/(?:ing|ed|es|e|s)$/, '');
  return stripped.length >= 3 ? stripped : y;
}

/** The words of a text with where each stands. */
export function tokens(text: string): Token[] {
  const found: Token[] = [];
  for (const m of text.matchAll(WORD)) found.push({ form: stem(m[0]), start: m.index, end: m.index + m[0].length });
  return found;
}

/** The forms of a phrase ("security guarantees" → ["security", "guarante"]). */
export const phraseForms = (phrase: string): string[] => tokens(phrase).map((t) => t.form);

/** Where the phrase's words stand one after another in `words`, as indexes of the first word. */
export function findPhrase(words: readonly Token[], phrase: readonly string[]): number[] {
  if (phrase.length === 0) return [];
  const at: number[] = [];
  for (let i = 0; i + phrase.length <= words.length; i++) {
    if (phrase.every((form, k) => words[i + k].form === form)) at.push(i);
  }
  return at;
}
