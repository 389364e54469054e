import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import { formatDate } from '@/lib/dates';
import { label } from '@/lib/domain';
import type { RoundSummary, SummaryHomework, SummarySource } from '@/lib/round-summary/types';
import { BOTTOM_LINE_LABELS } from '@/lib/round-summary/brief';
import { citedSources } from '@/lib/round-summary/citations';
import { authorOf, NO_AUTHOR, type ExportContext } from './context';
import { xmlSafeDeep } from '@/lib/xml-safe';
import {
  aboutLine,
  articleLine,
  citation,
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
  quoteGrading,
  quoted,
  roundDates,
  overdueMarker,
  roundLine,
  updateDate,
  roundStatusText,
  SECTION,
  statusLine,
} from './text';

// PDFKit's built-in Helvetica only knows WinAnsi (no Cyrillic, no arrows): DejaVu Sans, shipped by an npm
// package, covers the scripts this app meets. Read from node_modules at run time (pdfkit is a server external).
const FONT_DIR = path.join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf');
const FONTS = { body: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf', italic: 'DejaVuSans-Oblique.ttf' } as const;

const INK = '#1b1f24';
const MUTED = '#505a66';
const HEAD = '#14273d';
const LINK = '#1f4e8c';
const QUOTE = '#2c333a';

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

type Font = 'body' | 'bold' | 'italic';
type TextOptions = { font?: Font; size?: number; color?: string; indent?: number; gap?: number; link?: string };

/** Only web addresses become links: a javascript: or file: address stays text. */
const isWebUrl = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

/**
 * The round summary as an A4 PDF, generated in-process (no browser): the brief on the first page, then the
 * annex with the evidence. Tagged (headings, paragraphs, lists of sources, the stance table), with a bookmark
 * per part and per issue, and its source addresses as links; page furniture is marked as artifact.
 */
export function renderPdf(given: RoundSummary, context: ExportContext = NO_AUTHOR): Promise<Buffer> {
  const summary = xmlSafeDeep(given);
  const fonts = embeddedFonts();
  const embedded = fonts !== null;
  const t = (text: string) => (embedded ? cleanText(text) : toWinAnsi(cleanText(text)));
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 56, bottom: 56, left: 56, right: 56 },
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    displayTitle: true,
    lang: 'en',
    info: {
      Title: t(`${documentTitle(summary)} — ${summary.negotiation.name}`),
      Subject: t(summary.negotiation.name),
      Author: t(authorOf(context)),
      Creator: 'Negotiation tracker',
      // Dated by the briefing's day, not the clock: the same database state gives the same bytes (the file ID is made from the info).
      CreationDate: new Date(`${summary.today}T00:00:00Z`),
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
  // Everything read aloud sits in the document's structure: a part of it at a time (the brief, the annex).
  const root = doc.struct('Document');
  doc.addStructure(root);
  let part: PDFKit.PDFStructureElement = root;
  const tagged = (type: string, draw: () => void) => part.add(doc.struct(type, {}, draw));
  const artifact = (draw: () => void) => {
    doc.markContent('Artifact', { type: 'Layout' });
    draw();
    doc.endMarkedContent();
  };
  const keepRoom = (points: number) => {
    if (doc.y + points > doc.page.height - doc.page.margins.bottom) doc.addPage();
  };
  const write = (value: string, opts: TextOptions, continued = false) => {
    const indent = opts.indent ?? 0;
    doc
      .font(opts.font ?? 'body')
      .fontSize(opts.size ?? 10)
      .fillColor(opts.color ?? INK)
      .text(t(value), left + indent, doc.y, { width: width - indent, continued, link: opts.link, underline: false });
  };
  const text = (value: string, opts: TextOptions = {}, type = 'P') => {
    tagged(type, () => write(value, opts));
    if (opts.gap) doc.moveDown(opts.gap);
  };
  /** A bold lead-in followed by normal text on the same line. */
  const lead = (bold: string, rest: string, indent = 0, size = 10) =>
    tagged('P', () => {
      write(bold, { font: 'bold', size, indent }, true);
      doc.font('body').text(t(rest));
    });
  // The bookmarks: one per part of the brief and of the annex, one per issue under its section.
  const bookmark = (parent: PDFKit.PDFOutline, title: string, expanded = false) =>
    parent.addItem(t(title), { fit: false, top: doc.y, left: doc.page.width, zoom: 0, expanded } as never);
  const rule = () => {
    const y = doc.y + 2;
    artifact(() => doc.moveTo(left, y).lineTo(left + width, y).lineWidth(0.6).strokeColor('#b9c2cb').stroke());
    doc.y = y + 6;
  };
  let annexOutline: PDFKit.PDFOutline | null = null;
  /** A part of the brief, or a section of the annex: bookmarked, tagged one level under the document's title. */
  const h2 = (title: string, outline: PDFKit.PDFOutline = annexOutline ?? doc.outline) => {
    doc.moveDown(0.8);
    keepRoom(70);
    const item = bookmark(outline, title, true);
    text(title, { font: 'bold', size: 13.5, color: HEAD }, annexOutline ? 'H3' : 'H2');
    rule();
    return item;
  };
  const h3 = (title: string, outline?: PDFKit.PDFOutline) => {
    doc.moveDown(0.5);
    keepRoom(50);
    if (outline) bookmark(outline, title);
    text(title, { font: 'bold', size: 11.5, color: HEAD, gap: 0.15 }, 'H4');
  };
  const { articles, numberOf } = citedSources(summary);
  const cite = (s: SummarySource) => citation(s, numberOf(s));
  const homework = (items: SummaryHomework[], empty: string) => {
    if (items.length === 0) return text(empty, { color: MUTED });
    for (const item of items) {
      keepRoom(40);
      lead(`• ${item.title}`, `  ${overdueMarker(item) ? `[${overdueMarker(item)}] ` : ''}`);
      text(homeworkLine(item), { size: 9, color: MUTED, indent: 10 });
      if (item.resolution) text(`Resolution: ${item.resolution}`, { size: 9, indent: 10 });
      doc.moveDown(0.3);
    }
  };

  // ---- page 1: the brief
  text(documentTitle(summary), { font: 'bold', size: 20, color: HEAD }, 'H1');
  text(summary.negotiation.name, { size: 12, color: MUTED });
  text(roundLine(summary), { size: 9, color: MUTED, gap: 0.4 });
  const { brief } = summary;
  h2(SECTION.bottomLine);
  for (const key of ['moved', 'agreed', 'dueNext'] as const) {
    lead(`• ${BOTTOM_LINE_LABELS[key]}: `, brief.bottomLine[key]);
    doc.moveDown(0.3);
  }
  h2(SECTION.stances);
  if (brief.rows.length === 0) text('No issues.', { color: MUTED });
  else stanceTable(summary, { doc, part, left, width, t });
  if (mediatorsWithoutPositionLine(summary)) text(mediatorsWithoutPositionLine(summary), { size: 9, color: MUTED });
  h2(SECTION.homeworkOpen);
  homework(brief.homeworkDue, 'No homework open.');

  // ---- the annex, from a new page
  doc.addPage();
  const annex = doc.struct('Sect');
  root.add(annex);
  part = annex;
  annexOutline = bookmark(doc.outline, SECTION.annex, true);
  text(SECTION.annex, { font: 'bold', size: 16, color: HEAD, gap: 0.2 }, 'H2');
  const { round } = summary;
  h2(SECTION.facts);
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

  const issuesOutline = h2(SECTION.issues);
  if (summary.agendaWasEmpty) text('The agenda of this round is empty: every issue of the negotiation is listed.', { color: MUTED });
  for (const issue of summary.issues) {
    h3(issue.title, issuesOutline);
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
      if (p.source) text(`Source: ${cite(p.source)}`, { size: 8.5, color: MUTED, indent: 18, gap: 0.2 });
      doc.moveDown(0.3);
    }
  }

  h2(SECTION.outcomes);
  if (summary.outcomes.length === 0) text('No outcomes recorded.', { color: MUTED });
  for (const o of summary.outcomes) {
    keepRoom(30);
    text(`• ${o.text}${o.issueTitle ? ` (${o.issueTitle})` : ''}`);
    if (o.source) text(`Source: ${cite(o.source)}`, { size: 8.5, color: MUTED, indent: 10, gap: 0.2 });
    doc.moveDown(0.2);
  }

  h2(SECTION.homeworkAssigned);
  homework(summary.homeworkAssigned, 'None recorded.');
  h2(SECTION.homeworkDue);
  homework(summary.homeworkDue, 'None recorded.');

  h2(SECTION.updates);
  if (summary.keyUpdates.length === 0) text('No updates recorded for this round.', { color: MUTED });
  for (const u of summary.keyUpdates) {
    keepRoom(60);
    text(updateDate(u), { font: 'bold', size: 10.5, color: HEAD }, 'H4');
    if (aboutLine(u)) text(aboutLine(u), { size: 8.5, color: MUTED, gap: 0.15 });
    for (const p of paragraphs(plainFromMarkdown(u.body))) text(p, { gap: 0.25 });
    if (u.sources.length) text(`Sources: ${u.sources.map(cite).join('; ')}`, { size: 8.5, color: MUTED, indent: 10 });
    doc.moveDown(0.4);
  }

  h2(SECTION.keyDates);
  text(keyDatesNote(summary), { size: 9, color: MUTED, gap: 0.3 });
  if (summary.keyDates.length === 0) text('None.', { color: MUTED });
  for (const k of summary.keyDates) {
    lead(`${formatDate(k.date)} — ${k.label || 'key date'}`, ` — ${k.issueTitle} (${k.negotiationName}): ${keyDateWhen(summary, k)}`);
    doc.moveDown(0.2);
  }

  h2(SECTION.sources);
  if (articles.length === 0) text('No sources cited.', { color: MUTED });
  for (const article of articles) {
    keepRoom(40);
    tagged('P', () => {
      write(article.outlet, { font: 'bold', size: 9 }, true);
      doc.font('body').text(t(articleLine(article).slice(article.outlet.length)));
    });
    // The address on a line of its own: run on after the title, pdfkit broke it after "https://".
    if (isWebUrl(article.url)) text(article.url, { size: 8.5, color: LINK, indent: 14, link: article.url });
    doc.moveDown(0.15);
    for (const { number, source } of article.quotes) {
      keepRoom(24);
      tagged('P', () => {
        write(`[${number}] `, { font: 'bold', size: 9, indent: 14 }, true);
        doc.font('body').fillColor(MUTED).text(t(quoteGrading(source)), { continued: !!source.quote });
        if (source.quote) doc.fillColor(INK).text(': ', { continued: true }).font('italic').fillColor(QUOTE).text(t(quoted(source.quote)));
      });
      doc.moveDown(0.15);
    }
    doc.moveDown(0.3);
  }
  root.end();

  // ---- page headers and footers (written into the margins: lift the bottom one for a moment so no page is added).
  // The handling marking heads and foots every page, so a page printed or passed on alone still carries it.
  const range = doc.bufferedPageRange();
  const marking = summary.negotiation.marking;
  for (let i = range.start; i < range.start + range.count; i += 1) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.markContent('Artifact', { type: 'Pagination' });
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
    doc.endMarkedContent();
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return finished;
}

