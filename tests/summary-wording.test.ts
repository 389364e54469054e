// The wording every export of a briefing shares (lib/exports/text.ts): what the PDF, the .docx and the
// Markdown each say about a round, a status, a source, a homework item and a key date.
import { describe, expect, it } from 'vitest';
import {
  aboutLine,
  cleanText,
  daysFromTodayText,
  delegationLine,
  documentTitle,
  homeworkLine,
  keyDateWhen,
  keyDatesNote,
  mediatorsWithoutPositionLine,
  paragraphs,
  plainFromMarkdown,
  positionFacts,
  quoted,
  roundDates,
  articleLine,
  citation,
  quoteGrading,
  roundLine,
  statusLine,
} from '@/lib/exports/text';
import { EL_PAIS_CITING_TASS, FT, emptySummary, fullSummary, homeworkItem } from './summary-sample';

const withRound = (over: Partial<ReturnType<typeof fullSummary>['round']>) => {
  const s = fullSummary();
  return { ...s, round: { ...s.round, ...over } };
};

describe('text an analyst typed, made safe for every format', () => {
  it('drops control characters but keeps tabs and line breaks, and reads every line ending as one', () => {
    expect(cleanText('a\u0000b\u0008c\u000Bd\u000Ce\u000Ef\u001Fg\u007Fh')).toBe('abcdefgh');
    expect(cleanText('tab\there\nnext')).toBe('tab\there\nnext');
    expect(cleanText('windows\r\nold mac\rend')).toBe('windows\nold mac\nend');
    expect(cleanText(null)).toBe('');
    expect(cleanText(undefined)).toBe('');
  });

  it('shows an update body without its Markdown where a format cannot show Markdown', () => {
    expect(plainFromMarkdown('See [the report](https://example.org/r) and [notes](notes.md).')).toBe('See the report (https://example.org/r) and notes.');
    expect(plainFromMarkdown('![map](HTTP://maps.example/m.png "title")')).toBe('map (HTTP://maps.example/m.png)');
    expect(plainFromMarkdown('**bold** and __strong__, *soft* and _light_ words')).toBe('bold and strong, soft and light words');
    expect(plainFromMarkdown('(*aside*) and *end*.')).toBe('(aside) and end.');
    expect(plainFromMarkdown('a snake_case_name and 2*3 stay')).toBe('a snake_case_name and 2*3 stay');
    // As the page shows it (CommonMark): a star between digits may open emphasis, so 2*3*4 reads 2, 3 in italics, 4.
    expect(plainFromMarkdown('2*3*4')).toBe('234');
    // What the patterns it replaces left behind: quotes, strikethrough, reference links, entities, tables.
    expect(plainFromMarkdown('> Lavrov: no\n\n~~old~~ new, per [FT][1] &amp; TASS\n\n[1]: https://ft.com/a')).toBe('Lavrov: no\n\nold new, per FT (https://ft.com/a) & TASS');
    expect(plainFromMarkdown('| party | stance |\n| --- | --- |\n| RU | opposes |')).toBe('party | stance\n\nRU | opposes');
    expect(plainFromMarkdown('- first\n- second\n\n1. one')).toBe('• first\n\n• second\n\n1. one');
    expect(plainFromMarkdown('2 ** 3 ** 4 and a * b * c')).toBe('2 ** 3 ** 4 and a * b * c');
    expect(plainFromMarkdown('*a*, *b*; *c*: *d*! *e*? (*f*) *g*.\n_h_\t*i*')).toBe('a, b; c: d! e? (f) g.\nh\ti');
    expect(plainFromMarkdown('run `npm test` now')).toBe('run npm test now');
    expect(plainFromMarkdown('# Title\n   ### Sub\n#hashtag')).toBe('Title\n\nSub\n\n#hashtag');
    expect(plainFromMarkdown('1\\. not a list, \\*not emphasis\\*, a \\\\ backslash')).toBe('1. not a list, *not emphasis*, a \\ backslash');
    expect(plainFromMarkdown('line\r\nnext\u0000')).toBe('line\nnext');
  });

  it('splits free text into paragraphs at blank lines, each on one line', () => {
    expect(paragraphs('First line\nstill first.\n\n  \n\nSecond.\n \nThird.\n\n')).toEqual(['First line still first.', 'Second.', 'Third.']);
    expect(paragraphs('\n\n')).toEqual([]);
  });

  it('starts no paragraph with the spaces typed before it, nor ends one with those after it', () => {
    expect(paragraphs('   Talks opened.  \n\nThe round ends.   ')).toEqual(['Talks opened.', 'The round ends.']);
  });

  it('puts a quote in quotation marks, unless it already opens with one', () => {
    expect(quoted('significant work remains')).toBe('“significant work remains”');
    for (const open of ['“', '"', '‘', "'", '«', '„']) expect(quoted(`${open}nonsense`)).toBe(`${open}nonsense`);
  });
});

