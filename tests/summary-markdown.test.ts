// A briefing's Markdown as a Markdown reader shows it: rendered with micromark (CommonMark), with raw HTML and
// every link protocol let through, so that only the exporter's own escaping stands between a user's text and the page.
import fc from 'fast-check';
import { micromark } from 'micromark';
import { describe, expect, it } from 'vitest';
import { escapeMarkdown, renderMarkdown, safeMarkdownBody } from '@/lib/exports/markdown';
import { emptySummary, fullSummary } from './summary-sample';

const render = (markdown: string) => micromark(markdown, { allowDangerousHtml: true, allowDangerousProtocol: true });
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Text an analyst might type, rich in the characters Markdown and HTML give a meaning to. */
const typed = fc.string({ unit: fc.constantFrom(...'ab 1.)#+=-*_`\\[]()!|~<>&;:/'.split(''), 'http:', '&amp;', '&#65;', '\n', '  \n'), maxLength: 40 });

describe('text an analyst typed, in a Markdown briefing', () => {
  it('reads exactly as typed, on one line: no markup, no HTML, no link, no heading or list it did not ask for', () => {
    fc.assert(
      fc.property(typed, (text) => {
        const oneLine = text.replace(/\s*\n\s*/g, ' ').trim();
        fc.pre(oneLine !== '');
        expect(render(escapeMarkdown(oneLine))).toBe(`<p>${html(oneLine)}</p>`);
        expect(render(`- **Party** — ${escapeMarkdown(text)}`)).toBe(`<ul>\n<li><strong>Party</strong> — ${html(text.replace(/\s*\n\s*/g, ' ').trimEnd())}</li>\n</ul>`);
      }),
      { numRuns: 400 },
    );
  });

  it('escapes the marks that would start a heading, a list or a quote only at the start of a line', () => {
    expect(escapeMarkdown('# 1. - + = 2) x')).toBe('\\# 1. - + = 2) x');
    expect(escapeMarkdown('  10) ten')).toBe('  10\\) ten');
    expect(escapeMarkdown('1.5 million')).toBe('1\\.5 million');
    expect(escapeMarkdown('a\r\n  b \n c')).toBe('a b c');
  });
});

