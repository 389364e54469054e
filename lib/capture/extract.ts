import { eventDateOf, needsPublicationDate } from './dates';
import { loggedQuoteFinder } from './duplicates';
import { figuresIn } from './figures';
import { articleText } from './html-text';
import { issueMatchers, issuesTouched } from './issues';
import { partiesNamed } from './parties';
import { findQuotes, type QuoteSpan } from './quotes';
import { splitSentences, type Sentence } from './sentences';
import { proposedSource } from './source';
import { speakerOf, subjectActor, unattributed, withoutQuotes } from './speakers';
import type { ArticleInput, CaptureContext, CaptureResult, Proposal, ProposedSpeaker } from './types';
import { tokens } from './words';

// Paste an article, get its updates (issue 18): every quoted statement of the text proposed as an
// update, with its speaker, issues, parties, event date, figures and any update that already cites it.
// Pure: it reads nothing and writes nothing, so the page, the API and the eval all call this one function.

/** What is read of a longer text: the rest is kept with the article but not proposed from (and said so). */
export const MAX_READ = 50_000;

const CYRILLIC = /\p{Script=Cyrillic}/gu;

type Group = { start: number; end: number; sentences: Sentence[]; quotes: QuoteSpan[] };

/** Sentences joined where a quote runs over a sentence's end, each with the quotes that start in it. */
function groups(sentences: readonly Sentence[], quotes: readonly QuoteSpan[]): Group[] {
  const out: Group[] = [];
  let q = 0;
  for (let i = 0; i < sentences.length; i++) {
    const first = sentences[i];
    const group: Group = { start: first.start, end: first.end, sentences: [first], quotes: [] };
    while (q < quotes.length && quotes[q].start < first.start) q++;
    while (q < quotes.length && quotes[q].start < group.end) {
      const quote = quotes[q];
      group.quotes.push(quote);
      while (quote.end > group.end && i + 1 < sentences.length) {
        i++;
        group.sentences.push(sentences[i]);
        group.end = sentences[i].end;
      }
      q++;
    }
    out.push(group);
  }
  return out;
}

const relative = (quotes: readonly QuoteSpan[], offset: number) => quotes.map((q) => ({ start: q.start - offset, end: q.end - offset }));

export function captureArticle(input: ArticleInput, context: CaptureContext): CaptureResult {
  const pasted = typeof input.text === 'string' ? input.text : '';
  if (!pasted.trim()) return { ok: false, message: 'Paste the article’s text (or its HTML) first.' };
  const { text, meta } = articleText(pasted);
  if (!/[\p{L}]/u.test(text)) return { ok: false, message: 'The pasted text has no words to read: paste the article itself.' };
  const source = proposedSource(input, text, meta);
  const notes: string[] = [];
  const read = text.length > MAX_READ ? text.slice(0, MAX_READ) : text;
  if (read.length < text.length) {
    notes.push(`The article is ${text.length.toLocaleString('en-GB')} characters long: proposals come from its first ${MAX_READ.toLocaleString('en-GB')}; paste the rest separately to read it too.`);
  }
  if ((read.match(CYRILLIC)?.length ?? 0) > read.length / 4) {
    notes.push('Russian or Ukrainian text: quotes and dates are read, speakers only by the actors’ names as written in it, issues only by their words and keywords as written.');
  }
  const quotes = findQuotes(read);
  const sentences = splitSentences(read);
  const matchers = issueMatchers(context.issues);
  const duplicateOf = loggedQuoteFinder(context.loggedQuotes);
  const proposals: Proposal[] = [];
  let previous: ProposedSpeaker | null = null;
  let previousParagraph = -1;
  let previousIssues = null as { paragraph: number; ids: number[] } | null;
  let undated = false;
  for (const group of groups(sentences, quotes)) {
    const sentence = read.slice(group.start, group.end);
    const words = tokens(sentence);
    const quoted = relative(group.quotes, group.start);
    const paragraph = group.sentences[0].paragraph;
    let found = speakerOf(sentence, quoted, context.actors, context.parties, previous);
    // A sentence that is all quote goes on with the speaker of the sentence before it in its paragraph.
    if (!found && group.quotes.length && !/\p{L}/u.test(withoutQuotes(sentence, quoted)) && previousParagraph === paragraph) found = previous;
    let issueIds = issuesTouched(words, matchers);
    // A sentence that names no issue continues the one before it in its paragraph ("“…,” he said.").
    if (issueIds.length === 0 && previousIssues?.paragraph === paragraph) issueIds = previousIssues.ids;
    else if (issueIds.length) previousIssues = { paragraph, ids: issueIds };
    if (found) previous = found;
    else previous = subjectActor(sentence, quoted, context.actors) ?? previous;
    previousParagraph = paragraph;
    if (group.quotes.length === 0) continue;
    const speaker = found ?? unattributed();
    const quote = group.quotes.map((q) => q.quote).join(' … ');
    const partyIds = partiesNamed(sentence, words, context.parties);
    if (speaker.partyId !== null && !partyIds.includes(speaker.partyId)) partyIds.unshift(speaker.partyId);
    const eventDate = eventDateOf(sentence, source.publishedOn);
    if (!source.publishedOn && needsPublicationDate(sentence)) undated = true;
    proposals.push({
      quote,
      sentence,
      start: group.start,
      end: group.end,
      speaker,
      issueIds,
      partyIds,
      eventDate,
      figures: figuresIn(sentence),
      duplicateOfUpdateId: group.quotes.reduce<number | null>((hit, q) => hit ?? duplicateOf(q.quote), null),
    });
  }
  if (!source.publishedOn) notes.push(undated ? 'No publication date: give it, so that "on Thursday" and "in the coming weeks" can be dated.' : 'No publication date found: give it to date the statements.');
  if (proposals.length === 0) notes.push('No quoted statement found in the text: nothing to propose. Log what it reports with the update form.');
  return { ok: true, text, source, proposals, notes };
}
