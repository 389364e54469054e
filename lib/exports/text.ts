import { formatDate } from '@/lib/dates';
import { formatStoredDate } from '@/lib/partial-date';
import { label } from '@/lib/domain';
import { markdownToText } from '@/lib/markdown';
import type { RoundSummary, SummaryHomework, SummaryKeyDate, SummarySource, SummaryUpdate } from '@/lib/round-summary/types';
import { cancellationSentence, cancellationSourceName } from '@/lib/round-summary/cancellation';

// Wording shared by every export format, so the PDF, the .docx and the Markdown say the same thing.

/** Drops control characters (a NUL or a form feed would break the XML in a .docx), keeping tabs and line breaks. */
export function cleanText(text: string | null | undefined): string {
  return (text ?? '').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '').replace(/\r\n?/g, '\n');
}

/** Update bodies are written in Markdown; formats that cannot show it get the words without the markup. */
export function plainFromMarkdown(markdown: string): string {
  return markdownToText(cleanText(markdown));
}

export function roundDates(summary: RoundSummary): string {
  const { startsOn, startsOnPrecision, startsOnLabel, endsOn, approxDate } = summary.round;
  const start = formatStoredDate(startsOn, startsOnPrecision, startsOnLabel);
  let dates = '';
  if (startsOn && endsOn && endsOn !== startsOn) dates = `${start} – ${formatDate(endsOn)}`;
  else if (startsOn) dates = start;
  if (approxDate) dates = dates ? `${dates}; ${approxDate}` : approxDate;
  return dates || 'no date yet';
}

/** The round's status as a briefing states it: a cancelled round says when and why it was called off, and who says so. */
export function roundStatusText(summary: RoundSummary): string {
  const { status, cancellation } = summary.round;
  if (!cancellation) return label(status);
  return cancellationSentence({ on: cancellation.on, reason: cancellation.reason, source: cancellationSourceName(cancellation.source) });
}

export function delegationLine(summary: RoundSummary): string {
  return summary.delegations.length ? summary.delegations.map((d) => `${d.partyName}: ${d.head}`).join('; ') : 'none recorded';
}

export function statusLine(issue: RoundSummary['issues'][number]): string {
  const before = `${label(issue.statusBefore)}${issue.statusBeforeIsFirstRecorded ? ' (first recorded)' : ''}`;
  return issue.statusChanged ? `${before} → ${label(issue.statusAfter)} (changed)` : `${before} → ${label(issue.statusAfter)} (unchanged)`;
}

/** When an item is due, as every format says it: "Round 3, in the coming weeks (est. by 19 Mar 2026) / May 2025"; '' when never said. */
export function homeworkDue(item: SummaryHomework): string {
  const round = item.dueRound && (item.dueRoundWhen ? `${item.dueRound}, ${item.dueRoundWhen}` : item.dueRound);
  return [round, item.dueOn ? formatStoredDate(item.dueOn, item.dueOnPrecision, item.dueOnLabel) : null].filter(Boolean).join(' / ');
}

/** An update's date as a briefing heads it: "5 Feb 2026", "late 2025". */
export const updateDate = (u: SummaryUpdate): string => formatStoredDate(u.occurredOn, u.occurredOnPrecision, u.occurredOnLabel);

/** The marker an overdue item carries in the printed formats. */
export const overdueMarker = (item: SummaryHomework): string => (item.state === 'overdue_estimated' ? 'OVERDUE (ESTIMATED)' : item.overdue ? 'OVERDUE' : '');

export function homeworkLine(item: SummaryHomework): string {
  const parts = [`owners: ${item.owners.join(', ') || 'none'}`];
  if (item.issueTitle) parts.push(`issue: ${item.issueTitle}`);
  if (item.assignedRound) parts.push(`assigned at ${item.assignedRound}`);
  const due = homeworkDue(item);
  if (due) parts.push(`due: ${due}`);
  parts.push(`state: ${label(item.state)}`);
  if (item.vague) parts.push('logged as reported, to be refined');
  return parts.join('; ');
}

export function daysFromTodayText(days: number): string {
  if (days === 0) return 'today';
  if (days > 0) return `in ${days} day${days === 1 ? '' : 's'}`;
  return `passed ${-days} day${days === -1 ? '' : 's'} ago`;
}

const days = (n: number) => `${n} day${n === 1 ? '' : 's'}`;

/**
 * When a key date falls, as the briefing of its round says it: counted from the round ("148 days
 * after the round"), with "as of today" added only while the date is still ahead, where it helps
 * the reader act on it. A round without a date yet is counted from today.
 */
