// A briefing's PDF as its reader sees it (tests/pdf-reader.ts): which words are on which page, in which order,
// which are headings, bold, italic, small or grey, and what is indented under what.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { footerName, renderPdf } from '@/lib/exports/pdf';
import { BRIEF_SECTIONS, SECTION } from '@/lib/exports/text';
import type { RoundSummary } from '@/lib/round-summary/types';
import { lineOf, readPdf, type PdfBookmark, type PdfDocument, type PdfLine } from './pdf-reader';
import { emptySummary, fullSummary } from './summary-sample';

vi.setConfig({ testTimeout: 60_000 });

const INK = '#1b1f24';
const GREY = '#505a66';
const NAVY = '#14273d';
const QUOTE = '#2c333a';
const LINK = '#1f4e8c';
const LEFT = 56;
const BODY = 10;

const style = (line: PdfLine, run = 0) => {
  const { font, size, color, x } = line.runs[run];
  return { font, size, color, x };
};
/** How far a line sits below the one before it. */
const gapAbove = (pdf: PdfDocument, text: string) => {
  const i = pdf.lines.indexOf(lineOf(pdf, text));
  return Math.round((pdf.lines[i - 1].y - pdf.lines[i].y) * 10) / 10;
};
/** The lines between a section's heading and the next one, footers left out. */
function section(pdf: PdfDocument, heading: string): PdfLine[] {
  const start = pdf.lines.findIndex((l) => l.text === heading);
  const next = pdf.lines.findIndex((l, i) => i > start && Object.values(SECTION).includes(l.text as never));
  return pdf.lines.slice(start + 1, next === -1 ? undefined : next).filter((l) => !l.text.includes(' — generated '));
}

