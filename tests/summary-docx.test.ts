// A briefing's Word document as its reader sees it (tests/docx-reader.ts). Each paragraph is written out as a
// line: its heading level (#) or bullet (•), its indent (» per quarter inch), and each run with its marks:
// **bold**, _italic_, {grey}, !red!, and ‹n› for a size other than the body's (in half-points).
import { beforeAll, describe, expect, it } from 'vitest';
import { renderDocx } from '@/lib/exports/docx';
import { readDocx, type DocxDocument, type DocxParagraph, type DocxRun } from './docx-reader';
import { emptySummary, fullSummary } from './summary-sample';

const GREY = '505A66';
const RED = 'A3120F';
const LEVEL: Record<string, string> = { Title: 'Title: ', Heading1: '# ', Heading2: '## ', Heading3: '### ' };

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
function part(doc: DocxDocument, heading: string): string[] {
  const lines = transcript(doc);
  const start = lines.indexOf(`# ${heading}`);
  const end = lines.findIndex((l, i) => i > start && l.startsWith('# '));
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

describe('the Word document of a briefing with one of everything', () => {
  let doc: DocxDocument;
  beforeAll(async () => {
    doc = await readDocx(await renderDocx(fullSummary()));
  });

  it('is titled by the round, with the negotiation under it, and names both in its properties', () => {
    expect(transcript(doc).slice(0, 2)).toEqual(['Title: Round summary: Abu Dhabi round 2', '‹24›{Russia–Ukraine peace talks}']);
    expect([doc.title, doc.creator, doc.description]).toEqual(['Round summary: Abu Dhabi round 2 — Russia–Ukraine peace talks', 'Negotiation tracker', 'Russia–Ukraine peace talks, Abu Dhabi round 2']);
    expect([doc.font, doc.size]).toEqual(['Calibri', 21]);
  });

  it('heads each part of the briefing, in the briefing’s order', () => {
    expect(transcript(doc).filter((l) => l.startsWith('# '))).toEqual([
      '# The round',
      '# What happened',
      '# Issues and positions',
      '# Outcomes',
      '# Homework assigned at this round',
      '# Homework that was due at this round',
      '# Key updates',
      '# Upcoming key dates',
    ]);
  });

  it('spaces its headings from the text around them, and its paragraphs and bullets a little apart', () => {
    const space = (p: DocxParagraph) => [p.space.before, p.space.after];
    const paragraphs = doc.body.filter((b): b is DocxParagraph => b.kind === 'paragraph');
    for (const p of paragraphs.filter((p) => /^Heading/.test(p.style ?? ''))) expect([p.text, space(p)]).toEqual([p.text, [240, 120]]);
    for (const p of paragraphs.filter((p) => p.bullet)) expect([p.text, space(p)]).toEqual([p.text, [0, 60]]);
    for (const p of paragraphs.filter((p) => !p.bullet && !p.style && !p.text.startsWith('Status: '))) expect([p.text, space(p)]).toEqual([p.text, [0, 80]]);
    expect(space(paragraphs.find((p) => p.text.startsWith('Status: '))!)).toEqual([0, 80]);
  });

  it('gives the round’s facts as a table across the page, in light grey lines, each fact’s name in bold in its first quarter', () => {
    const facts = doc.body.find((b) => b.kind === 'table')!;
    expect([facts.width, facts.columns]).toEqual([100, [25, 75]]);
    const line = 'single 4 D5D9DE';
    expect(facts.borders).toEqual({ top: line, left: line, bottom: line, right: line, insideH: line, insideV: line });
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

  it('heads each issue and sets each party’s position, its source and quote under the party', () => {
    expect(part(doc, 'Issues and positions')).toEqual([
      '## Donbas status',
      '**Status: **under discussion → deadlocked (changed). Priority: critical.',
      '• **Russia** — opposes; flexibility rigid; as of 5 Feb 2026, recorded at this round',
      '»»Ukrainian withdrawal from Donbas',
      '»»Red lines: International recognition as Russian',
      '»»‹18›What changed: Stance conditional → opposes.',
      '»»‹17›{Source: El País (citing TASS), 6 Feb 2026 (approx.), reliability C, credibility 3}',
      '• **Ukraine** — opposes; flexibility low; as of 20 Jan 2026',
      '»»Our territories are ours',
      '»»‹18›What changed: No change at this round.',
      '»»‹19›_“significant work remains”_',
      '»»‹17›{Source: Financial Times, “US and Russian militaries to resume high-level talks”, 5 Feb 2026, reliability B, credibility 2 — https://www.ft.com/content/abc}',
      '• **United States**: no position recorded.',
      '## Military-to-military dialogue',
      '‹18›{Issue of US–Russia strategic stability.}',
      '**Status: **proposed (first recorded) → proposed (unchanged). Priority: high.',
      '{No positions recorded.}',
    ]);
  });

  it('bullets each outcome with its issue in italics, its source under it', () => {
    expect(part(doc, 'Outcomes')).toEqual([
      '• Exchange of 314 prisoners of war_ (Prisoner exchanges)_',
      '»»‹19›_“significant work remains”_',
      '»»‹17›{Source: Financial Times, “US and Russian militaries to resume high-level talks”, 5 Feb 2026, reliability B, credibility 2 — https://www.ft.com/content/abc}',
      '• A third round in the coming weeks',
    ]);
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

  it('heads each key update by its date, says what it is about, and gives its words without Markdown and its sources', () => {
    expect(part(doc, 'Key updates')).toEqual([
      '### 5 Feb 2026',
      '‹17›{Issues: Security guarantees. Parties: Russia.}',
      'Lavrov called the guarantees nonsense.',
      'See the report (https://example.org/r).',
      '»‹17›{Source: El País (citing TASS), 6 Feb 2026 (approx.), reliability C, credibility 3}',
      '»‹19›_“significant work remains”_',
      '»‹17›{Source: Financial Times, “US and Russian militaries to resume high-level talks”, 5 Feb 2026, reliability B, credibility 2 — https://www.ft.com/content/abc}',
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

  it('carries a footer with the negotiation, the round, the day it was made and the page number, centred', () => {
    expect(doc.footer.map((p) => [p.align, p.text, p.runs.every((r) => r.color === GREY && r.size === 16), p.runs.some((r) => r.field === 'PAGE')])).toEqual([
      ['center', 'Russia–Ukraine peace talks — Abu Dhabi round 2 — generated 1 Mar 2026 — page ', true, true],
    ]);
  });
});

describe('the Word document of a briefing with nothing recorded', () => {
  it('says so in grey in every part', async () => {
    const doc = await readDocx(await renderDocx(emptySummary()));
    const lines = transcript(doc);
    expect(lines).not.toContain('# What happened');
    expect(part(doc, 'The round')).toContain('**Venue** | not known');
    expect(part(doc, 'The round')).toContain('**Delegation heads** | none recorded');
    expect(part(doc, 'Issues and positions')).toEqual(['{The agenda of this round is empty: every issue of the negotiation is listed.}']);
    expect(part(doc, 'Outcomes')).toEqual(['{No outcomes recorded.}']);
    expect(part(doc, 'Homework assigned at this round')).toEqual(['{None recorded.}']);
    expect(part(doc, 'Homework that was due at this round')).toEqual(['{None recorded.}']);
    expect(part(doc, 'Key updates')).toEqual(['{No updates recorded for this round.}']);
    expect(part(doc, 'Upcoming key dates').at(-1)).toBe('{None.}');
  });

  it('drops the control characters Word cannot open, from the text and the properties', async () => {
    const doc = await readDocx(await renderDocx(emptySummary({ negotiation: { id: 1, name: 'Talks\u0000\u000C \u0007A', marking: '' } })));
    expect(doc.title).toBe('Round summary: Round 3 — Talks A');
    expect(transcript(doc)[1]).toBe('‹24›{Talks A}');
  });
});
