import { formatDate } from '@/lib/dates';
import { label } from '@/lib/domain';
import type { RoundSummary, SummaryHomework, SummarySource } from '@/lib/round-summary/types';
import { BOTTOM_LINE_LABELS } from '@/lib/round-summary/brief';
import { citedSources } from '@/lib/round-summary/citations';
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
  positionFacts,
  quoteGrading,
  quoted,
  roundDates,
  roundLine,
  updateDate,
  roundStatusText,
  SECTION,
  statusLine,
} from './text';

/**
 * Plain text from a user, made inert in Markdown: no HTML, no links, no emphasis, no headings or lists it did not ask for.
 * Line breaks become spaces: every call site puts the text on one line.
 */
export function escapeMarkdown(text: string): string {
  return cleanText(text)
    .replace(/\s*\n\s*/g, ' ')
    .replace(/[\\`*_[\]|~]/g, '\\$&')
    .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/^(\s*)([#+=-]|\d+[.)])/, (_m, space: string, lead: string) => `${space}${lead.replace(/([#+=\-.)])$/, '\\$1')}`);
}

/**
 * Where a line's own text starts: after the quote marks and list markers that may open it, since a
 * heading or a link definition inside a quote or a list item is one all the same.
 */
const LINE_START = String.raw`^((?:[ \t]{0,3}(?:>|[-+*](?=[ \t])|\d{1,9}[.)](?=[ \t]))[ \t]?)*[ \t]{0,3})`;
const DEFINITION = new RegExp(`${LINE_START}\\[([^\\]]*)\\]:`, 'gm');
const ATX_HEADING = new RegExp(`${LINE_START}#`, 'gm');
const SETEXT_UNDERLINE = new RegExp(`${LINE_START}(=+|-+)[ \\t]*$`, 'gm');

/**
 * An update body is Markdown by design (bold, lists, links), so it keeps its formatting,
 * but raw HTML is shown as text, headings are flattened and only http(s)/mailto links survive.
 */
export function safeMarkdownBody(body: string): string {
  return (
    cleanText(body)
      .replace(/&(?=#?[a-z0-9]+;)/gi, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/!\[/g, '!\\[')
      .replace(/\[([^\]]*)\]\(((?:[^()]|\([^()]*\))*)\)/g, (link, text: string, target: string) => (/^\s*(https?:|mailto:)/i.test(target) ? link : text))
      // A definition would let [text][name] link anywhere, javascript: included.
      .replace(DEFINITION, '$1\\[$2]:')
      .replace(ATX_HEADING, '$1\\#')
      // A line of = or - under a paragraph makes it a heading, however short the line.
      .replace(SETEXT_UNDERLINE, '$1\\$2')
  );
}

const webUrl = (url: string | null) => (url && /^https?:/i.test(url) ? `<${url.replace(/[<>\s"]/g, encodeURIComponent)}>` : null);

function homeworkItems(items: SummaryHomework[], empty: string): string[] {
  if (items.length === 0) return [`_${empty}_`, ''];
  const lines: string[] = [];
  for (const item of items) {
    lines.push(`- **${escapeMarkdown(item.title)}** — ${escapeMarkdown(homeworkLine(item))}`);
    if (item.resolution) lines.push(`  - Resolution: ${escapeMarkdown(item.resolution)}`);
  }
  lines.push('');
  return lines;
}

const cell = (text: string) => escapeMarkdown(text);

/** The brief: the bottom line, the issue × party table of stances, the homework still open. */
function briefLines(summary: RoundSummary): string[] {
  const { brief } = summary;
  const out: string[] = [`## ${SECTION.bottomLine}`, ''];
  for (const key of ['moved', 'agreed', 'dueNext'] as const) out.push(`- **${BOTTOM_LINE_LABELS[key]}:** ${escapeMarkdown(brief.bottomLine[key])}`);
  out.push('', `## ${SECTION.stances}`, '');
  if (brief.rows.length === 0) out.push('_No issues._', '');
  else {
    const tableRow = (cells: string[]) => `| ${cells.join(' | ')} |`;
    // What moved at the round is set in bold, so the eye finds it first.
    const moved = (text: string, isMove: boolean) => (isMove ? `**${cell(text)}**` : cell(text));
    out.push(tableRow(['Issue', 'Status', ...brief.parties.map((p) => cell(p.name))]), `|${' --- |'.repeat(2 + brief.parties.length)}`);
    for (const row of brief.rows) out.push(tableRow([cell(row.issueTitle), moved(row.status, row.statusChanged), ...row.stances.map((s) => moved(s.text, s.moved))]));
    out.push('');
  }
  if (mediatorsWithoutPositionLine(summary)) out.push(`_${escapeMarkdown(mediatorsWithoutPositionLine(summary))}_`, '');
  out.push(`## ${SECTION.homeworkOpen}`, '');
  out.push(...homeworkItems(brief.homeworkDue, 'No homework open.'));
  return out;
}

/** The round summary as a Markdown document (CommonMark + GFM tables). */
export function renderMarkdown(summary: RoundSummary): string {
  const { round } = summary;
  const out: string[] = [];
  // The handling marking is the first line, before anything it governs.
  if (summary.negotiation.marking) out.push(`**${escapeMarkdown(summary.negotiation.marking)}**`, '');
  out.push(`# ${escapeMarkdown(documentTitle(summary))}`, '');
  out.push(`${escapeMarkdown(summary.negotiation.name)}`, '');

  out.push(`_${escapeMarkdown(roundLine(summary))}_`, '');
  out.push(...briefLines(summary));

  const { articles, numberOf } = citedSources(summary);
  const cite = (source: SummarySource) => escapeMarkdown(citation(source, numberOf(source)));
  out.push(`## ${SECTION.annex}`, '');
  out.push(`### ${SECTION.facts}`, '');
  // A list, not a table: a Markdown table must open with a header row, and these facts have none to give.
  const fact = (name: string, value: string) => out.push(`- **${name}:** ${escapeMarkdown(value)}`);
  fact('Negotiation', summary.negotiation.name);
  fact('Round', `${round.name} (no. ${round.sequence})`);
  fact('Dates', roundDates(summary));
  fact('Venue', round.venue || 'not known');
  fact('Format', label(round.format));
  fact('Status', roundStatusText(summary));
  fact('Delegation heads', delegationLine(summary));
  out.push('');

  if (round.summary) {
    out.push(`### ${SECTION.roundSummary}`, '');
    for (const p of paragraphs(round.summary)) out.push(escapeMarkdown(p), '');
  }

  out.push(`### ${SECTION.issues}`, '');
  if (summary.agendaWasEmpty) out.push('_The agenda of this round is empty: every issue of the negotiation is listed._', '');
  if (summary.issues.length === 0) out.push('_No issues._', '');
  for (const issue of summary.issues) {
    out.push(`#### ${escapeMarkdown(issue.title)}`, '');
    if (issue.otherNegotiation) out.push(`_Issue of ${escapeMarkdown(issue.negotiationName)}._`, '');
    out.push(`Status: ${escapeMarkdown(statusLine(issue))}. Priority: ${label(issue.priority)}.`, '');
    if (issue.positions.length === 0) out.push('_No positions recorded._', '');
    for (const row of issue.positions) {
      const p = row.position;
      if (!p) {
        out.push(`- **${escapeMarkdown(row.partyName)}**: no position recorded.`);
        continue;
      }
      out.push(`- **${escapeMarkdown(row.partyName)}** — ${escapeMarkdown(positionFacts(p))}`);
      out.push(`  - ${escapeMarkdown(p.summary)}`);
      if (p.redLines) out.push(`  - Red lines: ${escapeMarkdown(p.redLines)}`);
      out.push(`  - What changed: ${escapeMarkdown(p.change)}`);
      if (p.source) out.push(`  - Source: ${cite(p.source)}`);
    }
    out.push('');
  }

  out.push(`### ${SECTION.outcomes}`, '');
  if (summary.outcomes.length === 0) out.push('_No outcomes recorded._', '');
  else {
    for (const o of summary.outcomes) out.push(`- ${escapeMarkdown(o.text)}${o.issueTitle ? ` _(${escapeMarkdown(o.issueTitle)})_` : ''}${o.source ? ` — source: ${cite(o.source)}` : ''}`);
    out.push('');
  }

  out.push(`### ${SECTION.homeworkAssigned}`, '');
  out.push(...homeworkItems(summary.homeworkAssigned, 'None recorded.'));
  out.push(`### ${SECTION.homeworkDue}`, '');
  out.push(...homeworkItems(summary.homeworkDue, 'None recorded.'));

  out.push(`### ${SECTION.updates}`, '');
  if (summary.keyUpdates.length === 0) out.push('_No updates recorded for this round._', '');
  for (const u of summary.keyUpdates) {
    out.push(`#### ${updateDate(u)}`, '');
    if (aboutLine(u)) out.push(`_${escapeMarkdown(aboutLine(u))}_`, '');
    out.push(safeMarkdownBody(u.body), '');
    if (u.sources.length) out.push(`Sources: ${u.sources.map(cite).join('; ')}`, '');
  }

  out.push(`### ${SECTION.keyDates}`, '');
  out.push(`_${escapeMarkdown(keyDatesNote(summary))}_`, '');
  if (summary.keyDates.length === 0) out.push('_None._', '');
  else {
    out.push('| date | what | issue | when |', '| --- | --- | --- | --- |');
    for (const k of summary.keyDates) {
      out.push(
        `| ${formatDate(k.date)} | ${escapeMarkdown(k.label || 'key date')} | ${escapeMarkdown(k.issueTitle)} (${escapeMarkdown(k.negotiationName)}) | ${keyDateWhen(summary, k)} |`,
      );
    }
    out.push('');
  }

  out.push(`### ${SECTION.sources}`, '');
  if (articles.length === 0) out.push('_No sources cited._', '');
  for (const article of articles) {
    const url = webUrl(article.url);
    out.push(`**${escapeMarkdown(article.outlet)}**${escapeMarkdown(articleLine(article).slice(article.outlet.length))}${url ? ` — ${url}` : ''}`, '');
    for (const { number, source } of article.quotes) out.push(`- \\[${number}\\] ${escapeMarkdown(quoteGrading(source))}${source.quote ? `: ${escapeMarkdown(quoted(source.quote))}` : ''}`);
    out.push('');
  }
  out.push('---', '', `_Generated on ${formatDate(summary.today)} by the negotiation tracker._`, '');
  return out.join('\n');
}