describe('the round', () => {
  it('gives its dates as a range, a single day, an approximate date or none', () => {
    expect(roundDates(fullSummary())).toBe('4 Feb 2026 – 5 Feb 2026');
    expect(roundDates(withRound({ endsOn: '2026-02-04' }))).toBe('4 Feb 2026');
    expect(roundDates(withRound({ endsOn: null }))).toBe('4 Feb 2026');
    expect(roundDates(withRound({ approxDate: 'early February' }))).toBe('4 Feb 2026 – 5 Feb 2026; early February');
    expect(roundDates(withRound({ startsOn: null, endsOn: null, approxDate: 'in the coming weeks' }))).toBe('in the coming weeks');
    expect(roundDates(emptySummary())).toBe('no date yet');
  });

  it('names the delegation heads party by party, or says none are recorded', () => {
    expect(delegationLine(fullSummary())).toBe('United States: Steve Witkoff; Russia: Igor Kostyukov');
    expect(delegationLine(emptySummary())).toBe('none recorded');
  });

  it('is titled by its name', () => {
    expect(documentTitle(fullSummary())).toBe('Round summary: Abu Dhabi round 2');
  });
});

describe('an issue and its positions', () => {
  const [donbas, milToMil] = fullSummary().issues;

  it('says whether the status moved across the round, and when "before" is only the first one recorded', () => {
    expect(statusLine(donbas)).toBe('under discussion → deadlocked (changed)');
    expect(statusLine(milToMil)).toBe('proposed (first recorded) → proposed (unchanged)');
  });

  it('gives a position’s stance, flexibility and date, and whether it was recorded at this round', () => {
    expect(positionFacts(donbas.positions[0].position!)).toBe('opposes; flexibility rigid; as of 5 Feb 2026, recorded at this round');
    expect(positionFacts({ ...donbas.positions[1].position!, stance: 'no_position' })).toBe('no stated position; flexibility low; as of 20 Jan 2026');
  });
});

describe('a source in the annex', () => {
  it('names its article by outlet, title and date, saying when the date is approximate; an untitled, undated one has neither', () => {
    expect(articleLine(FT)).toBe('Financial Times, “US and Russian militaries to resume high-level talks”, 5 Feb 2026');
    expect(articleLine(EL_PAIS_CITING_TASS)).toBe('El País, 6 Feb 2026 (approx.)');
    expect(articleLine({ ...FT, title: '', publishedOn: null })).toBe('Financial Times');
  });

  it('grades each quote on the Admiralty scale and names the outlet it reports through', () => {
    expect(quoteGrading(FT)).toBe('reliability B, credibility 2');
    expect(quoteGrading(EL_PAIS_CITING_TASS)).toBe('reliability C, credibility 3, citing TASS');
  });

  it('is cited by its number and outlet', () => {
    expect([citation(FT, 2), citation(EL_PAIS_CITING_TASS, 1)]).toEqual(['[2] Financial Times', '[1] El País (citing TASS)']);
  });
});

