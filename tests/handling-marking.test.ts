import JSZip from 'jszip';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { RoundSummary } from '@/lib/round-summary/types';
import { renderCsv } from '@/lib/exports/csv';
import { renderDocx } from '@/lib/exports/docx';
import { renderJson } from '@/lib/exports/json';
import { renderMarkdown } from '@/lib/exports/markdown';
import { renderPdf } from '@/lib/exports/pdf';
import { classOf, toICalendar } from '@/lib/ical';
import { toAtom } from '@/lib/atom';
import { NegotiationSchema } from '@/lib/validation/negotiations';
import { demoSummary } from './summary-demo';

// Rendering and reading back a PDF is slow on a busy 2-core machine.
vi.setConfig({ testTimeout: 90_000 });

const RESTRICTED = 'RESTRICTED — negotiation team only';

describe('the handling marking travels with every export of a round summary', () => {
  let marked: RoundSummary;
  let unmarked: RoundSummary;
  beforeAll(() => {
    const demo = demoSummary();
    // The demo's peace talks are TLP:AMBER.
    expect(demo.negotiation.marking).toBe('TLP:AMBER');
    marked = { ...demo, negotiation: { ...demo.negotiation, marking: RESTRICTED } };
    unmarked = { ...demo, negotiation: { ...demo.negotiation, marking: '' } };
  });

  it('heads and foots every page of the PDF', async () => {
    const pdf = await getDocumentProxy(new Uint8Array(await renderPdf(marked)));
    const { text, totalPages } = await extractText(pdf, { mergePages: false });
    expect(totalPages).toBeGreaterThan(1);
    for (const page of text) expect(page.split(RESTRICTED).length - 1, page.slice(0, 200)).toBe(2);
    const plain = await getDocumentProxy(new Uint8Array(await renderPdf(unmarked)));
    expect((await extractText(plain, { mergePages: true })).text).not.toContain('RESTRICTED');
  });

  it('is the header and the footer of the Word document, which repeat on every page', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(marked));
    const parts = Object.keys(zip.files);
    const text = async (pattern: RegExp) => Promise.all(parts.filter((p) => pattern.test(p)).map((p) => zip.file(p)!.async('string')));
    expect((await text(/^word\/header\d*\.xml$/)).join('')).toContain(RESTRICTED);
    expect((await text(/^word\/footer\d*\.xml$/)).join('')).toContain(RESTRICTED);
    const plain = await JSZip.loadAsync(await renderDocx(unmarked));
    expect(Object.keys(plain.files).some((p) => /^word\/header/.test(p))).toBe(false);
  });

  it('is the first line of the Markdown, a field of the JSON and a column of every CSV row', () => {
    expect(renderMarkdown(marked).split('\n')[0]).toBe(`**${RESTRICTED}**`);
    expect(renderMarkdown(unmarked).split('\n')[0]).toMatch(/^# Round summary/);
    const json = JSON.parse(renderJson(marked));
    expect(Object.keys(json).slice(0, 3)).toEqual(['format', 'version', 'marking']);
    expect(json.marking).toBe(RESTRICTED);
    const [header, ...rows] = renderCsv(marked).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(header.split(',')[0]).toBe('marking');
    expect(rows.length).toBeGreaterThan(3);
    for (const row of rows) expect(row.startsWith(`${RESTRICTED},`)).toBe(true);
  });
});

describe('feeds and calendars carry the marking', () => {
  it('puts it in the Atom feed’s rights, which covers every entry', () => {
    const feed = { id: 'x', title: 'Updates', updated: '2026-02-05T00:00:00.000Z', selfLink: 'https://t/f', link: 'https://t/n', entries: [] };
    expect(toAtom({ ...feed, rights: 'TLP:AMBER & team' })).toContain('<rights type="text">TLP:AMBER &amp; team</rights>');
    expect(toAtom(feed)).not.toContain('<rights');
  });

  it('classifies each calendar entry by its negotiation’s marking and says it in the description', () => {
    const event = { uid: 'issue-1', date: '2026-02-05', summary: 'Key date', description: 'New START expires' };
    const ics = toICalendar('Deadlines', [{ ...event, marking: 'TLP:AMBER' }, { ...event, uid: 'issue-2', marking: 'TLP:CLEAR' }, { ...event, uid: 'issue-3' }], 'host');
    const entries = ics.split('BEGIN:VEVENT').slice(1);
    expect(entries[0]).toContain('CLASS:CONFIDENTIAL');
    expect(entries[0]).toContain('DESCRIPTION:Handling: TLP:AMBER\\nNew START expires');
    expect(entries[1]).toContain('CLASS:PUBLIC');
    expect(entries[2]).not.toContain('CLASS:');
    expect(entries[2]).toContain('DESCRIPTION:New START expires');
    expect([classOf('tlp:clear'), classOf('TLP:CLEARANCE'), classOf(' '), classOf(RESTRICTED)]).toEqual(['PUBLIC', 'CONFIDENTIAL', null, 'CONFIDENTIAL']);
  });
});

describe('the marking as an analyst enters it', () => {
  it('is a preset or free words, kept on one line, at most 120 characters; empty is none', () => {
    const parse = (marking: string) => NegotiationSchema.safeParse({ name: 'Talks', marking });
    expect(parse('  TLP:RED ').data?.marking).toBe('TLP:RED');
    expect(parse('RESTRICTED —\n  negotiation\tteam only').data?.marking).toBe(RESTRICTED);
    expect(parse('').data?.marking).toBe('');
    expect(parse('x'.repeat(121)).success).toBe(false);
  });
});
