// A briefing's Word document as its reader sees it (tests/docx-reader.ts). Each paragraph is written out as a
// line: its heading level (#) or bullet (•), its indent (» per quarter inch), and each run with its marks:
// **bold**, _italic_, {grey}, !red!, and ‹n› for a size other than the body's (in half-points).
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '@/lib/exports/docx';
import { paragraphsOf, readDocx, type DocxDocument, type DocxParagraph, type DocxRun } from './docx-reader';
import { emptySummary, fullSummary } from './summary-sample';

const GREY = '505A66';
const RED = 'A3120F';
const LEVEL: Record<string, string> = { Title: 'Title: ', Heading1: '# ', Heading2: '## ', Heading3: '### ', Heading4: '#### ' };

function marked(r: DocxRun): string {
  let t = r.text;
  if (r.italic) t = `_${t}_`;
  if (r.bold) t = `**${t}**`;
  if (r.color === GREY) t = `{${t}}`;
  else if (r.color === RED) t = `!${t}!`;
  else if (r.color) t = `<${r.color}>${t}`;
  return r.size ? `‹${r.size}›${t}` : t;
}
const line = (p: DocxParagraph) => `${'»'.repeat(p.indent / 360)}${p.style && LEVEL[p.style] ? LEVEL[p.style] : ''}${p.bullet ? '• ' : ''}${p.runs.map(marked).join('')}`;
const transcript = (doc: DocxDocument) => doc.body.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map((c) => (c.bold ? `**${c.text}**` : c.text)).join(' | ')) : line(b))).flat();
/** The lines under a heading, up to the next heading of its level or above. */
function part(doc: DocxDocument, heading: string): string[] {
  const lines = transcript(doc);
  const start = lines.findIndex((l) => /^#+ /.test(l) && l.replace(/^#+ /, '') === heading);
  const level = lines[start].indexOf(' ');
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.indexOf(' ') <= level);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}
const headings = (doc: DocxDocument) => paragraphsOf(doc).filter((p) => /^Heading/.test(p.style ?? ''));

