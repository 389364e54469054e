import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import { formatDate } from '@/lib/dates';
import { label } from '@/lib/domain';
import type { RoundSummary, SummaryHomework, SummarySource } from '@/lib/round-summary/types';
import { xmlSafeDeep } from '@/lib/xml-safe';
import {
  aboutLine,
  cleanText,
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
  overdueMarker,
  updateDate,
  roundStatusText,
  SECTION,
  sourceLine,
  statusLine,
} from './text';

// PDFKit's built-in Helvetica only knows WinAnsi (no Cyrillic, no arrows): DejaVu Sans, shipped by an npm
// package, covers the scripts this app meets. Read from node_modules at run time (pdfkit is a server external).
const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const FONTS = { body: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' } as const;

const INK = '#1b1f24';
const MUTED = '#505a66';
const HEAD = '#14273d';

type ParsedFonts = Record<keyof typeof FONTS, fontkit.Font>;

/**
 * The fonts, parsed once per process. pdfkit would parse each TTF again for every document, and
 * fontkit then decodes each glyph's metrics anew: most of a long summary's seconds went there.
 * pdfkit accepts a parsed font and makes its own subset per document, so sharing one is safe.
 * Kept on globalThis: the summary route and the start-up warm-up (instrumentation.ts) are bundled
 * separately, each with its own copy of this module.
 */
const shared = globalThis as { trackerPdfFonts?: ParsedFonts | null };
function embeddedFonts(): ParsedFonts | null {
  if (shared.trackerPdfFonts === undefined) {
    const files = Object.entries(FONTS).map(([name, file]) => [name, path.join(FONT_DIR, file)] as const);
    shared.trackerPdfFonts = files.every(([, file]) => fs.existsSync(file))
      ? (Object.fromEntries(files.map(([name, file]) => [name, fontkit.create(fs.readFileSync(file))])) as ParsedFonts)
      : null;
  }
  return shared.trackerPdfFonts;
}

/**
 * Runs pdfkit once over every font and the common letters, so that the first reader's PDF does not pay
 * for loading the code, parsing the fonts' tables and measuring their glyphs (fontkit does each lazily).
 */
export async function warmUp(): Promise<void> {
  const fonts = embeddedFonts();
  if (!fonts) return;
  const doc = new PDFDocument({ size: 'A4' });
  doc.on('data', () => {});
  const done = new Promise<void>((resolve, reject) => doc.on('end', resolve).on('error', reject));
  const letters = 'The quick brown fox jumps over the lazy dog. THE QUICK BROWN FOX: 0123456789 — “quoted” (a, b; c) → €';
  const cyrillic = 'Съешь же ещё этих мягких французских булок, да выпей чаю. Україна: їжак ґава є.';
  for (const name of ['body', 'bold', 'italic'] as const) doc.registerFont(name, fonts[name] as unknown as string);
  // A few pages' worth: V8 compiles pdfkit's line breaking only once it has run for a while.
  for (let n = 0; n < 40; n++) {
    for (const name of ['body', 'bold', 'italic'] as const) doc.font(name).fontSize(9 + (n % 3)).text(`${n} ${letters} ${cyrillic} ${letters.toLowerCase()}`, { width: 480 });
  }
  doc.end();
  await done;
}

/** Without the TTFs, the standard fonts: characters WinAnsi cannot encode become '?' rather than garbage. */
function toWinAnsi(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/→/g, '->')
    .replace(/…/g, '...')
    .replace(/[^\u0009\u000A\u0020-\u007E\u00A0-\u00FF]/g, '?');
}

/**
 * A name as the page footer gives it: cut short past 60 characters, so that the footer keeps to the two
 * lines the foot of a page has room for (a longer one spilled onto a page of its own).
 */
export function footerName(name: string): string {
  return name.length > 60 ? `${name.slice(0, 59).trimEnd()}…` : name;
}