describe('the PDF of a briefing with one of everything', () => {
  let pdf: PdfDocument;
  beforeAll(async () => {
    pdf = await readPdf(await renderPdf(fullSummary(), { author: 'Ana Analyst' }));
  });

  it('is titled by the round, the negotiation and the round’s facts under it in grey, and says so in its properties, the exporting analyst as author', () => {
    expect(pdf.info).toEqual({
      title: 'Round summary: Abu Dhabi round 2 — Russia–Ukraine peace talks',
      subject: 'Russia–Ukraine peace talks',
      creator: 'Negotiation tracker',
      author: 'Ana Analyst',
      language: 'en',
    });
    expect(pdf.lines.slice(0, 3).map((l) => [l.text, style(l)])).toEqual([
      ['Round summary: Abu Dhabi round 2', { font: 'bold', size: 20, color: NAVY, x: LEFT }],
      ['Russia–Ukraine peace talks', { font: 'regular', size: 12, color: GREY, x: LEFT }],
      ['4 Feb 2026 – 5 Feb 2026 · Abu Dhabi · trilateral · held', { font: 'regular', size: 9, color: GREY, x: LEFT }],
    ]);
  });

  it('heads each part of the briefing in bold navy, ruled underneath, in the briefing’s order: the brief, then the annex from page 2', () => {
    const headings = Object.values(SECTION);
    const parts = headings.filter((h) => h !== SECTION.annex);
    // The stance table's borders are rules too, drawn under the heading of its part: each part is counted once.
    const ruled = pdf.rules.map((r) => r.under).filter((under, i, all) => headings.includes(under as never) && all[i - 1] !== under);
    expect(ruled).toEqual(parts);
    // Each rule runs from margin to margin just under its heading, in a light grey.
    for (const rule of pdf.rules.filter((r, i, all) => parts.includes(r.under as never) && all[i - 1]?.under !== r.under))
      expect({ ...rule, drop: rule.drop > 3 && rule.drop < 8 }).toEqual({ under: rule.under, drop: true, from: LEFT, to: Math.round((pdf.width - LEFT) * 10) / 10, color: '#b9c2cb' });
    for (const heading of parts) expect(style(lineOf(pdf, heading))).toEqual({ font: 'bold', size: 13.5, color: NAVY, x: LEFT });
    expect(style(lineOf(pdf, SECTION.annex))).toEqual({ font: 'bold', size: 16, color: NAVY, x: LEFT });
    expect(pdf.lines.filter((l) => headings.includes(l.text as never)).map((l) => [l.text, l.page])).toEqual(headings.map((h) => [h, BRIEF_SECTIONS.includes(h as never) ? 1 : h === SECTION.keyDates || h === SECTION.sources || h === SECTION.updates ? 3 : 2]));
  });

  it('gives the bottom line on page 1: what moved, what was agreed, what is due next', () => {
    expect(section(pdf, SECTION.bottomLine).map((l) => [l.page, l.text])).toEqual([
      [1, '• What moved: Donbas status: under discussion → deadlocked; Russia hardened (conditional '],
      [1, '→ opposes).'],
      [1, '• What was agreed: Exchange of 314 prisoners of war; A third round in the coming weeks.'],
      [1, '• What is due next: 3 homework items open, 1 overdue, due by 1 Feb 2026, Round 3. Next '],
      [1, 'key date: 5 Aug 2026, key date (Good-faith observance), in 157 days.'],
    ]);
    expect(section(pdf, SECTION.bottomLine)[0].runs.map((r) => r.font)).toEqual(['bold', 'regular']);
  });

  it('tables each issue against each party’s stance on page 1, what moved in bold, tagged as a table', () => {
    const cells = section(pdf, SECTION.stances).flatMap((l) => l.runs.map((r) => [r.text.trim(), r.font]));
    expect(cells).toEqual([
      ['Issue', 'bold'], ['Status', 'bold'], ['United States', 'bold'], ['Russia', 'bold'], ['Ukraine', 'bold'],
      ['Donbas status', 'bold'], ['under discussion →', 'bold'], ['deadlocked', 'bold'], ['—', 'regular'], ['conditional →', 'bold'], ['opposes', 'bold'], ['opposes', 'regular'],
      ['Military-to-military', 'bold'], ['dialogue', 'bold'], ['proposed', 'regular'], ['—', 'regular'], ['—', 'regular'], ['—', 'regular'],
    ]);
    expect(section(pdf, SECTION.stances).every((l) => l.page === 1)).toBe(true);
    const table = pdf.tags[0][0].children.find((t) => t.role === 'Table')!;
    expect(table.children.map((row) => row.children.map((c) => c.role))).toEqual([
      ['TH', 'TH', 'TH', 'TH', 'TH'],
      ['TH', 'TD', 'TD', 'TD', 'TD'],
      ['TH', 'TD', 'TD', 'TD', 'TD'],
    ]);
  });

  it('lists the homework still open on page 1, the overdue first', () => {
    expect(section(pdf, SECTION.homeworkOpen).map((l) => [l.page, l.text.trimEnd()])).toEqual([
      [1, '• List of detainees  [OVERDUE]'],
      [1, 'owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: 1 Feb 2026; state:'],
      [1, 'overdue'],
      [1, '• Withdrawal mechanics'],
      [1, 'owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: Round 3 / 1 Mar'],
      [1, '2026; state: open'],
      [1, '• Monitoring arrangements'],
      [1, 'owners: none; state: open; logged as reported, to be refined'],
    ]);
  });

  it('is tagged: a document of headings and paragraphs, the brief, then the annex as a section', () => {
    expect(pdf.marked).toBe(true);
    const [page1, page2] = pdf.tags;
    expect(page1.map((t) => t.role)).toEqual(['Document']);
    expect(page1[0].children.map((t) => t.role).slice(0, 4)).toEqual(['H1', 'P', 'P', 'H2']);
    expect(page2[0].children.map((t) => t.role)).toEqual(['Sect']);
    expect(page2[0].children[0].children.map((t) => t.role).slice(0, 3)).toEqual(['H2', 'H3', 'P']);
    expect(new Set(pdf.tags.flat(3).flatMap(function roles(t): string[] { return [t.role, ...t.children.flatMap(roles)]; }))).toEqual(new Set(['Document', 'Sect', 'H1', 'H2', 'H3', 'H4', 'P', 'Table', 'TR', 'TH', 'TD']));
  });

  it('bookmarks each part of the brief, and under the annex each section, and under its issues each issue, on its page', () => {
    const titles = (items: PdfBookmark[]): unknown[] => items.map((b) => (b.items.length ? [b.title, b.page, titles(b.items)] : [b.title, b.page]));
    expect(titles(pdf.outline)).toEqual([
      ['Bottom line', 1],
      ['Where the parties stand', 1],
      ['Homework due', 1],
      [
        'Annex: the evidence',
        2,
        [
          ['The round', 2],
          ['What happened', 2],
          ['Issues and positions', 2, [['Donbas status', 2], ['Military-to-military dialogue', 2]]],
          ['Outcomes', 2],
          ['Homework assigned at this round', 2],
          ['Homework that was due at this round', 2],
          ['Key updates', 3],
          ['Upcoming key dates', 3],
          ['Sources', 3],
        ],
      ],
    ]);
  });

  it('lists each source once, by article, its quotes numbered under it and printed there only, the article’s web address a link', () => {
    expect(section(pdf, SECTION.sources).map((l) => [l.text, style(l)])).toEqual([
      ['El País, 6 Feb 2026 (approx.)', { font: 'bold', size: 9, color: INK, x: LEFT }],
      ['[1] reliability C, credibility 3, citing TASS', { font: 'bold', size: 9, color: INK, x: LEFT + 14 }],
      ['Financial Times, “US and Russian militaries to resume high-level talks”, 5 Feb 2026', { font: 'bold', size: 9, color: INK, x: LEFT }],
      ['https://www.ft.com/content/abc', { font: 'regular', size: 8.5, color: LINK, x: LEFT + 14 }],
      ['[2] reliability B, credibility 2: “significant work remains”', { font: 'bold', size: 9, color: INK, x: LEFT + 14 }],
    ]);
    expect(lineOf(pdf, '[2] ').runs.map((r) => [r.font, r.color])).toEqual([['bold', INK], ['regular', GREY], ['regular', INK], ['italic', QUOTE]]);
    expect(pdf.lines.filter((l) => l.text.includes('significant work remains'))).toHaveLength(1);
    expect(pdf.links).toEqual([{ page: 3, url: 'https://www.ft.com/content/abc' }]);
  });

  it('is the same file, byte for byte, when made again from the same briefing, dated by the briefing’s day', async () => {
    const [first, second] = [await renderPdf(fullSummary(), { author: 'Ana Analyst' }), await renderPdf(fullSummary(), { author: 'Ana Analyst' })];
    expect(first.equals(second)).toBe(true);
    expect(first.toString('latin1')).toContain('<xmp:CreateDate>2026-03-01T00:00:00Z</xmp:CreateDate>');
  });

  it('links only web addresses', async () => {
    const s = fullSummary();
    const hostile = await readPdf(await renderPdf({ ...s, outcomes: [{ ...s.outcomes[0], source: { ...s.outcomes[0].source!, id: 99, url: 'javascript:alert(1)' } }] }));
    expect(hostile.links.map((l) => l.url)).toEqual(['https://www.ft.com/content/abc']);
  });

  it('gives the round’s facts each with its name in bold', () => {
    expect(section(pdf, SECTION.facts).map((l) => l.runs.map((r) => [r.font, r.text]))).toEqual([
      [['bold', 'Negotiation: '], ['regular', 'Russia–Ukraine peace talks']],
      [['bold', 'Round: '], ['regular', 'Abu Dhabi round 2 (no. 3)']],
      [['bold', 'Dates: '], ['regular', '4 Feb 2026 – 5 Feb 2026']],
      [['bold', 'Venue: '], ['regular', 'Abu Dhabi']],
      [['bold', 'Format: '], ['regular', 'trilateral']],
      [['bold', 'Status: '], ['regular', 'held']],
      [['bold', 'Delegation heads: '], ['regular', 'United States: Steve Witkoff; Russia: Igor Kostyukov']],
    ]);
  });

  it('spaces paragraphs apart but keeps the lines of one part together', () => {
    const lineHeight = gapAbove(pdf, 'Red lines: International recognition as Russian');
    expect(lineHeight).toBeGreaterThan(10);
    expect(lineHeight).toBeLessThan(13);
    expect(gapAbove(pdf, 'Little progress on Donbas.')).toBeGreaterThan(lineHeight + 3);
    expect(gapAbove(pdf, 'https://www.ft.com/content/abc')).toBeLessThan(lineHeight + 2);
    expect(gapAbove(pdf, 'Ukraine — opposes')).toBeGreaterThan(lineHeight + 3);
    // An update's paragraphs are set apart too; one about no issue or party has its words right under its date.
    expect(gapAbove(pdf, 'See the report (https://example.org/r).')).toBeGreaterThan(lineHeight + 2);
    expect(gapAbove(pdf, 'Talks opened.')).toBeLessThan(lineHeight + 1);
  });

  it('gives what happened paragraph by paragraph', () => {
    expect(section(pdf, SECTION.roundSummary).map((l) => [l.text, style(l)])).toEqual([
      ['Talks ended with a prisoner exchange.', { font: 'regular', size: BODY, color: INK, x: LEFT }],
      ['Little progress on Donbas.', { font: 'regular', size: BODY, color: INK, x: LEFT }],
    ]);
  });

  it('heads each issue, leads its status in bold, and sets each party’s position under it', () => {
    const lines = section(pdf, SECTION.issues);
    expect(lines.map((l) => l.text)).toEqual([
      'Donbas status',
      'Status: under discussion → deadlocked (changed). Priority: critical.',
      'Russia — opposes; flexibility rigid; as of 5 Feb 2026, recorded at this round',
      'Ukrainian withdrawal from Donbas',
      'Red lines: International recognition as Russian',
      'What changed: Stance conditional → opposes.',
      'Source: [1] El País (citing TASS)',
      'Ukraine — opposes; flexibility low; as of 20 Jan 2026',
      'Our territories are ours',
      'What changed: No change at this round.',
      'Source: [2] Financial Times',
      'United States: no position recorded.',
      'Military-to-military dialogue',
      'Issue of US–Russia strategic stability.',
      'Status: proposed (first recorded) → proposed (unchanged). Priority: high.',
      'No positions recorded.',
    ]);
    const [issue, status, party, summary, redLines, change, source] = lines;
    expect(style(issue)).toEqual({ font: 'bold', size: 11.5, color: NAVY, x: LEFT });
    expect([style(status, 0), style(status, 1)]).toEqual([
      { font: 'bold', size: BODY, color: INK, x: LEFT },
      { font: 'regular', size: BODY, color: INK, x: expect.any(Number) },
    ]);
    expect(party.runs.map((r) => [r.font, r.text])).toEqual([
      ['bold', 'Russia'],
      ['regular', ' — opposes; flexibility rigid; as of 5 Feb 2026, recorded at this round'],
    ]);
    // The party is indented under the issue, and its position under the party.
    expect(style(party).x).toBe(LEFT + 8);
    for (const line of [summary, redLines]) expect(style(line)).toEqual({ font: 'regular', size: BODY, color: INK, x: LEFT + 18 });
    expect(style(change)).toEqual({ font: 'regular', size: 9, color: INK, x: LEFT + 18 });
    expect(style(source)).toEqual({ font: 'regular', size: 8.5, color: GREY, x: LEFT + 18 });
    expect(lines[11].runs.map((r) => [r.font, r.text, r.x > LEFT])).toEqual([
      ['bold', 'United States', true],
      ['regular', ': no position recorded.', true],
    ]);
    expect(style(lines[13])).toEqual({ font: 'regular', size: 9, color: GREY, x: LEFT });
    expect(style(lines[15])).toEqual({ font: 'regular', size: BODY, color: GREY, x: LEFT });
  });

  it('bullets each outcome with its issue, its source’s number indented under it', () => {
    const lines = section(pdf, SECTION.outcomes);
    expect(lines.map((l) => [l.text, l.runs[0].x])).toEqual([
      ['• Exchange of 314 prisoners of war (Prisoner exchanges)', LEFT],
      ['Source: [2] Financial Times', LEFT + 10],
      ['• A third round in the coming weeks', LEFT],
    ]);
  });

  it('bullets each homework item in bold, marks the overdue one, and gives its facts and resolution under it', () => {
    const assigned = section(pdf, SECTION.homeworkAssigned);
    expect(assigned.map((l) => l.text.trimEnd())).toEqual([
      '• Withdrawal mechanics',
      'owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: Round 3 / 1 Mar',
      '2026; state: open',
      '• Monitoring arrangements',
      'owners: none; state: open; logged as reported, to be refined',
    ]);
    expect(style(assigned[0])).toEqual({ font: 'bold', size: BODY, color: INK, x: LEFT });
    expect(style(assigned[1])).toEqual({ font: 'regular', size: 9, color: GREY, x: LEFT + 10 });
    const due = section(pdf, SECTION.homeworkDue);
    expect(due.map((l) => l.text.trimEnd())).toEqual([
      '• Prepare a prisoner exchange',
      'owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: Abu Dhabi round 2;',
      'state: delivered',
      'Resolution: 157 prisoners per side',
      '• List of detainees  [OVERDUE]',
      'owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: 1 Feb 2026; state:',
      'overdue',
    ]);
    expect(style(due[3])).toEqual({ font: 'regular', size: 9, color: INK, x: LEFT + 10 });
  });

  it('dates each key update, says what it is about, gives its words without Markdown and its sources’ numbers', () => {
    const lines = section(pdf, SECTION.updates);
    expect(lines.map((l) => l.text)).toEqual([
      '5 Feb 2026',
      'Issues: Security guarantees. Parties: Russia.',
      'Lavrov called the guarantees nonsense.',
      'See the report (https://example.org/r).',
      'Sources: [1] El País (citing TASS); [2] Financial Times',
      '4 Feb 2026',
      'Talks opened.',
    ]);
    expect(style(lines[0])).toEqual({ font: 'bold', size: 10.5, color: NAVY, x: LEFT });
    expect(style(lines[1])).toEqual({ font: 'regular', size: 8.5, color: GREY, x: LEFT });
    expect(style(lines[2])).toEqual({ font: 'regular', size: BODY, color: INK, x: LEFT });
    expect(style(lines[4]).x).toBe(LEFT + 10);
  });

  it('lists the key dates after the note on how their days are counted', () => {
    const lines = section(pdf, SECTION.keyDates);
    expect(lines.map((l) => l.text).join('')).toBe(
      'Key dates on or after 4 Feb 2026, the first day of the round, counted in days after the round.' +
        '5 Feb 2026 — New START expires — New START extension (US–Russia strategic stability): during the round' +
        '5 Aug 2026 — key date — Good-faith observance (US–Russia strategic stability): 181 days after the round; in 157 days as of today',
    );
    expect(style(lines[0])).toEqual({ font: 'regular', size: 9, color: GREY, x: LEFT });
    expect(lines.find((l) => l.text.startsWith('5 Feb 2026'))!.runs.map((r) => r.font)).toEqual(['bold', 'regular']);
  });

  it('carries a footer on every page: the negotiation, the round, the day it was made and the page of how many', () => {
    expect(pdf.pages).toBe(3);
    const footers = pdf.lines.filter((l) => l.text.includes(' — generated '));
    expect(footers.map((l) => [l.page, l.text, l.y, style(l).size, style(l).color])).toEqual(
      [1, 2, 3].map((page) => [page, `Russia–Ukraine peace talks — Abu Dhabi round 2 — generated 1 Mar 2026 — page ${page} of 3`, footers[0].y, 8, GREY]),
    );
    // Below every other line of its page, and centred on it.
    for (const footer of footers) for (const line of pdf.lines.filter((l) => l.page === footer.page && l !== footer)) expect(line.y).toBeGreaterThan(footer.y + 20);
    expect(footers[0].y).toBeLessThan(40);
    expect(style(footers[0]).x).toBeGreaterThan(LEFT + 40);
  });
});