describe('the Word document of a briefing with one of everything', () => {
  let doc: DocxDocument;
  beforeAll(async () => {
    doc = await readDocx(await renderDocx(fullSummary(), { author: 'Ana Analyst' }));
  });

  it('is titled by the round, the negotiation and the round’s facts in a line under it; its properties name both, and the analyst who exported it as author', () => {
    expect(transcript(doc).slice(0, 3)).toEqual(['Title: Round summary: Abu Dhabi round 2', '‹24›{Russia–Ukraine peace talks}', '‹19›{4 Feb 2026 – 5 Feb 2026 · Abu Dhabi · trilateral · held}']);
    expect([doc.title, doc.creator, doc.lastModifiedBy, doc.description]).toEqual([
      'Round summary: Abu Dhabi round 2 — Russia–Ukraine peace talks',
      'Ana Analyst',
      'Ana Analyst',
      'Russia–Ukraine peace talks, Abu Dhabi round 2',
    ]);
    expect([doc.font, doc.size]).toEqual(['Calibri', 21]);
  });

  it('names the tracker as author when no analyst is known', async () => {
    expect((await readDocx(await renderDocx(fullSummary()))).creator).toBe('Negotiation tracker');
  });

  it('nests its headings, for the navigation pane: the brief’s parts and the annex, its sections under it, issues and updates under those', () => {
    expect(transcript(doc).filter((l) => /^#+ /.test(l))).toEqual([
      '# Bottom line',
      '# Where the parties stand',
      '# Homework due',
      '# Annex: the evidence',
      '## The round',
      '## What happened',
      '## Issues and positions',
      '### Donbas status',
      '### Military-to-military dialogue',
      '## Outcomes',
      '## Homework assigned at this round',
      '## Homework that was due at this round',
      '## Key updates',
      '### 5 Feb 2026',
      '### 4 Feb 2026',
      '## Upcoming key dates',
      '## Sources',
    ]);
  });

  it('keeps every heading with what follows it, and starts the annex on a page of its own', () => {
    for (const h of headings(doc)) expect([h.text, h.keepNext, h.keepLines]).toEqual([h.text, true, true]);
    expect(headings(doc).filter((h) => h.pageBreakBefore).map((h) => h.text)).toEqual(['Annex: the evidence']);
  });

  it('keeps a party’s entry on one page: each of its lines with the next, up to its source', () => {
    const ps = paragraphsOf(doc);
    const russia = ps.findIndex((p) => p.text.startsWith('Russia — opposes'));
    const entry = ps.slice(russia, russia + 5);
    expect(entry.map((p) => [p.text.slice(0, 20), p.keepNext])).toEqual([
      ['Russia — opposes; fl', true],
      ['Ukrainian withdrawal', true],
      ['Red lines: Internati', true],
      ['What changed: Stance', true],
      ['Source: [1] El País ', false],
    ]);
    expect(entry[0].keepLines).toBe(true);
  });

  it('spaces its headings from the text around them, and its paragraphs and bullets a little apart', () => {
    const space = (p: DocxParagraph) => [p.space.before, p.space.after];
    const paragraphs = paragraphsOf(doc);
    for (const p of headings(doc)) expect([p.text, space(p)]).toEqual([p.text, [240, 120]]);
    for (const p of paragraphs.filter((p) => p.bullet)) expect([p.text, space(p)]).toEqual([p.text, [0, 60]]);
    expect(space(paragraphs.find((p) => p.text.startsWith('Status: '))!)).toEqual([0, 80]);
  });

  it('opens with the bottom line: what moved, what was agreed, what is due next', () => {
    expect(part(doc, 'Bottom line')).toEqual([
      '• **What moved: **Donbas status: under discussion → deadlocked; Russia hardened (conditional → opposes).',
      '• **What was agreed: **Exchange of 314 prisoners of war; A third round in the coming weeks.',
      '• **What is due next: **3 homework items open, 1 overdue, due by 1 Feb 2026, Round 3. Next key date: 5 Aug 2026, key date (Good-faith observance), in 157 days.',
    ]);
  });

  it('tables each issue against each party’s stance, what moved in bold, the header row repeated on every page', () => {
    const stances = doc.body.filter((b) => b.kind === 'table')[0];
    expect(part(doc, 'Where the parties stand')).toEqual([
      '**Issue** | **Status** | **United States** | **Russia** | **Ukraine**',
      '**Donbas status** | **under discussion → deadlocked** | — | **conditional → opposes** | opposes',
      '**Military-to-military dialogue** | proposed | — | — | —',
    ]);
    expect(stances.kind === 'table' && [stances.width, stances.columns]).toEqual([100, [28, 22, 16, 16, 16]]);
  });

  it('lists the homework still open under the brief, the overdue first, leaving the delivered to the annex', () => {
    expect(part(doc, 'Homework due')).toEqual([
      '• **List of detainees**!**  OVERDUE**!',
      '»»‹18›{owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: 1 Feb 2026; state: overdue}',
      '• **Withdrawal mechanics**',
      '»»‹18›{owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: Round 3 / 1 Mar 2026; state: open}',
      '• **Monitoring arrangements**',
      '»»‹18›{owners: none; state: open; logged as reported, to be refined}',
    ]);
  });

  it('gives the round’s facts as a table across the page, in light grey lines, each fact’s name in bold in its first quarter', () => {
    const facts = doc.body.filter((b) => b.kind === 'table')[1];
    expect(facts.kind === 'table' && [facts.width, facts.columns]).toEqual([100, [25, 75]]);
    const line = 'single 4 D5D9DE';
    expect(facts.kind === 'table' && facts.borders).toEqual({ top: line, left: line, bottom: line, right: line, insideH: line, insideV: line });
    expect(part(doc, 'The round')).toEqual([
      '**Negotiation** | Russia–Ukraine peace talks',
      '**Round** | Abu Dhabi round 2 (no. 3)',
      '**Dates** | 4 Feb 2026 – 5 Feb 2026',
      '**Venue** | Abu Dhabi',
      '**Format** | trilateral',
      '**Status** | held',
      '**Delegation heads** | United States: Steve Witkoff; Russia: Igor Kostyukov',
    ]);
  });

  it('gives what happened paragraph by paragraph', () => {
    expect(part(doc, 'What happened')).toEqual(['Talks ended with a prisoner exchange.', 'Little progress on Donbas.']);
  });

  it('heads each issue and sets each party’s position under it, citing its source by number', () => {
    expect(part(doc, 'Issues and positions')).toEqual([
      '### Donbas status',
      '**Status: **under discussion → deadlocked (changed). Priority: critical.',
      '• **Russia** — opposes; flexibility rigid; as of 5 Feb 2026, recorded at this round',
      '»»Ukrainian withdrawal from Donbas',
      '»»Red lines: International recognition as Russian',
      '»»‹18›What changed: Stance conditional → opposes.',
      '»»‹17›{Source: [1] El País (citing TASS)}',
      '• **Ukraine** — opposes; flexibility low; as of 20 Jan 2026',
      '»»Our territories are ours',
      '»»‹18›What changed: No change at this round.',
      '»»‹17›{Source: [2] Financial Times}',
      '• **United States**: no position recorded.',
      '### Military-to-military dialogue',
      '‹18›{Issue of US–Russia strategic stability.}',
      '**Status: **proposed (first recorded) → proposed (unchanged). Priority: high.',
      '{No positions recorded.}',
    ]);
  });

  it('bullets each outcome with its issue in italics and its source’s number', () => {
    expect(part(doc, 'Outcomes')).toEqual(['• Exchange of 314 prisoners of war_ (Prisoner exchanges)_‹17›{ — source: [2] Financial Times}', '• A third round in the coming weeks']);
  });

  it('bullets each homework item in bold, marks the overdue one in red, and gives its facts and resolution under it', () => {
    expect(part(doc, 'Homework assigned at this round')).toEqual([
      '• **Withdrawal mechanics**',
      '»»‹18›{owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: Round 3 / 1 Mar 2026; state: open}',
      '• **Monitoring arrangements**',
      '»»‹18›{owners: none; state: open; logged as reported, to be refined}',
    ]);
    expect(part(doc, 'Homework that was due at this round')).toEqual([
      '• **Prepare a prisoner exchange**',
      '»»‹18›{owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: Abu Dhabi round 2; state: delivered}',
      '»»‹18›Resolution: 157 prisoners per side',
      '• **List of detainees**!**  OVERDUE**!',
      '»»‹18›{owners: Russia, Ukraine; issue: Donbas status; assigned at Abu Dhabi round 2; due: 1 Feb 2026; state: overdue}',
    ]);
  });

  it('heads each key update by its date, says what it is about, and gives its words without Markdown and its sources’ numbers', () => {
    expect(part(doc, 'Key updates')).toEqual([
      '### 5 Feb 2026',
      '‹17›{Issues: Security guarantees. Parties: Russia.}',
      'Lavrov called the guarantees nonsense.',
      'See the report (https://example.org/r).',
      '‹17›{Sources: [1] El País (citing TASS); [2] Financial Times}',
      '### 4 Feb 2026',
      'Talks opened.',
    ]);
  });

  it('lists the key dates, each date and label in bold, after the note on how days are counted', () => {
    expect(part(doc, 'Upcoming key dates')).toEqual([
      '‹18›{Key dates on or after 4 Feb 2026, the first day of the round, counted in days after the round.}',
      '• **5 Feb 2026 — New START expires** — New START extension (US–Russia strategic stability): during the round',
      '• **5 Aug 2026 — key date** — Good-faith observance (US–Russia strategic stability): 181 days after the round; in 157 days as of today',
    ]);
  });

  it('lists each source once, by article, its quotes numbered under it and printed there only, the article’s address a hyperlink', () => {
    expect(part(doc, 'Sources')).toEqual([
      '‹18›**El País**‹18›, 6 Feb 2026 (approx.)',
      '»‹18›**[1] **‹17›{reliability C, credibility 3, citing TASS}',
      '‹18›**Financial Times**‹18›, “US and Russian militaries to resume high-level talks”, 5 Feb 2026‹18› — ‹18›<1F4E8C>https://www.ft.com/content/abc',
      '»‹18›**[2] **‹17›{reliability B, credibility 2}‹18›: ‹18›_“significant work remains”_',
    ]);
    // An article is kept with its quotes.
    const sources = paragraphsOf(doc).slice(-4);
    expect(sources.map((p) => [p.keepNext, p.keepLines])).toEqual([[true, true], [false, true], [true, true], [false, true]]);
    expect(transcript(doc).filter((l) => l.includes('significant work remains'))).toHaveLength(1);
    expect(paragraphsOf(doc).flatMap((p) => p.links)).toEqual([{ text: 'https://www.ft.com/content/abc', target: 'https://www.ft.com/content/abc' }]);
  });

  it('links only web addresses', async () => {
    const s = fullSummary();
    const hostile = await readDocx(await renderDocx({ ...s, outcomes: [{ ...s.outcomes[0], source: { ...s.outcomes[0].source!, id: 99, url: 'javascript:alert(1)' } }] }));
    expect(paragraphsOf(hostile).flatMap((p) => p.links).map((l) => l.target)).toEqual(['https://www.ft.com/content/abc']);
  });

  it('carries a footer with the negotiation, the round, the day it was made and "page N of M", centred', () => {
    expect(doc.footer.map((p) => [p.align, p.text, p.runs.every((r) => r.color === GREY && r.size === 16), p.runs.map((r) => r.field?.trim()).filter(Boolean)])).toEqual([
      ['center', 'Russia–Ukraine peace talks — Abu Dhabi round 2 — generated 1 Mar 2026 — page  of ', true, ['PAGE', 'NUMPAGES']],
    ]);
  });
});