/** The round summary as an A4 PDF, generated in-process (no browser). */
export function renderPdf(given: RoundSummary): Promise<Buffer> {
  const summary = xmlSafeDeep(given);
  const fonts = embeddedFonts();
  const embedded = fonts !== null;
  const t = (text: string) => (embedded ? cleanText(text) : toWinAnsi(cleanText(text)));
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    lang: 'en',
    info: {
      Title: t(`${documentTitle(summary)} — ${summary.negotiation.name}`),
      Subject: t(summary.negotiation.name),
      Creator: 'Negotiation tracker',
    },
  });
  if (fonts) {
    // pdfkit's types only name paths and buffers; at run time it takes any font with layout().
    for (const name of ['body', 'bold', 'italic'] as const) doc.registerFont(name, fonts[name] as unknown as string);
    doc.font('body');
  } else {
    doc.registerFont('body', 'Helvetica');
    doc.registerFont('bold', 'Helvetica-Bold');
    doc.registerFont('italic', 'Helvetica-Oblique');
  }
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const keepRoom = (points: number) => {
    if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const text = (value: string, opts: { font?: 'body' | 'bold' | 'italic'; size?: number; color?: string; indent?: number; gap?: number } = {}) => {
    const indent = opts.indent ?? 0;
    doc
      .font(opts.font ?? 'body')
      .fontSize(opts.size ?? 10)
      .fillColor(opts.color ?? INK)
      .text(t(value), left + indent, doc.y, { width: width - indent });
    if (opts.gap) doc.moveDown(opts.gap);
  };
  /** A bold lead-in followed by normal text on the same line. */
  const lead = (bold: string, rest: string, indent = 0) => {
    doc
      .font('bold')
      .fontSize(10)
      .fillColor(INK)
      .text(t(bold), left + indent, doc.y, { width: width - indent, continued: true })
      .font('body')
      .text(t(rest));
  };
  const h2 = (title: string) => {
    doc.moveDown(0.8);
    keepRoom(70);
    text(title, { font: 'bold', size: 13.5, color: HEAD });
    const y = doc.y + 2;
    doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.6).strokeColor('#b9c2cb').stroke();
    doc.y = y + 6;
  };
  const h3 = (title: string) => {
    doc.moveDown(0.5);
    keepRoom(50);
    text(title, { font: 'bold', size: 11.5, color: HEAD, gap: 0.15 });
  };
  const source = (s: SummarySource, indent: number) => {
    if (s.quote) text(quoted(s.quote), { font: 'italic', size: 9, color: '#2c333a', indent });
    text(`Source: ${sourceLine(s)}${s.url ? ` — ${s.url}` : ''}`, { size: 8.5, color: MUTED, indent, gap: 0.2 });
  };
  const homework = (items: SummaryHomework[]) => {
    if (items.length === 0) return text('None recorded.', { color: MUTED });
    for (const item of items) {
      keepRoom(40);
      lead(`• ${item.title}`, `  ${overdueMarker(item) ? `[${overdueMarker(item)}] ` : ''}`);
      text(homeworkLine(item), { size: 9, color: MUTED, indent: 10 });
      if (item.resolution) text(`Resolution: ${item.resolution}`, { size: 9, indent: 10 });
      doc.moveDown(0.3);
    }
  };

  // ---- title and facts
  text(documentTitle(summary), { font: 'bold', size: 20, color: HEAD });
  text(summary.negotiation.name, { size: 12, color: MUTED, gap: 0.6 });
  h2(SECTION.facts);
  const { round } = summary;
  for (const [k, v] of [
    ['Negotiation', summary.negotiation.name],
    ['Round', `${round.name} (no. ${round.sequence})`],
    ['Dates', roundDates(summary)],
    ['Venue', round.venue || 'not known'],
    ['Format', label(round.format)],
    ['Status', roundStatusText(summary)],
    ['Delegation heads', delegationLine(summary)],
  ] as const)
    lead(`${k}: `, v);

  if (round.summary) {
    h2(SECTION.roundSummary);
    for (const p of paragraphs(round.summary)) text(p, { gap: 0.4 });
  }

  // ---- issues
  h2(SECTION.issues);
  if (summary.agendaWasEmpty) text('The agenda of this round is empty: every issue of the negotiation is listed.', { color: MUTED });
  if (mediatorsWithoutPositionLine(summary)) text(mediatorsWithoutPositionLine(summary), { color: MUTED });
  for (const issue of summary.issues) {
    h3(issue.title);
    if (issue.otherNegotiation) text(`Issue of ${issue.negotiationName}.`, { size: 9, color: MUTED });
    lead('Status: ', `${statusLine(issue)}. Priority: ${label(issue.priority)}.`);
    doc.moveDown(0.3);
    if (issue.positions.length === 0) text('No positions recorded.', { color: MUTED });
    for (const row of issue.positions) {
      keepRoom(45);
      const p = row.position;
      if (!p) {
        lead(row.partyName, ': no position recorded.', 8);
        doc.moveDown(0.3);
        continue;
      }
      lead(row.partyName, ` — ${positionFacts(p)}`, 8);
      text(p.summary, { indent: 18 });
      if (p.redLines) text(`Red lines: ${p.redLines}`, { indent: 18 });
      text(`What changed: ${p.change}`, { indent: 18, size: 9 });
      if (p.source) source(p.source, 18);
      doc.moveDown(0.3);
    }
  }

  h2(SECTION.outcomes);
  if (summary.outcomes.length === 0) text('No outcomes recorded.', { color: MUTED });
  for (const o of summary.outcomes) {
    keepRoom(40);
    text(`• ${o.text}${o.issueTitle ? ` (${o.issueTitle})` : ''}`);
    if (o.source) source(o.source, 10);
    doc.moveDown(0.2);
  }

  h2(SECTION.homeworkAssigned);
  homework(summary.homeworkAssigned);
  h2(SECTION.homeworkDue);
  homework(summary.homeworkDue);

  h2(SECTION.updates);
  if (summary.keyUpdates.length === 0) text('No updates recorded for this round.', { color: MUTED });
  for (const u of summary.keyUpdates) {
    keepRoom(60);
    text(updateDate(u), { font: 'bold', size: 10.5, color: HEAD });
    if (aboutLine(u)) text(aboutLine(u), { size: 8.5, color: MUTED, gap: 0.15 });
    for (const p of paragraphs(plainFromMarkdown(u.body))) text(p, { gap: 0.25 });
    for (const s of u.sources) source(s, 10);
    doc.moveDown(0.4);
  }

  h2(SECTION.keyDates);
  text(keyDatesNote(summary), { size: 9, color: MUTED, gap: 0.3 });
  if (summary.keyDates.length === 0) text('None.', { color: MUTED });
  for (const k of summary.keyDates) {
    lead(`${formatDate(k.date)} — ${k.label || 'key date'}`, ` — ${k.issueTitle} (${k.negotiationName}): ${keyDateWhen(summary, k)}`);
    doc.moveDown(0.2);
  }

  // ---- page headers and footers (written into the margins: lift the bottom one for a moment so no page is added).
  // The handling marking heads and foots every page, so a page printed or passed on alone still carries it.
  const range = doc.bufferedPageRange();
  const marking = summary.negotiation.marking;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    if (marking) {
      const mark = (y: number) => doc.font('bold').fontSize(9).fillColor('#000000').text(t(marking), left, y, { width, align: 'center', lineBreak: false });
      mark(26);
      mark(doc.page.height - 48);
    }
    doc
      .font('body')
      .fontSize(8)
      .fillColor(MUTED)
      .text(t(`${footerName(summary.negotiation.name)} — ${footerName(round.name)} — generated ${formatDate(summary.today)} — page ${i + 1} of ${range.count}`), left, doc.page.height - 36, {
        width,
        align: 'center',
      });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}
