// When a newly typed source is an article the tracker already holds (docs/decisions/0023), so that its
// outlet and headline are never typed twice and several quotes of one article stay one article.
import type { Reliability } from '@/lib/domain';

export type ArticleFacts = {
  title: string;
  url: string | null;
  publishedOn: string | null;
  reliability: Reliability;
};

const sameText = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const given = (value: string | null | undefined): value is string => (value ?? '').trim() !== '';

/**
 * Whether `typed` (of the same outlet) names the `stored` article: by its URL when one is typed, else by its
 * title, else (neither typed) the outlet's untitled article without a URL. What is typed beside it must not say
 * otherwise: another date, or another grade (an article graded differently is kept apart, so no grade is lost).
 */
export function isSameArticle(stored: ArticleFacts, typed: ArticleFacts): boolean {
  if (given(typed.url)) {
    if (stored.url?.trim() !== typed.url.trim()) return false;
    if (given(typed.title) && !sameText(stored.title, typed.title)) return false;
  } else if (given(typed.title)) {
    if (!sameText(stored.title, typed.title)) return false;
  } else if (given(stored.title) || given(stored.url)) return false;
  if (given(typed.publishedOn) && stored.publishedOn !== typed.publishedOn) return false;
  return stored.reliability === typed.reliability;
}

/** The newest of the outlet's stored articles that `typed` names, or undefined: a new article is made. */
export function findSameArticle<A extends ArticleFacts & { id: number }>(stored: readonly A[], typed: ArticleFacts): A | undefined {
  return stored.filter((a) => isSameArticle(a, typed)).sort((a, b) => b.id - a.id)[0];
}
