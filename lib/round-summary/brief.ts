// The brief that opens every format of a round summary: the bottom line in three sentences, where each
// party stands on each issue, and the homework still to deliver. Worded here once, so that the web page,
// the PDF, the Word file and the Markdown say the same words; the evidence follows them as the annex.
import { formatDate } from '@/lib/dates';
import { label } from '@/lib/domain';
import { isPending } from '@/lib/homework';
import { daysFromTodayText } from '@/lib/exports/text';
import { formatStoredDate } from '@/lib/partial-date';
import { bottomLine, isMove, issueMoved, movementOf, type IssueChanges } from '@/lib/bottom-line';
import type { HomeworkStatus } from '@/lib/domain';
import { cancellationSentence, cancellationSourceName } from './cancellation';
import type { SummaryHomework, SummaryIssue, SummaryPosition } from './types';
import type { BriefedParty } from './order';

/** One party's stance on one issue at the round: `text` is what the table cell says ("conditional → opposes"). */
export type BriefStance = {
  partyId: number;
  stance: string | null;
  stanceBefore: string | null;
  /** The stance differs from the one held before the round (a first recorded position is not a move). */
  moved: boolean;
  text: string;
};

export type BriefRow = { issueId: number; issueTitle: string; status: string; statusChanged: boolean; stances: BriefStance[] };

export type RoundBrief = {
  bottomLine: { moved: string; agreed: string; dueNext: string };
  /** The columns of the stance table: the parties listed under any issue, in the briefing's order. */
  parties: { id: number; name: string; shortName: string }[];
  rows: BriefRow[];
  /** The homework not yet delivered or dropped, of what the round handed out and what was due at it; overdue first. */
  homeworkDue: SummaryHomework[];
};

export const BOTTOM_LINE_LABELS = { moved: 'What moved', agreed: 'What was agreed', dueNext: 'What is due next' } as const;

/** What the brief needs of the assembled summary (everything but the brief itself). */
export type BriefInput = {
  round: { status: string; cancellation: { on: string | null; reason: string; source: Parameters<typeof cancellationSourceName>[0] } | null };
  issues: SummaryIssue[];
  outcomes: { text: string }[];
  homeworkAssigned: SummaryHomework[];
  homeworkDue: SummaryHomework[];
  keyDates: { date: string; label: string; issueTitle: string; daysFromToday: number }[];
};

type Position = NonNullable<SummaryPosition['position']>;

function stanceOf(partyId: number, position: Position | null | undefined): BriefStance {
  if (!position) return { partyId, stance: null, stanceBefore: null, moved: false, text: '—' };
  const moved = position.stanceBefore !== null && position.stanceBefore !== position.stance;
  return {
    partyId,
    stance: position.stance,
    stanceBefore: position.stanceBefore,
    moved,
    text: moved ? `${label(position.stanceBefore!)} → ${label(position.stance)}` : label(position.stance),
  };
}

const statusText = (issue: SummaryIssue) => (issue.statusChanged ? `${label(issue.statusBefore)} → ${label(issue.statusAfter)}` : label(issue.statusAfter));

/** "A; B; C." from sentences that may each end with their own full stop. */
const listed = (items: string[]) => `${items.map((t) => t.trim().replace(/[.;\s]+$/, '')).join('; ')}.`;

/** An issue as the since-last-round bottom line reads it (lib/bottom-line.ts): its status across the round, and each party's move at it. */
function changesAt(issue: SummaryIssue): IssueChanges {
  const parties = issue.positions.flatMap(({ partyName, position }) => {
    if (!position?.changedAtRound) return [];
    const before = position.stanceBefore === null ? null : { stance: position.stanceBefore, summary: '' };
    return [{ partyName, before, after: position, movement: movementOf(before, position) }];
  });
  return { title: issue.title, statusBefore: issue.statusBefore, statusAfter: issue.statusAfter, statusChanged: issue.statusChanged, parties };
}

/**
 * Each issue that moved, in the words of "since the last round" ("Donbas status: under discussion → deadlocked; Russia
 * hardened (conditional → opposes)"). A first recorded position is not a move: those are counted in one sentence.
 */
