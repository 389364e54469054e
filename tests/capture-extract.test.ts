import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { captureArticle, MAX_READ } from '@/lib/capture/extract';
import { eventDateOf } from '@/lib/capture/dates';
import { duplicateOf } from '@/lib/capture/duplicates';
import { figuresIn } from '@/lib/capture/figures';
import { articleText } from '@/lib/capture/html-text';
import { findQuotes } from '@/lib/capture/quotes';
import { proposedSource } from '@/lib/capture/source';
import type { CaptureContext } from '@/lib/capture/types';

const context: CaptureContext = {
  parties: [
    { id: 1, name: 'United States', shortName: 'US' },
    { id: 2, name: 'Russia', shortName: 'RU' },
    { id: 3, name: 'Ukraine', shortName: 'UA' },
  ],
  actors: [
    { actorId: 10, name: 'Sergei Lavrov', title: 'Russian foreign minister', partyId: 2 },
    { actorId: 11, name: 'Dmitry Peskov', title: 'Kremlin press secretary', partyId: 2 },
    { actorId: 12, name: 'Steve Witkoff', title: 'US special envoy', partyId: 1 },
    { actorId: 13, name: 'Сергей Лавров', title: '', partyId: 2 },
  ],
  issues: [
    { id: 100, title: 'Security guarantees', keywords: [] },
    { id: 101, title: 'Prisoner exchanges', keywords: ['POWs', 'swap'] },
  ],
  loggedQuotes: [{ updateId: 7, quote: 'The security guarantees are nonsense, he said' }],
};

const propose = (text: string, publishedOn: string | null = '2026-02-05') => {
  const result = captureArticle({ text, publishedOn }, context);
  if (!result.ok) throw new Error(result.message);
  return result;
};

describe('quotes', () => {
  it('finds curly, straight, guillemet, low-high and single quotes, and not apostrophes', () => {
    const text = 'He said “one”, then "two", then «три» and „чотири“. Trump’s envoy called it ‘five’ and didn’t stop.';
    expect(findQuotes(text).map((q) => q.quote)).toEqual(['one', 'two', 'три', 'чотири', 'five']);
  });

  it('never runs a quote past its paragraph', () => {
    expect(findQuotes('“unclosed here\nand “closed” there').map((q) => q.quote)).toEqual(['closed']);
  });
});

describe('speakers', () => {
  it('matches actors by full name, surname and title, and carries a pronoun', () => {
    const r = propose(
      'Russia’s foreign minister, Sergei Lavrov, dismissed them as “nonsense”. “They will not work,” he added. ' +
        'The Kremlin’s spokesman said it was “premature”. “Nothing was agreed,” said Witkoff.',
    );
    expect(r.proposals.map((p) => [p.quote, p.speaker.actorId, p.speaker.partyId])).toEqual([
      ['nonsense', 10, 2],
      ['They will not work,', 10, 2],
      ['premature', 11, 2],
      ['Nothing was agreed,', 12, 1],
    ]);
  });

  it('says "unattributed" when nobody is named, and keeps the words for someone who is not an actor', () => {
    const r = propose('Both sides will act “in good faith”. A Ukrainian official said the list was “long”.');
    expect(r.proposals[0].speaker).toEqual({ name: 'unattributed', actorId: null, partyId: null });
    expect(r.proposals[1].speaker).toEqual({ name: 'A Ukrainian official', actorId: null, partyId: 3 });
  });

  it('matches Cyrillic names as written, in another grammatical case too', () => {
    const r = propose('Слова Лаврова: «Гарантии — бессмыслица». Лавров заявил: «Мы готовы».');
    expect(r.proposals.map((p) => p.speaker.actorId)).toEqual([null, 13]);
    expect(r.notes.join(' ')).toMatch(/Russian or Ukrainian text/);
  });
});

describe('issues, parties, figures and duplicates', () => {
  it('matches an issue by the words of its title in any form, or by a keyword', () => {
    const r = propose('Lavrov said the security guarantee was “nonsense”. Witkoff said the swap of 314 POWs was “tangible”.');
    expect(r.proposals.map((p) => p.issueIds)).toEqual([[100], [101]]);
    expect(r.proposals[1].figures).toEqual(['314 POWs']);
  });

  it('names the parties a sentence mentions, "US" only in capitals', () => {
    const r = propose('Lavrov told us Moscow and Kyiv were “far apart”.');
    expect(r.proposals[0].partyIds).toEqual([2, 3]);
  });

  it('reads figures with what they count, and no bare year', () => {
    expect(figuresIn('314 prisoners in 2021, within 24 hours, for six months, 40%')).toEqual(['314 prisoners', '24 hours', 'six months', '40%']);
  });

  it('marks a quote already logged, whatever its marks and case', () => {
    expect(duplicateOf('the Security Guarantees are NONSENSE', context.loggedQuotes)).toBe(7);
    expect(duplicateOf('nonsense', context.loggedQuotes)).toBeNull();
    const r = propose('Lavrov said: “The security guarantees are nonsense.”');
    expect(r.proposals[0].duplicateOfUpdateId).toBe(7);
  });
});