describe('the PDF of a briefing with nothing recorded', () => {
  it('says so in grey in every part', async () => {
    const pdf = await readPdf(await renderPdf(emptySummary()));
    expect(pdf.pages).toBe(2);
    expect(pdf.rules.map((r) => r.under)).toEqual(Object.values(SECTION).filter((s) => s !== SECTION.roundSummary && s !== SECTION.annex));
    const said = (heading: string) => section(pdf, heading).map((l) => [l.text, l.runs[0].color]);
    expect(said(SECTION.bottomLine).map(([text]) => text)).toEqual([
      '• What moved: Not held yet: the stances below are where the parties stand today.',
      '• What was agreed: Nothing: no outcome recorded.',
      '• What is due next: No homework open.',
    ]);
    expect(said(SECTION.stances)).toEqual([['No issues.', GREY]]);
    expect(said(SECTION.homeworkOpen)).toEqual([['No homework open.', GREY]]);
    expect(said(SECTION.sources)).toEqual([['No sources cited.', GREY]]);
    expect(said(SECTION.issues)).toEqual([['The agenda of this round is empty: every issue of the negotiation is listed.', GREY]]);
    expect(said(SECTION.outcomes)).toEqual([['No outcomes recorded.', GREY]]);
    expect(said(SECTION.homeworkAssigned)).toEqual([['None recorded.', GREY]]);
    expect(said(SECTION.homeworkDue)).toEqual([['None recorded.', GREY]]);
    expect(said(SECTION.updates)).toEqual([['No updates recorded for this round.', GREY]]);
    expect(said(SECTION.keyDates).at(-1)).toEqual(['None.', GREY]);
    expect(lineOf(pdf, 'Venue: ').text).toBe('Venue: not known');
    expect(lineOf(pdf, 'Dates: ').text).toBe('Dates: no date yet');
  });
});