type TableDraw = { doc: PDFKit.PDFDocument; part: PDFKit.PDFStructureElement; left: number; width: number; t: (text: string) => string };

/** The issue × party table of stances, tagged as a table with its header row, which repeats if the table runs on. */
function stanceTable(summary: RoundSummary, { doc, part, left, width, t }: TableDraw) {
  const { parties, rows } = summary.brief;
  const issueWidth = Math.round(width * 0.27);
  const statusWidth = Math.round(width * 0.22);
  const partyWidth = (width - issueWidth - statusWidth) / Math.max(1, parties.length);
  const cell = (text: string, font: Font, type: 'TH' | 'TD' = 'TD') => ({ text: t(text), font: { src: font, size: 8.5 }, type });
  const table = doc.table({
    position: { x: left, y: doc.y },
    maxWidth: width,
    columnStyles: [issueWidth, statusWidth, ...parties.map(() => partyWidth)],
    defaultStyle: { border: 0.5, borderColor: '#b9c2cb', padding: [3, 4, 3, 4] as never, textColor: INK },
    rowStyles: (i: number) => (i === 0 ? { backgroundColor: '#eef1f4' } : undefined),
    structParent: part,
  } as PDFKit.Mixins.TableOptions & { structParent: PDFKit.PDFStructureElement });
  table.row([cell('Issue', 'bold', 'TH'), cell('Status', 'bold', 'TH'), ...parties.map((p) => cell(p.name, 'bold', 'TH'))]);
  // What moved at the round is set in bold, so the eye finds it first.
  for (const row of rows)
    table.row([cell(row.issueTitle, 'bold', 'TH'), cell(row.status, row.statusChanged ? 'bold' : 'body'), ...row.stances.map((s) => cell(s.text, s.moved ? 'bold' : 'body'))]);
  table.end();
  doc.x = left;
  doc.moveDown(0.3);
}
