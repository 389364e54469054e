import type { CaptureIssue } from './types';
import { findPhrase, phraseForms, type Token } from './words';

// Which of the negotiation's issues a sentence touches: all the content words of the issue's title
// ("security guarantees"), or any one of the keywords or aliases the analyst keeps for the issue
// ("POWs", "swap", "Donetsk"), in whatever form the sentence uses them.

const NOT_CONTENT = new Set(
  ['the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'after', 'with', 'by', 'status', 'issue', 'question'].map(
    (w) => phraseForms(w)[0],
  ),
);

export type IssueMatcher = { id: number; title: string[]; keywords: string[][] };

export function issueMatchers(issues: readonly CaptureIssue[]): IssueMatcher[] {
  return issues.map((issue) => {
    const title = phraseForms(issue.title).filter((f) => !NOT_CONTENT.has(f));
    return {
      id: issue.id,
      title: title.length ? title : phraseForms(issue.title),
      keywords: issue.keywords.map(phraseForms).filter((k) => k.length > 0),
    };
  });
}

/** The issues a sentence's words touch, in the negotiation's order. */
export function issuesTouched(words: readonly Token[], matchers: readonly IssueMatcher[]): number[] {
  const forms = new Set(words.map((w) => w.form));
  return matchers
    .filter((m) => (m.title.length > 0 && m.title.every((f) => forms.has(f))) || m.keywords.some((k) => findPhrase(words, k).length > 0))
    .map((m) => m.id);
}