describe('a long briefing', () => {
  function longSummary(): RoundSummary {
    const s = fullSummary();
    const [donbas] = s.issues;
    const issues = Array.from({ length: 14 }, (_, n) => ({ ...donbas, id: n + 1, title: `Issue ${n + 1}` }));
    return { ...s, issues, outcomes: Array.from({ length: 12 }, (_, n) => ({ ...s.outcomes[0], id: n + 1, text: `Outcome ${n + 1}` })) };
  }

  it('never leaves a heading or a party’s name alone at the foot of a page, and numbers every page', async () => {
    const pdf = await readPdf(await renderPdf(longSummary()));
    expect(pdf.pages).toBeGreaterThan(4);
    const headings = new Set<string>([...Object.values(SECTION), ...Array.from({ length: 14 }, (_, n) => `Issue ${n + 1}`)]);
    for (let page = 1; page <= pdf.pages; page++) {
      const body = pdf.lines.filter((l) => l.page === page && !l.text.includes(' — generated '));
      const footer = pdf.lines.filter((l) => l.page === page && l.text.includes(' — generated '));
      expect(footer.map((l) => l.text.replace(/.* — page /, ''))).toEqual([`${page} of ${pdf.pages}`]);
      expect(body.length).toBeGreaterThan(3);
      const last = body.at(-1)!;
      expect(headings.has(last.text), `page ${page} ends on "${last.text}"`).toBe(false);
      expect(last.runs[0].font === 'bold' && last.text.startsWith('Russia'), `page ${page} ends on a party`).toBe(false);
      // Nothing runs into the bottom margin, where the footer is.
      for (const line of body) expect(line.y).toBeGreaterThan(56);
    }
  });
});

