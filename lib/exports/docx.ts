import {
  AlignmentType,
  BorderStyle,
  Document,
  ExternalHyperlink,
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
import { BOTTOM_LINE_LABELS } from '@/lib/round-summary/brief';
import { citedSources } from '@/lib/round-summary/citations';
import type { RoundSummary, SummaryHomework, SummarySource } from '@/lib/round-summary/types';
import { xmlSafeDeep } from '@/lib/xml-safe';
import { authorOf, NO_AUTHOR, type ExportContext } from './context';
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

// The docx package writes every TextRun as escaped XML text; cleanText drops the control characters XML forbids.
const run = (text: string, opts: { bold?: boolean; italics?: boolean; size?: number; color?: string } = {}) =>
  new TextRun({ text: cleanText(text), ...opts });

type ParaOptions = { indent?: number; size?: number; color?: string; italics?: boolean; keepNext?: boolean };

const para = (text: string, opts: ParaOptions = {}) =>
  new Paragraph({
    indent: opts.indent ? { left: opts.indent } : undefined,
    spacing: { after: 80 },
    keepNext: opts.keepNext || undefined,
    children: [run(text, { size: opts.size, color: opts.color, italics: opts.italics })],
  });

type Level = (typeof HeadingLevel)[keyof typeof HeadingLevel];

// A heading is kept with what follows it, and its own lines together, so that no page ends on a heading.
const heading = (text: string, level: Level, opts: { pageBreakBefore?: boolean } = {}) =>
  new Paragraph({ heading: level, keepNext: true, keepLines: true, pageBreakBefore: opts.pageBreakBefore, spacing: { before: 240, after: 120 }, children: [run(text)] });

const bullet = (children: (TextRun | ExternalHyperlink)[], opts: { keepNext?: boolean } = {}) =>
  new Paragraph({ bullet: { level: 0 }, keepNext: opts.keepNext || undefined, keepLines: opts.keepNext || undefined, spacing: { after: 60 }, children });

const MUTED = '505A66';
const LINK = '1F4E8C';
const RULE = { style: BorderStyle.SINGLE, size: 4, color: 'D5D9DE' };
const BORDERS = { top: RULE, bottom: RULE, left: RULE, right: RULE, insideHorizontal: RULE, insideVertical: RULE };

/** Only web addresses become links: a javascript: or file: address stays text. */
const isWebUrl = (url: string | null): url is string => !!url && /^https?:\/\//i.test(url);

const link = (url: string, size?: number) =>
  new ExternalHyperlink({ link: url, children: [new TextRun({ text: cleanText(url), style: 'Hyperlink', color: LINK, underline: {}, size })] });

function homeworkParagraphs(items: SummaryHomework[], empty: string): Paragraph[] {
  if (items.length === 0) return [para(empty, { color: MUTED })];
  return items.flatMap((item) => [
    bullet([run(item.title, { bold: true }), ...(overdueMarker(item) ? [run(`  ${overdueMarker(item)}`, { bold: true, color: 'A3120F' })] : [])], { keepNext: true }),
    para(homeworkLine(item), { indent: 720, size: 18, color: MUTED, keepNext: !!item.resolution }),
    ...(item.resolution ? [para(`Resolution: ${item.resolution}`, { indent: 720, size: 18 })] : []),
  ]);
}

const cellOf = (text: string, opts: { bold?: boolean; width?: number; shade?: boolean } = {}) =>
  new TableCell({
    width: opts.width ? { size: opts.width, type: WidthType.PERCENTAGE } : undefined,
    shading: opts.shade ? { fill: 'EEF1F4' } : undefined,
    children: [new Paragraph({ children: [run(text, { bold: opts.bold, size: 19 })] })],
  });

function factsTable(rows: [string, string][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: rows.map(
      ([k, v]) =>
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({ width: { size: 25, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [run(k, { bold: true })] })] }),
            new TableCell({ width: { size: 75, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [run(v)] })] }),
          ],
        }),
    ),
  });
}

