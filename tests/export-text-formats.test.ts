import fc from 'fast-check';
import JSZip from 'jszip';
import ICAL from 'ical.js';
import { SaxesParser } from 'saxes';
import { extractText, getDocumentProxy } from 'unpdf';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderDocx } from '@/lib/exports/docx';
import { renderPdf } from '@/lib/exports/pdf';
import { toAtom } from '@/lib/atom';
import { toICalendar } from '@/lib/ical';
import { xmlSafe, xmlSafeDeep } from '@/lib/xml-safe';
import type { RoundSummary } from '@/lib/round-summary/types';
import { demoSummary } from './summary-demo';

// Any text an analyst can type, or a script can send, must leave every document format readable. One U+FFFE in
// an update made the round's .docx invalid XML, which Word and LibreOffice refuse: every renderer cleans its
// input at its boundary (lib/xml-safe.ts), and each format is read back here by a real parser.
vi.setConfig({ testTimeout: 240_000 });

/** What breaks XML or a calendar, besides any code point at all: controls, non-characters, lone surrogates, separators. */
const HOSTILE = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001B', '\u001F', '\u007F', '\u0085', '\uFFFE', '\uFFFF', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFEFF', '\u2028', '\u2029', '\r', '\r\n', '\\', ';', ',', '<', '&', ']]>', '"', "'"];
const unit = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom(...HOSTILE),
  fc.integer({ min: 0, max: 0xffff }).map((n) => String.fromCharCode(n)),
);
const text = fc.string({ unit, minLength: 1, maxLength: 40 });

/** The free-text fields of a summary, each given its own random text after what it held. */
const TEXT_FIELDS = new Set(['name', 'venue', 'summary', 'title', 'body', 'text', 'quote', 'outlet', 'redLines', 'description', 'resolution', 'head', 'label', 'approxDate', 'issueTitle', 'partyName']);
function withTexts(value: unknown, texts: string[], counter = { n: 0 }): unknown {
  if (Array.isArray(value)) return value.map((v) => withTexts(v, texts, counter));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, typeof inner === 'string' && TEXT_FIELDS.has(key) ? `${inner} ${texts[counter.n++ % texts.length]}` : withTexts(inner, texts, counter)]),
    );
  }
  return value;
}

/** Throws unless `xml` is well-formed XML 1.0 (saxes checks every character against the spec). */
function parseXml(xml: string): string {
  const parser = new SaxesParser();
  let chars = '';
  parser.on('error', (error) => {
    throw error;
  });
  parser.on('text', (t) => (chars += t));
  parser.write(xml).close();
  return chars;
}

let base: RoundSummary;
beforeAll(() => {
  base = demoSummary();
});

describe('every document format parses whatever text it is given', () => {
  it('Word: word/document.xml is well-formed XML and keeps the readable text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 6 }), async (texts) => {
        const summary = withTexts(base, texts) as RoundSummary;
        const zip = await JSZip.loadAsync(await renderDocx(summary));
        const chars = parseXml(await zip.file('word/document.xml')!.async('string'));
        expect(chars).toContain(xmlSafe(summary.negotiation.name).trim().split(/\s+/)[0]);
      }),
      { numRuns: 15, seed: 1414 },
    );
  });

  it('Atom: the feed is well-formed XML with every entry’s text, cleaned', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 5 }), text, (contents, title) => {
        const xml = toAtom({
          id: 'http://localhost/negotiations/1#updates',
          title,
          updated: '2026-02-05T00:00:00.000Z',
          selfLink: 'http://localhost/api/negotiations/1/updates.atom',
          link: 'http://localhost/negotiations/1',
          entries: contents.map((content, n) => ({ id: `http://localhost/updates/${n}`, title: content, updated: '2026-02-05T00:00:00.000Z', author: title, link: 'http://localhost/', html: content })),
        });
        const chars = parseXml(xml);
        for (const content of contents) expect(chars).toContain(xmlSafe(content).replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 300, seed: 1414 },
    );
  });

  it('iCalendar: ical.js reads every event back with its summary and description, cleaned', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }), text, (events, name) => {
        const ics = toICalendar(
          name,
          events.map(([summary, description], n) => ({ uid: `deadline-${n}`, date: '2026-02-05', summary, description, url: 'http://localhost/issues/1' })),
          'localhost',
        );
        // RFC 5545: no control character but the CRLF line ends (and the space or tab that folds a line).
        expect(ics.replace(/\r\n[ \t]?/g, '')).not.toMatch(/[\u0000-\u0008\u000A-\u001F\u007F]/);
        const calendar = new ICAL.Component(ICAL.parse(ics));
        const read = calendar.getAllSubcomponents('vevent').map((e) => [e.getFirstPropertyValue('summary'), e.getFirstPropertyValue('description')]);
        // What the writer keeps of each: the XML-safe text, its line breaks as \n, without the other controls.
        const kept = (t: string) => xmlSafe(t).replace(/\r?\n/g, '\n').replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, '');
        expect(read).toEqual(events.map(([summary, description]) => [kept(summary), kept(description)]));
      }),
      { numRuns: 300, seed: 1414 },
    );
  });

  it('PDF: unpdf opens it and reads its text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 4 }), async (texts) => {
        const summary = withTexts(base, texts) as RoundSummary;
        const pdf = await getDocumentProxy(new Uint8Array(await renderPdf(summary)));
        const { text: read } = await extractText(pdf, { mergePages: true });
        expect(read).toContain('Abu Dhabi round 2');
      }),
      { numRuns: 4, seed: 1414 },
    );
  });

  it('cleans only what XML forbids, in nested data, and leaves the rest as it was', () => {
    expect(xmlSafe('a\u0000b\uFFFEc\uD800d\tе\n😀\uFFFD\r')).toBe('abcd\tе\n😀\uFFFD\r');
    expect(xmlSafeDeep({ a: ['x\u0001', { b: 'y\uFFFF' }], n: 3, d: null })).toEqual({ a: ['x', { b: 'y' }], n: 3, d: null });
    // Anything but plain data is left as it is, not copied into a plain object.
    const date = new Date(0);
    expect(xmlSafeDeep({ date }).date).toBe(date);
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (t) => {
      expect(xmlSafe(t)).toBe(t.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ''));
    }));
  });
});