function movedLine(input: BriefInput): string {
  const { cancellation, status } = input.round;
  if (cancellation) {
    return `Nothing moved: the round did not take place. ${cancellationSentence({ ...cancellation, source: cancellationSourceName(cancellation.source) })}.`;
  }
  if (status === 'planned') return 'Not held yet: the stances below are where the parties stand today.';
  const changes = input.issues.map(changesAt);
  const moves = changes
    .filter(issueMoved)
    .map((issue) => `${issue.title}: ${bottomLine({ ...issue, parties: issue.parties.filter((p) => isMove(p.movement)) })}`);
  const firsts = changes.flatMap((i) => i.parties).filter((p) => p.movement === 'first_recorded').length;
  const firstsLine = firsts ? ` ${firsts} position${firsts === 1 ? '' : 's'} recorded for the first time (not counted as moves).` : '';
  if (moves.length === 0) return `Nothing moved: no issue changed status and no party changed its position.${firstsLine}`;
  // An issue's own bottom line separates its parts with semicolons: issues are sentences of their own.
  return `${moves.join('. ')}.${firstsLine}`;
}

function agreedLine(input: BriefInput): string {
  if (input.outcomes.length) return listed(input.outcomes.map((o) => o.text));
  const reached = input.issues.filter((i) => i.statusChanged && (i.statusAfter === 'agreed' || i.statusAfter === 'agreed_in_principle'));
  if (reached.length) return listed(reached.map((i) => `${i.title}: ${label(i.statusAfter)}`));
  return 'Nothing: no outcome recorded.';
}

/** Overdue first, then in the order of the briefing (what was due at the round, then what it handed out). */
function openHomework(input: BriefInput): SummaryHomework[] {
  const open = [...input.homeworkDue, ...input.homeworkAssigned].filter((h) => isPending(h.status as HomeworkStatus));
  return [...open.filter((h) => h.overdue), ...open.filter((h) => !h.overdue)];
}

function dueNextLine(input: BriefInput, homework: SummaryHomework[]): string {
  const parts: string[] = [];
  if (homework.length === 0) parts.push('No homework open.');
  else {
    const estimated = homework.filter((h) => h.state === 'overdue_estimated').length;
    const overdue = homework.filter((h) => h.overdue).length - estimated;
    const dueAt = [...new Set(homework.map((h) => h.dueRound ?? (h.dueOn ? formatStoredDate(h.dueOn, h.dueOnPrecision, h.dueOnLabel) : null)).filter((d): d is string => d !== null))];
    const count = `${homework.length} homework item${homework.length === 1 ? '' : 's'} open${overdue ? `, ${overdue} overdue` : ''}${estimated ? `, ${estimated} overdue (estimated: a vague date's window has passed)` : ''}`;
    parts.push(`${count}${dueAt.length ? `, due by ${dueAt.join(', ')}` : ''}.`);
  }
  const next = input.keyDates.find((k) => k.daysFromToday >= 0);
  if (next) parts.push(`Next key date: ${formatDate(next.date)}, ${next.label || 'key date'} (${next.issueTitle}), ${daysFromTodayText(next.daysFromToday)}.`);
  return parts.join(' ');
}

/** The brief of a round, from the rest of its summary and the briefed parties in order. */
export function roundBrief(input: BriefInput, parties: Pick<BriefedParty, 'id' | 'name' | 'shortName'>[]): RoundBrief {
  const listedIds = new Set(input.issues.flatMap((i) => i.positions.map((p) => p.partyId)));
  const columns = parties.filter((p) => listedIds.has(p.id)).map((p) => ({ id: p.id, name: p.name, shortName: p.shortName }));
  const rows = input.issues.map((issue) => ({
    issueId: issue.id,
    issueTitle: issue.title,
    status: statusText(issue),
    statusChanged: issue.statusChanged,
    stances: columns.map((c) => stanceOf(c.id, issue.positions.find((p) => p.partyId === c.id)?.position)),
  }));
  const homeworkDue = openHomework(input);
  return {
    bottomLine: { moved: movedLine(input), agreed: agreedLine(input), dueNext: dueNextLine(input, homeworkDue) },
    parties: columns,
    rows,
    homeworkDue,
  };
}
