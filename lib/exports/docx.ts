import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
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

// The docx package writes every TextRun as escaped XML text; cleanText drops the control characters XML forbids.
const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text: cleanText(text), ...opts });

const para = (text: string, opts: { indent?: number; size?: number; color?: string; italics?: boolean } = {}) =>
  new Paragraph({
    indent: opts.indent ? { left: opts.indent } : undefined,
    spacing: { after: 80 },
    children: [run(text, { size: opts.size, color: opts.color, italics: opts.italics })],
  });

const heading = (text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
  new Paragraph({ heading: level, spacing: { before: 240, after: 120 }, children: [run(text)] });

const bullet = (children: TextRun[], level = 0) => new Paragraph({ bullet: { level }, spacing: { after: 60 }, children });

const MUTED = '505A66';

function sourceParagraphs(source: SummarySource, indent: number): Paragraph[] {
  const out: Paragraph[] = [];
  if (source.quote) out.push(para(quoted(source.quote), { indent, italics: true, size: 19 }));
  out.push(para(`Source: ${sourceLine(source)}${source.url ? ` — ${source.url}` : ''}`, { indent, size: 17, color: MUTED }));
  return out;
}

function homeworkParagraphs(items: SummaryHomework[]): Paragraph[] {
  if (items.length === 0) return [para('None recorded.', { color: MUTED })];
  return items.flatMap((item) => [
    bullet([run(item.title, { bold: true }), ...(overdueMarker(item) ? [run(`  ${overdueMarker(item)}`, { bold: true, color: 'A3120F' })] : [])]),
    para(homeworkLine(item), { indent: 720, size: 18, color: MUTED }),
    ...(item.resolution ? [para(`Resolution: ${item.resolution}`, { indent: 720, size: 18 })] : []),
  ]);
}

function factsTable(rows: [string, string][]): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: 'D5D9DE' };
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          children: [
            new TableCell({ width: { size: 25, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [run(k, { bold: true })] })] }),
            new TableCell({ width: { size: 75, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [run(v)] })] }),
          ],
        }),
    ),
  });
}

/** The round summary as a Word document. */
export function renderDocx(given: RoundSummary): Promise<Buffer> {
  const summary = xmlSafeDeep(given);
  const { round } = summary;
  const body: (Paragraph | Table)[] = [];
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [run(documentTitle(summary))] }));
  body.push(para(summary.negotiation.name, { size: 24, color: MUTED }));

  body.push(heading(SECTION.facts, HeadingLevel.HEADING_1));
  body.push(
    factsTable([
      ['Negotiation', summary.negotiation.name],
      ['Round', `${round.name} (no. ${round.sequence})`],
      ['Dates', roundDates(summary)],
      ['Venue', round.venue || 'not known'],
      ['Format', label(round.format)],
      ['Status', roundStatusText(summary)],
      ['Delegation heads', delegationLine(summary)],
    ]),
  );

  if (round.summary) {
    body.push(heading(SECTION.roundSummary, HeadingLevel.HEADING_1));
    for (const p of paragraphs(round.summary)) body.push(para(p));
  }

  body.push(heading(SECTION.issues, HeadingLevel.HEADING_1));
  if (summary.agendaWasEmpty) body.push(para('The agenda of this round is empty: every issue of the negotiation is listed.', { color: MUTED }));
  if (mediatorsWithoutPositionLine(summary)) body.push(para(mediatorsWithoutPositionLine(summary), { color: MUTED }));
  for (const issue of summary.issues) {
    body.push(heading(issue.title, HeadingLevel.HEADING_2));
    if (issue.otherNegotiation) body.push(para(`Issue of ${issue.negotiationName}.`, { color: MUTED, size: 18 }));
    body.push(new Paragraph({ spacing: { after: 80 }, children: [run('Status: ', { bold: true }), run(`${statusLine(issue)}. Priority: ${label(issue.priority)}.`)] }));
    if (issue.positions.length === 0) body.push(para('No positions recorded.', { color: MUTED }));
    for (const row of issue.positions) {
      const p = row.position;
      if (!p) {
        body.push(bullet([run(row.partyName, { bold: true }), run(': no position recorded.')]));
        continue;
      }
      body.push(bullet([run(row.partyName, { bold: true }), run(` — ${positionFacts(p)}`)]));
      body.push(para(p.summary, { indent: 720 }));
      if (p.redLines) body.push(para(`Red lines: ${p.redLines}`, { indent: 720 }));
      body.push(para(`What changed: ${p.change}`, { indent: 720, size: 18 }));
      if (p.source) body.push(...sourceParagraphs(p.source, 720));
    }
  }

  body.push(heading(SECTION.outcomes, HeadingLevel.HEADING_1));
  if (summary.outcomes.length === 0) body.push(para('No outcomes recorded.', { color: MUTED }));
  for (const o of summary.outcomes) {
    body.push(bullet([run(o.text), ...(o.issueTitle ? [run(` (${o.issueTitle})`, { italics: true })] : [])]));
    if (o.source) body.push(...sourceParagraphs(o.source, 720));
  }

  body.push(heading(SECTION.homeworkAssigned, HeadingLevel.HEADING_1), ...homeworkParagraphs(summary.homeworkAssigned));
  body.push(heading(SECTION.homeworkDue, HeadingLevel.HEADING_1), ...homeworkParagraphs(summary.homeworkDue));

  body.push(heading(SECTION.updates, HeadingLevel.HEADING_1));
  if (summary.keyUpdates.length === 0) body.push(para('No updates recorded for this round.', { color: MUTED }));
  for (const u of summary.keyUpdates) {
    body.push(heading(updateDate(u), HeadingLevel.HEADING_3));
    if (aboutLine(u)) body.push(para(aboutLine(u), { size: 17, color: MUTED }));
    for (const p of paragraphs(plainFromMarkdown(u.body))) body.push(para(p));
    for (const s of u.sources) body.push(...sourceParagraphs(s, 360));
  }

  body.push(heading(SECTION.keyDates, HeadingLevel.HEADING_1));
  body.push(para(keyDatesNote(summary), { color: MUTED, size: 18 }));
  if (summary.keyDates.length === 0) body.push(para('None.', { color: MUTED }));
  for (const k of summary.keyDates)
    body.push(
      bullet([
        run(`${formatDate(k.date)} — ${k.label || 'key date'}`, { bold: true }),
        run(` — ${k.issueTitle} (${k.negotiationName}): ${keyDateWhen(summary, k)}`),
      ]),
    );

  const document = new Document({
    title: cleanText(`${documentTitle(summary)} — ${summary.negotiation.name}`),
    creator: 'Negotiation tracker',
    description: cleanText(`${summary.negotiation.name}, ${round.name}`),
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        // The handling marking heads and foots every page, so a page printed or passed on alone still carries it.
        headers: summary.negotiation.marking ? { default: new Header({ children: [markingParagraph(summary.negotiation.marking)] }) } : undefined,
        footers: {
          default: new Footer({
            children: [
              ...(summary.negotiation.marking ? [markingParagraph(summary.negotiation.marking)] : []),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run(`${summary.negotiation.name} — ${round.name} — generated ${formatDate(summary.today)} — page `, { size: 16, color: MUTED }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(document);
}

function markingParagraph(marking: string): Paragraph {
  return new Paragraph({ alignment: AlignmentType.CENTER, children: [run(marking, { bold: true, size: 18 })] });
}