describe('text that fills its lines', () => {
  const filler = (n: number) => Array.from({ length: n }, (_, i) => (i % 7 === 0 ? 'Witkoff' : 'i')).join(' ');

  it('wraps within the right margin at every indent, and uses the width it has', async () => {
    const s = fullSummary();
    const [donbas] = s.issues;
    const position = donbas.positions[1].position!;
    const long: RoundSummary = {
      ...s,
      negotiation: { ...s.negotiation, name: filler(90) },
      delegations: [{ partyName: 'United States', partyShort: 'US', head: filler(90) }],
      issues: [
        {
          ...donbas,
          title: filler(60),
          positions: [
            { ...donbas.positions[1], partyName: filler(90), position: { ...position, summary: filler(90), redLines: filler(90), change: filler(90), source: { ...position.source!, quote: filler(90), title: filler(90) } } },
            { ...donbas.positions[2], partyName: filler(90) },
          ],
        },
      ],
      outcomes: [{ ...s.outcomes[0], text: filler(90) }],
      homeworkDue: [{ ...s.homeworkDue[0], title: filler(90), resolution: filler(90) }],
      keyUpdates: [{ ...s.keyUpdates[0], body: filler(90) }],
      keyDates: [{ ...s.keyDates[0], label: filler(90) }],
    };
    const pdf = await readPdf(await renderPdf(long));
    const margin = pdf.width - LEFT;
    const wrapped = pdf.lines.filter((l) => l.text.includes('Witkoff i i') && l.y > LEFT);
    expect(wrapped.length).toBeGreaterThan(40);
    for (const line of wrapped) expect([line.text, line.runs.at(-1)!.right <= margin + 0.5]).toEqual([line.text, true]);
    // Each indent wraps close to the margin: a line that wrapped is at most a word short of it.
    const indents = new Set(wrapped.map((l) => l.runs[0].x));
    // The quote is in the list of sources, indented under its source.
    expect([...indents].sort((a, b) => a - b)).toEqual([LEFT, LEFT + 8, LEFT + 10, LEFT + 14, LEFT + 18]);
    for (const x of indents) expect(Math.max(...wrapped.filter((l) => l.runs[0].x === x).map((l) => l.runs.at(-1)!.right))).toBeGreaterThan(margin - 40);
  });

  it('wraps a long footer within the foot of its page, page count and all', async () => {
    const s = emptySummary({ negotiation: { id: 1, name: 'Russia–Ukraine peace talks (US-mediated), with the coalition', marking: '' } });
    const pdf = await readPdf(await renderPdf({ ...s, round: { ...s.round, name: 'Abu Dhabi round 2, with the coalition of the willing' } }));
    const footer = pdf.lines.filter((l) => l.y < 56 && l.page === 1);
    expect(pdf.pages).toBe(2);
    expect(footer).toHaveLength(2);
    expect(footer.map((l) => l.text).join('')).toBe('Russia–Ukraine peace talks (US-mediated), with the coalition — Abu Dhabi round 2, with the coalition of the willing — generated 1 Mar 2026 — page 1 of 2');
    for (const line of footer) expect(line.y).toBeGreaterThan(10);
  });

  it('shortens names too long for the footer, so that it never spills onto a page of its own', async () => {
    const s = emptySummary({ negotiation: { id: 1, name: 'Talks '.repeat(33).trim(), marking: '' } });
    const pdf = await readPdf(await renderPdf({ ...s, round: { ...s.round, name: 'Round '.repeat(33).trim() } }));
    expect(pdf.pages).toBe(2);
    expect(pdf.lines.filter((l) => l.y < 56 && l.page === 1).map((l) => l.text).join('')).toBe(`${'Talks '.repeat(9)}Talks… — ${'Round '.repeat(9)}Round… — generated 1 Mar 2026 — page 1 of 2`);
    const sixty = 'x'.repeat(60);
    expect([footerName(sixty), footerName(`${sixty}y`), footerName(`${'x'.repeat(58)} yz`)]).toEqual([sixty, `${'x'.repeat(59)}…`, `${'x'.repeat(58)}…`]);
  });
});