/** The issue × party table of stances: the header row repeats on every page the table runs to. */
function stanceTable(summary: RoundSummary): Table {
  const { parties, rows } = summary.brief;
  const issueWidth = 28;
  const statusWidth = 22;
  const partyWidth = Math.floor((100 - issueWidth - statusWidth) / Math.max(1, parties.length));
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: BORDERS,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: [
          cellOf('Issue', { bold: true, width: issueWidth, shade: true }),
          cellOf('Status', { bold: true, width: statusWidth, shade: true }),
          ...parties.map((p) => cellOf(p.name, { bold: true, width: partyWidth, shade: true })),
        ],
      }),
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            // What moved at the round is set in bold, so the eye finds it first.
            children: [
              cellOf(row.issueTitle, { bold: true, width: issueWidth }),
              cellOf(row.status, { bold: row.statusChanged, width: statusWidth }),
              ...row.stances.map((s) => cellOf(s.text, { bold: s.moved, width: partyWidth })),
            ],
          }),
      ),
    ],
  });
}

/** The brief: what a principal reads on the first page. */
function briefBody(summary: RoundSummary): (Paragraph | Table)[] {
  const body: (Paragraph | Table)[] = [heading(SECTION.bottomLine, HeadingLevel.HEADING_1)];
  for (const key of ['moved', 'agreed', 'dueNext'] as const) body.push(bullet([run(`${BOTTOM_LINE_LABELS[key]}: `, { bold: true }), run(summary.brief.bottomLine[key])]));
  body.push(heading(SECTION.stances, HeadingLevel.HEADING_1));
  if (summary.brief.rows.length === 0) body.push(para('No issues.', { color: MUTED }));
  else body.push(stanceTable(summary));
  if (mediatorsWithoutPositionLine(summary)) body.push(para(mediatorsWithoutPositionLine(summary), { color: MUTED, size: 18 }));
  body.push(heading(SECTION.homeworkOpen, HeadingLevel.HEADING_1), ...homeworkParagraphs(summary.brief.homeworkDue, 'No homework open.'));
  return body;
}