describe('the Word document of a briefing with nothing recorded', () => {
  it('says so in grey in every part', async () => {
    const doc = await readDocx(await renderDocx(emptySummary()));
    const lines = transcript(doc);
    expect(lines).not.toContain('## What happened');
    expect(part(doc, 'Bottom line')).toEqual([
      '• **What moved: **Not held yet: the stances below are where the parties stand today.',
      '• **What was agreed: **Nothing: no outcome recorded.',
      '• **What is due next: **No homework open.',
    ]);
    expect(part(doc, 'Where the parties stand')).toEqual(['{No issues.}']);
    expect(part(doc, 'Homework due')).toEqual(['{No homework open.}']);
    expect(part(doc, 'The round')).toContain('**Venue** | not known');
    expect(part(doc, 'The round')).toContain('**Delegation heads** | none recorded');
    expect(part(doc, 'Issues and positions')).toEqual(['{The agenda of this round is empty: every issue of the negotiation is listed.}']);
    expect(part(doc, 'Outcomes')).toEqual(['{No outcomes recorded.}']);
    expect(part(doc, 'Homework assigned at this round')).toEqual(['{None recorded.}']);
    expect(part(doc, 'Homework that was due at this round')).toEqual(['{None recorded.}']);
    expect(part(doc, 'Key updates')).toEqual(['{No updates recorded for this round.}']);
    expect(part(doc, 'Upcoming key dates').at(-1)).toBe('{None.}');
    expect(part(doc, 'Sources')).toEqual(['{No sources cited.}']);
  });

  it('drops the control characters Word cannot open, from the text and the properties', async () => {
    const doc = await readDocx(await renderDocx(emptySummary({ negotiation: { id: 1, name: 'Talks\u0000\u000C \u0007A', marking: '' } }), { author: 'Ana\u0000 Analyst' }));
    expect([doc.title, doc.creator]).toEqual(['Round summary: Round 3 — Talks A', 'Ana Analyst']);
    expect(transcript(doc)[1]).toBe('‹24›{Talks A}');
  });
});
