// The two stemmers the search index uses (lib/word-forms.ts); nlp.js ships JavaScript without types.
declare module '@nlpjs/lang-ru' {
  export class StemmerRu {
    stemWord(word: string): string;
  }
}
declare module '@nlpjs/lang-uk' {
  export class StemmerUk {
    stemWord(word: string): string;
  }
}