describe('an update body in a Markdown briefing', () => {
  const tags = (rendered: string) => [...rendered.matchAll(/<([a-z][a-z0-9]*)\b([^>]*)>/g)].map((m) => [m[1], m[2]] as const);
  const ALLOWED = new Set(['p', 'strong', 'em', 'code', 'pre', 'a', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br']);
  const body = fc.string({
    unit: fc.constantFrom('a', ' ', '\n', '#', '=', '-', '*', '[', ']', '(', ')', '!', '<', '>', '&', 'amp;', ':', 'x', 'javascript:', 'https://e.org', 'mailto:a@e.org', '<img src=x>', '<script>', '[r]: ', '\t', '`', '_', '1.', '\\'),
    maxLength: 30,
  });

  it('keeps its formatting but shows no HTML, image or heading, and links only to the web or to mail', () => {
    fc.assert(
      fc.property(body, (text) => {
        for (const [tag, attributes] of tags(render(safeMarkdownBody(text)))) {
          expect(ALLOWED.has(tag), `<${tag}${attributes}> from ${JSON.stringify(text)}`).toBe(true);
          if (tag === 'a') expect(attributes).toMatch(/^ href="(https?:|mailto:)/i);
        }
      }),
      { numRuns: 600 },
    );
  });

  it('keeps emphasis, lists and web links as the analyst wrote them', () => {
    const rendered = render(safeMarkdownBody('**Lavrov** said _no_.\n\n- one\n- [FT](https://ft.com/x) and [mail](mailto:desk@ft.com)'));
    expect(rendered).toBe(
      '<p><strong>Lavrov</strong> said <em>no</em>.</p>\n<ul>\n<li>one</li>\n<li><a href="https://ft.com/x">FT</a> and <a href="mailto:desk@ft.com">mail</a></li>\n</ul>',
    );
  });

  it('keeps a link’s text when its target is not on the web, and a link whose address holds brackets', () => {
    expect(safeMarkdownBody('[click](javascript:alert(1)) [wiki](https://en.wikipedia.org/wiki/Minsk_(city))')).toBe('click [wiki](https://en.wikipedia.org/wiki/Minsk_(city))');
    // Its HTML already made inert, an address in angle brackets no longer reads as one: the text stays.
    expect(safeMarkdownBody('[ok](<https://e.org>) [ok]( https://e.org)')).toBe('ok [ok]( https://e.org)');
  });

  it('links to an http address as to an https one, and never to a script, however many characters its call holds', () => {
    expect(render(safeMarkdownBody('[FT](http://ft.com/x)'))).toBe('<p><a href="http://ft.com/x">FT</a></p>');
    expect(safeMarkdownBody('[click](javascript:alert(document.cookie))')).toBe('click');
  });

  it('shows an entity as typed: "&copy;" and "&#65;" stay as written, never © or A', () => {
    expect(render(safeMarkdownBody('R&D: &copy; &#65; &#x41;'))).toBe('<p>R&amp;D: &amp;copy; &amp;#65; &amp;#x41;</p>');
  });

  it('flattens a heading inside a quote or a list, and a definition there cannot make a link either', () => {
    expect(render(safeMarkdownBody('> # Quoted heading\n\n- ## Listed\n\n1. Item\n   ==='))).not.toMatch(/<h\d/);
    expect(render(safeMarkdownBody('> [r]: javascript:alert(1)\n\n- [s]: javascript:alert(2)\n\n[x][r] [y][s]'))).not.toContain('href');
  });

  it('flattens headings of either kind, and a reference definition stays text', () => {
    expect(render(safeMarkdownBody('Title\n===\n\nOther\n--\n   # Deep\n[r]: https://e.org'))).not.toMatch(/<h\d|<hr/);
    expect(safeMarkdownBody('  [r]: https://e.org')).toBe('  \\[r]: https://e.org');
    expect(safeMarkdownBody('---')).toBe('\\---');
    expect(render(safeMarkdownBody('Talks resumed\n-\n\nAgreed\n='))).toBe('<p>Talks resumed\n-</p>\n<p>Agreed\n=</p>');
  });
});

describe('a Markdown briefing', () => {
  it('says so where a part of the round is empty', () => {
    const md = renderMarkdown(emptySummary());
    for (const line of [
      '_The agenda of this round is empty: every issue of the negotiation is listed._',
      '_No issues._',
      '_No outcomes recorded._',
      '_No updates recorded for this round._',
      '_None._',
      '- **Venue:** not known',
      '- **Dates:** no date yet',
      '- **Delegation heads:** none recorded',
    ])
      expect(md).toContain(`\n${line}\n`);
    expect(md.match(/\n_None recorded\._\n/g)).toHaveLength(2);
    expect(md).not.toContain('## What happened');
  });

  it('shows each note on an empty part as a paragraph of its own, never run into what follows', () => {
    const shown = render(renderMarkdown(emptySummary()));
    for (const note of ['The agenda of this round is empty: every issue of the negotiation is listed.', 'No issues.', 'No outcomes recorded.', 'No updates recorded for this round.', 'None.']) {
      expect(shown).toContain(`<p><em>${note}</em></p>`);
    }
    const full = fullSummary();
    const silent = render(renderMarkdown({ ...full, issues: [{ ...full.issues[0], positions: [] }] }));
    expect(silent).toContain('<p><em>No positions recorded.</em></p>');
  });

  it('opens with the brief, then gives the evidence as its annex, each part under its heading', () => {
    const md = renderMarkdown(fullSummary());
    expect(md.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      '# Round summary: Abu Dhabi round 2',
      '## Bottom line',
      '## Where the parties stand',
      '## Homework due',
      '## Annex: the evidence',
      '### The round',
      '### What happened',
      '### Issues and positions',
      '#### Donbas status',
      '#### Military-to-military dialogue',
      '### Outcomes',
      '### Homework assigned at this round',
      '### Homework that was due at this round',
      '### Key updates',
      '#### 5 Feb 2026',
      '#### 4 Feb 2026',
      '### Upcoming key dates',
      '### Sources',
    ]);
    for (const part of [
      '_4 Feb 2026 – 5 Feb 2026 · Abu Dhabi · trilateral · held_\n\n## Bottom line\n\n',
      '- **What moved:** Donbas status: under discussion → deadlocked; Russia hardened (conditional → opposes).\n',
      '- **What was agreed:** Exchange of 314 prisoners of war; A third round in the coming weeks.\n',
      '- **What is due next:** 3 homework items open, 1 overdue, due by 1 Feb 2026, Round 3. Next key date: 5 Aug 2026, key date (Good-faith observance), in 157 days.\n',
      // What moved is in bold; a party without a position on an issue shows a dash.
      '| Issue | Status | United States | Russia | Ukraine |\n| --- | --- | --- | --- | --- |\n',
      '| Donbas status | **under discussion → deadlocked** | — | **conditional → opposes** | opposes |\n| Military-to-military dialogue | proposed | — | — | — |\n',
      // The homework still open, the overdue first; the delivered item is left to the annex.
      '## Homework due\n\n- **List of detainees** — owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: 1 Feb 2026; state: overdue\n- **Withdrawal mechanics**',
      'Talks ended with a prisoner exchange.\n\nLittle progress on Donbas.\n',
      '- **Russia** — opposes; flexibility rigid; as of 5 Feb 2026, recorded at this round\n  - Ukrainian withdrawal from Donbas\n  - Red lines: International recognition as Russian\n  - What changed: Stance conditional → opposes.\n  - Source: \\[1\\] El País (citing TASS)\n',
      '- **Ukraine** — opposes; flexibility low; as of 20 Jan 2026\n  - Our territories are ours\n  - What changed: No change at this round.\n  - Source: \\[2\\] Financial Times\n',
      '- **United States**: no position recorded.\n',
      '_Issue of US–Russia strategic stability._\n\nStatus: proposed (first recorded) → proposed (unchanged). Priority: high.\n\n_No positions recorded._\n',
      '- Exchange of 314 prisoners of war _(Prisoner exchanges)_ — source: \\[2\\] Financial Times\n- A third round in the coming weeks\n\n',
      '- **Prepare a prisoner exchange** — owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: Abu Dhabi round 2; state: delivered\n  - Resolution: 157 prisoners per side\n',
      '#### 5 Feb 2026\n\n_Issues: Security guarantees. Parties: Russia._\n\nLavrov called the guarantees **nonsense**.\n\nSee [the report](https://example.org/r).\n\nSources: \\[1\\] El País (citing TASS); \\[2\\] Financial Times\n',
      '#### 4 Feb 2026\n\nTalks opened.\n\n### Upcoming key dates',
      '| date | what | issue | when |\n| --- | --- | --- | --- |\n| 5 Feb 2026 | New START expires | New START extension (US–Russia strategic stability) | during the round |\n| 5 Aug 2026 | key date | Good-faith observance (US–Russia strategic stability) | 181 days after the round; in 157 days as of today |\n',
      // Each source once, by article, numbered as listed, with its quote: cited three times above, the FT's quote is printed here only.
      '### Sources\n\n**El País**, 6 Feb 2026 (approx.)\n\n- \\[1\\] reliability C, credibility 3, citing TASS\n\n**Financial Times**, “US and Russian militaries to resume high-level talks”, 5 Feb 2026 — <https://www.ft.com/content/abc>\n\n- \\[2\\] reliability B, credibility 2: “significant work remains”\n\n---\n\n_Generated on 1 Mar 2026 by the negotiation tracker._\n',
    ])
      expect(md).toContain(part);
    expect(md.match(/significant work remains/g)).toHaveLength(1);
  });

  it('lists the quotes of one article under it, each with its number', () => {
    const s = fullSummary();
    const quotes = Array.from({ length: 3 }, (_, i) => ({ id: 100 + i, text: `Outcome ${i}`, issueTitle: null, source: { ...s.outcomes[0].source!, id: 100 + i, quote: `quote ${i}` } }));
    const shown = render(renderMarkdown({ ...s, outcomes: quotes, issues: [], keyUpdates: [] }));
    expect(shown).toContain(
      '<p><strong>Financial Times</strong>, “US and Russian militaries to resume high-level talks”, 5 Feb 2026 — <a href="https://www.ft.com/content/abc">https://www.ft.com/content/abc</a></p>\n<ul>\n<li>[1] reliability B, credibility 2: “quote 0”</li>\n<li>[2] reliability B, credibility 2: “quote 1”</li>\n<li>[3] reliability B, credibility 2: “quote 2”</li>\n</ul>',
    );
  });

  it('links a source only to a web address, written so that no character of it can end the link', () => {
    const s = fullSummary();
    const withUrl = (url: string) => renderMarkdown({ ...s, outcomes: [{ ...s.outcomes[0], source: { ...s.outcomes[0].source!, id: 99, url } }] });
    expect(withUrl('javascript:alert(1)')).not.toContain('javascript:');
    expect(withUrl('ftp://archive.example/http://e.org')).not.toContain('ftp:');
    expect(withUrl('https://e.org/a b>"<c')).toContain('— <https://e.org/a%20b%3E%22%3Cc>');
    expect(withUrl('HTTP://E.ORG')).toContain('— <HTTP://E.ORG>');
  });
});

describe('a briefing’s Markdown tables, as a GitHub-flavoured reader shows them', () => {
  it('open with a header row that names every column, never an empty one', async () => {
    const { gfm, gfmHtml } = await import('micromark-extension-gfm');
    for (const summary of [fullSummary(), emptySummary()]) {
      const html = micromark(renderMarkdown(summary), { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
      expect(html).not.toMatch(/<th>\s*<\/th>/);
      expect(html).toContain('<li><strong>Negotiation:</strong>');
    }
  });
});