describe('the round in one line', () => {
  it('gives its dates, venue, format and status, leaving out what is not known', () => {
    expect(roundLine(fullSummary())).toBe('4 Feb 2026 – 5 Feb 2026 · Abu Dhabi · trilateral · held');
    expect(roundLine(emptySummary())).toBe('no date yet · trilateral · planned');
  });
});

describe('a homework item', () => {
  it('lists its owners, issue, rounds, due date and state', () => {
    expect(homeworkLine(homeworkItem())).toBe(
      'owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: Round 3 / 1 Mar 2026; state: open',
    );
  });

  it('leaves out what is not known and says when it was logged as reported, to be refined', () => {
    const vague = homeworkItem({ owners: [], issueTitle: null, assignedRound: null, dueRound: null, dueOn: null, vague: true, state: 'in_progress' });
    expect(homeworkLine(vague)).toBe('owners: none; state: in progress; logged as reported, to be refined');
    expect(homeworkLine(homeworkItem({ dueRound: null }))).toContain('; due: 1 Mar 2026;');
    expect(homeworkLine(homeworkItem({ dueOn: null }))).toContain('; due: Round 3;');
  });
});

describe('key dates and updates', () => {
  it('counts days from today in words', () => {
    expect([0, 1, 2, -1, -24].map(daysFromTodayText)).toEqual(['today', 'in 1 day', 'in 2 days', 'passed 1 day ago', 'passed 24 days ago']);
  });

  it('counts a key date from the round, adding the count from today only while the date is still ahead', () => {
    const held = fullSummary();
    expect(keyDateWhen(held, { daysFromRound: 0, daysFromToday: -24 })).toBe('during the round');
    expect(keyDateWhen(held, { daysFromRound: 1, daysFromToday: -23 })).toBe('1 day after the round');
    expect(keyDateWhen(held, { daysFromRound: 148, daysFromToday: 0 })).toBe('148 days after the round');
    expect(keyDateWhen(held, { daysFromRound: 181, daysFromToday: 1 })).toBe('181 days after the round; in 1 day as of today');
    // A round without a date yet: counted from today, and said so.
    const undated = emptySummary();
    expect(keyDateWhen(undated, { daysFromRound: 5, daysFromToday: 5 })).toBe('in 5 days (as of today)');
    expect(keyDateWhen(undated, { daysFromRound: 0, daysFromToday: 0 })).toBe('today (as of today)');
    expect(keyDatesNote(undated)).toBe('Key dates from today (1 Mar 2026) on, counted from today: the round has no date yet.');
  });

  it('names the mediators without a position once, or not at all', () => {
    expect(mediatorsWithoutPositionLine(fullSummary())).toBe('');
    expect(mediatorsWithoutPositionLine(fullSummary({ mediatorsWithoutPosition: ['Oman'] }))).toBe('Mediator with no position recorded on these issues: Oman.');
    expect(mediatorsWithoutPositionLine(fullSummary({ mediatorsWithoutPosition: ['Oman', 'Qatar'] }))).toBe('Mediators with no position recorded on these issues: Oman, Qatar.');
  });

  it('explains from which day key dates are listed and how their days are counted', () => {
    expect(keyDatesNote(fullSummary())).toBe(
      'Key dates on or after 4 Feb 2026, the first day of the round, counted in days after the round.',
    );
  });

  it('says which issues and parties an update is about', () => {
    expect(aboutLine({ issues: ['Donbas status', 'Security guarantees'], parties: ['Russia', 'Ukraine'] })).toBe(
      'Issues: Donbas status, Security guarantees. Parties: Russia, Ukraine.',
    );
    expect(aboutLine({ issues: [], parties: ['Russia'] })).toBe('Parties: Russia.');
    expect(aboutLine({ issues: ['Donbas status'], parties: [] })).toBe('Issues: Donbas status.');
    expect(aboutLine({ issues: [], parties: [] })).toBe('');
  });
});