describe('event dates, against the publication date (Thursday 5 February 2026)', () => {
  const at = (s: string) => eventDateOf(s, '2026-02-05');
  it.each([
    ['talks that ended on Thursday', { date: '2026-02-05', precision: 'day', label: '' }],
    ['a call on Saturday', { date: '2026-01-31', precision: 'day', label: '' }],
    ['drones flew into Poland last autumn', { date: '2025-09-01', precision: 'late', label: '' }],
    ['a third round in the coming weeks', { date: '2026-02-05', precision: 'approx', label: 'in the coming weeks' }],
    ['suspended in 2021', { date: '2021-01-01', precision: 'year', label: '' }],
    ['the exchange was in October', { date: '2025-10-01', precision: 'month', label: '' }],
    ['invaded in February 2022', { date: '2022-02-01', precision: 'month', label: '' }],
    ['early 2027 at the latest', { date: '2027-01-01', precision: 'early', label: '' }],
    ['the first swap in five months', { date: '2026-02-05', precision: 'approx', label: '' }],
  ])('%s', (sentence, expected) => {
    expect(at(sentence)).toEqual(expected);
  });

  it('has no date to give without a publication date, and says so', () => {
    expect(eventDateOf('said on Thursday', null)).toBeNull();
    const r = propose('Lavrov said on Thursday it was “nonsense”.', null);
    expect(r.proposals[0].eventDate).toBeNull();
    expect(r.notes.join(' ')).toMatch(/publication date/);
  });
});

describe('the source and pasted HTML', () => {
  it('drops scripts and styles, keeps the page’s outlet, title and date', () => {
    const html =
      '<html><head><title>t</title><meta property="og:title" content="Talks end &amp; resume"><meta property="og:site_name" content="Financial Times">' +
      '<meta property="article:published_time" content="2026-02-05T18:00:00Z"><style>p{}</style></head>' +
      '<body><script>alert("“x”")</script><p>Lavrov said it was &ldquo;nonsense&rdquo;.</p></body></html>';
    const { text, meta } = articleText(html);
    expect(text).toBe('Lavrov said it was “nonsense”.');
    expect(proposedSource({ text: html }, text, meta)).toEqual({ outlet: 'Financial Times', title: 'Talks end & resume', url: null, publishedOn: '2026-02-05' });
  });

  it('reads a clipboard’s broken HTML as a browser would: nothing of a script, however it is written', () => {
    const html =
      '<DIV><SCRIPT type="text/javascript">var s = "</p><p>“injected”"; document.write(s)</SCRIPT>' +
      '<p>Peskov said talks were “constructive”<p>Umerov called them “substantive” &amp; useful<!-- “hidden” --></div>';
    const { text } = articleText(html);
    expect(text).toBe('Peskov said talks were “constructive”\n\nUmerov called them “substantive” & useful');
  });

  it('leaves plain text with a “<” in it as typed', () => {
    expect(articleText('Turnout < 40% & falling, officials said.').text).toBe('Turnout < 40% & falling, officials said.');
  });

  it('prefers what the analyst typed, then the address, then the headline and dateline', () => {
    const text = 'Talks end in Abu Dhabi\nPublished 5 February 2026\nLavrov said it was “nonsense”.';
    expect(proposedSource({ text, url: 'https://www.ft.com/content/x' }, text, { title: null, outlet: null, publishedOn: null })).toEqual({
      outlet: 'Financial Times',
      title: 'Talks end in Abu Dhabi',
      url: 'https://www.ft.com/content/x',
      publishedOn: '2026-02-05',
    });
    expect(proposedSource({ text, outlet: 'FT', title: 'Mine', url: 'javascript:alert(1)' }, text, { title: null, outlet: null, publishedOn: null }).url).toBeNull();
  });
});

describe('bad input gets a message or honest proposals, never a throw', () => {
  it('asks for text when there is none', () => {
    expect(captureArticle({ text: '   ' }, context)).toEqual({ ok: false, message: expect.stringMatching(/Paste the article/) });
    expect(captureArticle({ text: '<script>alert(1)</script>' }, context).ok).toBe(false);
  });

  it('says when an article names no quote', () => {
    expect(propose('Nothing was said today.').notes.join(' ')).toMatch(/No quoted statement/);
  });

  it('reads the first part of a very long text, and says so', () => {
    const r = propose(`${'Lavrov said it was “nonsense”. '.repeat(40_000)}`);
    expect(r.notes[0]).toMatch(/first 50,000/);
    expect(r.proposals.every((p) => p.end <= MAX_READ)).toBe(true);
  });

  it('any string, HTML with scripts or control characters yields proposals or a message', () => {
    const pieces = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.constantFrom('“', '”', '"', '«', '»', '„', '‘', '’', '<script>', '</script>', '<p>', '&#0;', '&#xD800;', '\u0000', '\u200b', '\n\n', ' said ', 'Lavrov', ' on Thursday', ' in 2021'),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')), fc.option(fc.string({ maxLength: 12 })), (text, publishedOn) => {
        const r = captureArticle({ text, publishedOn }, context);
        expect(r.ok ? Array.isArray(r.proposals) : typeof r.message).toBe(r.ok ? true : 'string');
      }),
      { numRuns: 300 },
    );
  });

  it('a megabyte of text proposes or answers, quickly enough to serve', () => {
    const mb = 'x'.repeat(1_000_000);
    expect(captureArticle({ text: mb }, context).ok).toBe(true);
  });
});