describe('a PDF without its fonts', () => {
  /** Renders with the renderer loaded afresh from a working directory that holds only the given font files. */
  async function renderFrom(fontFiles: string[], summary: RoundSummary): Promise<PdfDocument> {
    const cwd = process.cwd();
    const cache = globalThis as { trackerPdfFonts?: unknown };
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'fonts-'));
    const fonts = path.join(elsewhere, 'node_modules', 'dejavu-fonts-ttf', 'ttf');
    fs.mkdirSync(fonts, { recursive: true });
    for (const file of fontFiles) fs.copyFileSync(path.join(cwd, 'node_modules', 'dejavu-fonts-ttf', 'ttf', file), path.join(fonts, file));
    // The renderer looks for the fonts under the working directory when it is loaded (process.chdir is not
    // allowed in a worker thread, where Stryker runs the tests: the directory is named instead).
    const workingDirectory = vi.spyOn(process, 'cwd').mockReturnValue(elsewhere);
    try {
      delete cache.trackerPdfFonts;
      vi.resetModules();
      const { renderPdf: render } = await import('@/lib/exports/pdf');
      return await readPdf(await render(summary));
    } finally {
      workingDirectory.mockRestore();
      delete cache.trackerPdfFonts;
      fs.rmSync(elsewhere, { recursive: true, force: true });
    }
  }

  it('uses the standard fonts when only some of its own are installed', async () => {
    const pdf = await renderFrom(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'], emptySummary({ negotiation: { id: 1, name: 'Київ', marking: '' } }));
    expect(pdf.lines[1].text).toBe('????');
  });

  it('falls back to the standard fonts, writing the characters they lack as their nearest ASCII or "?"', async () => {
    const s = fullSummary({ negotiation: { id: 1, name: 'Russia–Ukraine ‘talks’ “now” → Київ…', marking: '' } });
    const pdf = await renderFrom([], s);
    expect(pdf.info.title).toBe(`Round summary: Abu Dhabi round 2 - Russia-Ukraine 'talks' "now" -> ????...`);
    expect(pdf.lines[1].text).toBe(`Russia-Ukraine 'talks' "now" -> ????...`);
    expect(pdf.lines.slice(0, 4).map((l) => l.runs[0].font)).toEqual(['bold', 'regular', 'regular', 'bold']);
    expect(lineOf(pdf, '[2] reliability B, credibility 2: "significant work remains"').runs.at(-1)!.font).toBe('italic');
  });
});