/** The round summary as a Word document: the brief, then from a new page the annex with the evidence. */
export function renderDocx(given: RoundSummary, context: ExportContext = NO_AUTHOR): Promise<Buffer> {
  const summary = xmlSafeDeep(given);
  const { round } = summary;
  const { articles, numberOf } = citedSources(summary);
  const cite = (source: SummarySource) => citation(source, numberOf(source));
  const citeLine = (text: string, indent: number) => para(text, { indent, size: 17, color: MUTED });

  const body: (Paragraph | Table)[] = [];
  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [run(documentTitle(summary))] }));
  body.push(para(summary.negotiation.name, { size: 24, color: MUTED }));
  body.push(para(roundLine(summary), { size: 19, color: MUTED }));
  body.push(...briefBody(summary));

  body.push(heading(SECTION.annex, HeadingLevel.HEADING_1, { pageBreakBefore: true }));
  body.push(heading(SECTION.facts, HeadingLevel.HEADING_2));
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
    body.push(heading(SECTION.roundSummary, HeadingLevel.HEADING_2));
    for (const p of paragraphs(round.summary)) body.push(para(p));
  }

  body.push(heading(SECTION.issues, HeadingLevel.HEADING_2));
  if (summary.agendaWasEmpty) body.push(para('The agenda of this round is empty: every issue of the negotiation is listed.', { color: MUTED }));
  for (const issue of summary.issues) {
    body.push(heading(issue.title, HeadingLevel.HEADING_3));
    if (issue.otherNegotiation) body.push(para(`Issue of ${issue.negotiationName}.`, { color: MUTED, size: 18, keepNext: true }));
    body.push(new Paragraph({ spacing: { after: 80 }, children: [run('Status: ', { bold: true }), run(`${statusLine(issue)}. Priority: ${label(issue.priority)}.`)] }));
    if (issue.positions.length === 0) body.push(para('No positions recorded.', { color: MUTED }));
    for (const row of issue.positions) {
      const p = row.position;
      if (!p) {
        body.push(bullet([run(row.partyName, { bold: true }), run(': no position recorded.')]));
        continue;
      }
      // A party's entry is kept on one page: every paragraph of it but the last is kept with the next.
      body.push(bullet([run(row.partyName, { bold: true }), run(` — ${positionFacts(p)}`)], { keepNext: true }));
      body.push(para(p.summary, { indent: 720, keepNext: true }));
      if (p.redLines) body.push(para(`Red lines: ${p.redLines}`, { indent: 720, keepNext: true }));
      body.push(para(`What changed: ${p.change}`, { indent: 720, size: 18, keepNext: !!p.source }));
      if (p.source) body.push(citeLine(`Source: ${cite(p.source)}`, 720));
    }
  }

  body.push(heading(SECTION.outcomes, HeadingLevel.HEADING_2));
  if (summary.outcomes.length === 0) body.push(para('No outcomes recorded.', { color: MUTED }));
  for (const o of summary.outcomes) {
    body.push(bullet([run(o.text), ...(o.issueTitle ? [run(` (${o.issueTitle})`, { italics: true })] : []), ...(o.source ? [run(` — source: ${cite(o.source)}`, { size: 17, color: MUTED })] : [])]));
  }

  body.push(heading(SECTION.homeworkAssigned, HeadingLevel.HEADING_2), ...homeworkParagraphs(summary.homeworkAssigned, 'None recorded.'));
  body.push(heading(SECTION.homeworkDue, HeadingLevel.HEADING_2), ...homeworkParagraphs(summary.homeworkDue, 'None recorded.'));

  body.push(heading(SECTION.updates, HeadingLevel.HEADING_2));
  if (summary.keyUpdates.length === 0) body.push(para('No updates recorded for this round.', { color: MUTED }));
  for (const u of summary.keyUpdates) {
    body.push(heading(updateDate(u), HeadingLevel.HEADING_3));
    if (aboutLine(u)) body.push(para(aboutLine(u), { size: 17, color: MUTED, keepNext: true }));
    for (const p of paragraphs(plainFromMarkdown(u.body))) body.push(para(p));
    if (u.sources.length) body.push(citeLine(`Sources: ${u.sources.map(cite).join('; ')}`, 0));
  }

  body.push(heading(SECTION.keyDates, HeadingLevel.HEADING_2));
  body.push(para(keyDatesNote(summary), { color: MUTED, size: 18 }));
  if (summary.keyDates.length === 0) body.push(para('None.', { color: MUTED }));
  for (const k of summary.keyDates)
    body.push(
      bullet([
        run(`${formatDate(k.date)} — ${k.label || 'key date'}`, { bold: true }),
        run(` — ${k.issueTitle} (${k.negotiationName}): ${keyDateWhen(summary, k)}`),
      ]),
    );

  body.push(heading(SECTION.sources, HeadingLevel.HEADING_2));
  if (articles.length === 0) body.push(para('No sources cited.', { color: MUTED }));
  for (const article of articles) {
    // An article is kept with its quotes, and each quote's lines together.
    body.push(
      new Paragraph({
        spacing: { before: 80, after: 20 },
        keepNext: true,
        keepLines: true,
        children: [
          run(article.outlet, { bold: true, size: 18 }),
          run(articleLine(article).slice(article.outlet.length), { size: 18 }),
          ...(isWebUrl(article.url) ? [run(' — ', { size: 18 }), link(article.url, 18)] : []),
        ],
      }),
    );
    article.quotes.forEach(({ number, source }, i) =>
      body.push(
        new Paragraph({
          indent: { left: 360 },
          spacing: { after: 40 },
          keepNext: i < article.quotes.length - 1 || undefined,
          keepLines: true,
          children: [run(`[${number}] `, { bold: true, size: 18 }), run(quoteGrading(source), { size: 17, color: MUTED }), ...(source.quote ? [run(': ', { size: 18 }), run(quoted(source.quote), { italics: true, size: 18 })] : [])],
        }),
      ),
    );
  }

  const marking = summary.negotiation.marking;
  const document = new Document({
    title: cleanText(`${documentTitle(summary)} — ${summary.negotiation.name}`),
    creator: cleanText(authorOf(context)),
    lastModifiedBy: cleanText(authorOf(context)),
    description: cleanText(`${summary.negotiation.name}, ${round.name}`),
    styles: { default: { document: { run: { font: 'Calibri', size: 21 } } } },
    sections: [
      {
        // The handling marking heads and foots every page, so a page printed or passed on alone still carries it.
        headers: marking ? { default: new Header({ children: [markingParagraph(marking)] }) } : undefined,
        footers: {
          default: new Footer({
            children: [
              ...(marking ? [markingParagraph(marking)] : []),
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  run(`${summary.negotiation.name} — ${round.name} — generated ${formatDate(summary.today)} — page `, { size: 16, color: MUTED }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: MUTED }),
                  run(' of ', { size: 16, color: MUTED }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: MUTED }),
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
