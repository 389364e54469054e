import { captureArticle } from './extract';
import { quoteKey } from './duplicates';
import { UNATTRIBUTED, type CaptureContext, type Proposal } from './types';
import type { PartialDate } from '@/lib/partial-date';

// How well the capture reads articles whose proposals an analyst wrote down by hand
// (tests/fixtures/capture/, `npm run capture:eval`, CAPTURE.md): precision and recall of the quotes found,
// and of the speaker, issues and event date proposed for each. Names stand for ids in the fixtures, so
// that a reader can check every expectation against the article.

/** An actor's name, "unattributed", or the words an article uses for someone who is not an actor. */
export type ExpectedSpeaker = string | { name: string[] };
export type ExpectedProposal = { quotes: string[]; speaker: ExpectedSpeaker; issues: string[]; date: { date: string; precision: string; label?: string } };
export type EvalCase = {
  article: string;
  set: string;
  text: string;
  publishedOn: string;
  outlet: string;
  context: CaptureContext;
  /** Issue titles and actor names by id, to read the expectations' names. */
  issueTitles: Map<number, string>;
  actorNames: Map<number, string>;
  proposals: ExpectedProposal[];
};

export type Score = { found: number; expected: number; proposed: number; precision: number; recall: number };
export type CaseScore = { article: string; set: string; quotes: Score; speakers: Score; issues: Score; dates: Score; misses: string[] };

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
const score = (found: number, expected: number, proposed: number, correctProposed = found): Score => ({
  found,
  expected,
  proposed,
  precision: ratio(correctProposed, proposed),
  recall: ratio(found, expected),
});

const sameQuote = (a: string, b: string) => {
  const x = quoteKey(a);
  const y = quoteKey(b);
  return x.length > 0 && y.length > 0 && (x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `));
};

const quotesOf = (p: Proposal) => p.quote.split(' … ');

function speakerRight(expected: ExpectedSpeaker, proposal: Proposal, actorNames: Map<number, string>): boolean {
  const s = proposal.speaker;
  if (expected === UNATTRIBUTED) return s.name === UNATTRIBUTED;
  if (typeof expected === 'string') return s.actorId !== null && actorNames.get(s.actorId) === expected;
  const name = s.name.toLowerCase();
  return s.actorId === null && s.name !== UNATTRIBUTED && expected.name.some((n) => name.includes(n.toLowerCase()) || n.toLowerCase().includes(name));
}

/** Right: the same date and precision (and phrase), or "about" the very day the analyst would log. */
export function dateRight(expected: ExpectedProposal['date'], proposed: PartialDate | null): boolean {
  if (!proposed) return false;
  if (proposed.precision === 'approx' && proposed.label === '') return proposed.date === expected.date;
  return proposed.date === expected.date && proposed.precision === expected.precision && (proposed.label || '') === (expected.label ?? '');
}

export function scoreCase(c: EvalCase): CaseScore {
  const result = captureArticle({ text: c.text, publishedOn: c.publishedOn, outlet: c.outlet }, c.context);
  const proposals = result.ok ? result.proposals : [];
  const misses: string[] = [];
  const proposedQuotes = proposals.flatMap(quotesOf);
  const expectedQuotes = c.proposals.flatMap((p) => p.quotes);
  const quotesFound = expectedQuotes.filter((q) => proposals.some((p) => quotesOf(p).some((a) => sameQuote(a, q))));
  for (const q of expectedQuotes) if (!quotesFound.includes(q)) misses.push(`quote not found: “${q}”`);
  const quotesRight = proposedQuotes.filter((a) => expectedQuotes.some((q) => sameQuote(a, q))).length;

  let speakers = 0;
  let dates = 0;
  let issuePairs = 0;
  let issuesRight = 0;
  const matched = new Set<Proposal>();
  for (const e of c.proposals) {
    const p = proposals.find((x) => quotesOf(x).some((a) => sameQuote(a, e.quotes[0])));
    if (!p) continue;
    matched.add(p);
    if (speakerRight(e.speaker, p, c.actorNames)) speakers++;
    else misses.push(`speaker of “${e.quotes[0]}”: ${p.speaker.name}, expected ${typeof e.speaker === 'string' ? e.speaker : e.speaker.name[0]}`);
    if (dateRight(e.date, p.eventDate)) dates++;
    else misses.push(`date of “${e.quotes[0]}”: ${JSON.stringify(p.eventDate)}, expected ${JSON.stringify(e.date)}`);
    const got = p.issueIds.map((id) => c.issueTitles.get(id) ?? String(id));
    const right = got.filter((t) => e.issues.includes(t));
    issuesRight += right.length;
    issuePairs += e.issues.length;
    if (right.length !== got.length || right.length !== e.issues.length) misses.push(`issues of “${e.quotes[0]}”: [${got.join(', ')}], expected [${e.issues.join(', ')}]`);
  }
  for (const p of proposals) if (!matched.has(p)) misses.push(`proposed but not expected: “${p.quote}”`);
  const proposedIssues = proposals.reduce((n, p) => n + p.issueIds.length, 0);
  return {
    article: c.article,
    set: c.set,
    quotes: score(quotesFound.length, expectedQuotes.length, proposedQuotes.length, quotesRight),
    speakers: score(speakers, c.proposals.length, proposals.length),
    issues: score(issuesRight, issuePairs, proposedIssues),
    dates: score(dates, c.proposals.length, proposals.filter((p) => p.eventDate).length),
    misses,
  };
}

/** The scores of several cases added up (a set: the seeds, or the articles of our own writing). */
export function total(scores: readonly CaseScore[]): Omit<CaseScore, 'article' | 'misses'> {
  const add = (pick: (s: CaseScore) => Score): Score => {
    const found = scores.reduce((n, s) => n + pick(s).found, 0);
    const expected = scores.reduce((n, s) => n + pick(s).expected, 0);
    const proposed = scores.reduce((n, s) => n + pick(s).proposed, 0);
    const right = scores.reduce((n, s) => n + pick(s).precision * pick(s).proposed, 0);
    return { found, expected, proposed, precision: ratio(Math.round(right), proposed), recall: ratio(found, expected) };
  };
  return { set: scores[0]?.set ?? '', quotes: add((s) => s.quotes), speakers: add((s) => s.speakers), issues: add((s) => s.issues), dates: add((s) => s.dates) };
}

/** The targets of issue 18. */
export const TARGETS = { quotes: 0.95, speakers: 0.85, issues: 0.8, dates: 0.8 } as const;