export function keyDateWhen(summary: Pick<RoundSummary, 'round'>, keyDate: Pick<SummaryKeyDate, 'daysFromRound' | 'daysFromToday'>): string {
  if (!summary.round.startsOn) return `${daysFromTodayText(keyDate.daysFromToday)} (as of today)`;
  const fromRound = keyDate.daysFromRound === 0 ? 'during the round' : `${days(keyDate.daysFromRound)} after the round`;
  return keyDate.daysFromToday > 0 ? `${fromRound}; ${daysFromTodayText(keyDate.daysFromToday)} as of today` : fromRound;
}

export function keyDatesNote(summary: Pick<RoundSummary, 'round' | 'keyDatesFrom' | 'today'>): string {
  if (!summary.round.startsOn) return `Key dates from today (${formatDate(summary.today)}) on, counted from today: the round has no date yet.`;
  return `Key dates on or after ${formatDate(summary.keyDatesFrom)}, the first day of the round, counted in days after the round.`;
}

/** The mediators who hold no position on any issue here, in one line instead of one under every issue. */
export function mediatorsWithoutPositionLine(summary: Pick<RoundSummary, 'mediatorsWithoutPosition'>): string {
  const names = summary.mediatorsWithoutPosition;
  if (names.length === 0) return '';
  return `${names.length === 1 ? 'Mediator' : 'Mediators'} with no position recorded on these issues: ${names.join(', ')}.`;
}

export function positionFacts(p: NonNullable<RoundSummary['issues'][number]['positions'][number]['position']>): string {
  return `${label(p.stance)}; flexibility ${label(p.flexibility)}; as of ${formatDate(p.asOf)}${p.atThisRound ? ', recorded at this round' : ''}`;
}

/** An article in the annex's list of sources: "Financial Times, “US and Russian militaries…”, 5 Feb 2026 (approx.)". */
export function articleLine(article: Pick<SummarySource, 'outlet' | 'title' | 'publishedOn' | 'publishedOnPrecision' | 'publishedOnLabel'>): string {
  const parts = [article.outlet];
  if (article.title) parts.push(`“${article.title}”`);
  if (article.publishedOn) parts.push(formatStoredDate(article.publishedOn, article.publishedOnPrecision, article.publishedOnLabel));
  return parts.join(', ');
}

/** A quote's grading under its article, and the outlet it reports through: "reliability B, credibility 2, citing RT". */
export function quoteGrading(source: SummarySource): string {
  return `reliability ${source.reliability}, credibility ${source.credibility}${source.citedOutlet ? `, citing ${source.citedOutlet}` : ''}`;
}

/** How the annex cites a source it lists in full under "Sources": "[3] El País (citing TASS)". */
export function citation(source: SummarySource, number: number): string {
  return `[${number}] ${source.citedOutlet ? `${source.outlet} (citing ${source.citedOutlet})` : source.outlet}`;
}

/** The round in one line under the title of the brief: "4 Feb 2026 – 5 Feb 2026 · Abu Dhabi · trilateral · held". */
export function roundLine(summary: RoundSummary): string {
  return [roundDates(summary), summary.round.venue, label(summary.round.format), roundStatusText(summary)].filter(Boolean).join(' · ');
}

/** The headings of the brief, then of the annex that holds the evidence. */
export const SECTION = {
  bottomLine: 'Bottom line',
  stances: 'Where the parties stand',
  homeworkOpen: 'Homework due',
  annex: 'Annex: the evidence',
  facts: 'The round',
  roundSummary: 'What happened',
  issues: 'Issues and positions',
  outcomes: 'Outcomes',
  homeworkAssigned: 'Homework assigned at this round',
  homeworkDue: 'Homework that was due at this round',
  updates: 'Key updates',
  keyDates: 'Upcoming key dates',
  sources: 'Sources',
} as const;

/** The sections of the brief, on the first page. */
export const BRIEF_SECTIONS = [SECTION.bottomLine, SECTION.stances, SECTION.homeworkOpen] as const;

export function documentTitle(summary: RoundSummary): string {
  return `Round summary: ${summary.round.name}`;
}

/** Paragraphs of an analyst's free text. */
export function paragraphs(text: string): string[] {
  return cleanText(text)
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
    .filter(Boolean);
}

/** A quote in typographic quotation marks, unless it already starts with one. */
export function quoted(text: string): string {
  return /^[“"‘'«„]/.test(text) ? text : `“${text}”`;
}

/** "Issues: A, B. Parties: C." for an update. */
export function aboutLine(update: { issues: string[]; parties: string[] }): string {
  const parts: string[] = [];
  if (update.issues.length) parts.push(`Issues: ${update.issues.join(', ')}.`);
  if (update.parties.length) parts.push(`Parties: ${update.parties.join(', ')}.`);
  return parts.join(' ');
}
