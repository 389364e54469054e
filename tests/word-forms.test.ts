import { describe, expect, it } from 'vitest';
import { foldWord, formsOfWord, holdsEveryWord, indexForms, wordsOf } from '@/lib/word-forms';
import { MARK_END, MARK_START, markWordForms } from '@/lib/search-query';

// The forms under which a word is found (lib/word-forms.ts): what the index holds and what a search asks for.

const marked = (word: string) => `${MARK_START}${word}${MARK_END}`;

describe('the forms of a word', () => {
  it('reads a word in lower case, ё as е', () => {
    expect(foldWord('ЁЖИК')).toBe('ежик');
    expect(foldWord('Ёлка и ёж')).toBe('елка и еж');
    expect(foldWord('START')).toBe('start');
  });

  it('gives a Russian word its stem, so two cases of a name meet', () => {
    expect(formsOfWord('Пескова')).toEqual(['пескова', 'песков', 'песк']);
    expect(formsOfWord('Песков')).toEqual(['песков', 'песк']);
  });

  it('gives a Ukrainian word its Ukrainian stem as well', () => {
    expect(formsOfWord('переговорів')).toEqual(['переговорів', 'переговор']);
    expect(formsOfWord('гарантії')).toEqual(['гарантії', 'гаранті']);
  });

  it('leaves an English word to the index’s own stemmer', () => {
    expect(formsOfWord('Negotiations')).toEqual(['negotiations']);
    expect(formsOfWord('2026')).toEqual(['2026']);
  });

  it('splits text into words as the index does, full-width letters read as letters', () => {
    expect(wordsOf('Лавров, «чепуха»! ＳＴＡＲＴ-2026')).toEqual(['Лавров', 'чепуха', 'START', '2026']);
    expect(wordsOf('…')).toEqual([]);
  });
});

describe('the forms the index holds beside a text', () => {
  it('are the Cyrillic forms not already written, once each', () => {
    expect(indexForms('Песков и Пескова', 'Ёжик')).toBe('песк песков ежик');
  });

  it('are nothing for English, for empty text and for missing text', () => {
    expect(indexForms('The negotiations on enrichment')).toBe('');
    expect(indexForms('', null, undefined)).toBe('');
  });
});

describe('an exact hit', () => {
  it('holds every word searched as a whole word, case and ё aside', () => {
    expect(holdsEveryWord('Операция «Ёжик» отложена', ['ежик', 'ОТЛОЖЕНА'])).toBe(true);
    expect(holdsEveryWord('The talks on enrichment', ['enrich'])).toBe(false);
    expect(holdsEveryWord('Iran will enrich', ['enrich', 'Muscat'])).toBe(false);
    expect(holdsEveryWord('anything', [])).toBe(true);
  });
});

describe('marking the forms found', () => {
  it('marks a word found through its stem, and leaves marked and other words alone', () => {
    expect(markWordForms('Песков назвал', ['Пескова'])).toBe(`${marked('Песков')} назвал`);
    expect(markWordForms(`${marked('Пескова')} и Песков`, ['Пескова'])).toBe(`${marked('Пескова')} и ${marked('Песков')}`);
    expect(markWordForms('Лавров назвал', ['Пескова'])).toBe('Лавров назвал');
    expect(markWordForms('Песков', [])).toBe('Песков');
  });
});
