import { daysBetween } from '@/lib/dates';
import { groupBy } from '@/lib/group-by';
import type { RoundSummary, SummaryKeyDate, SummarySource, SummaryUpdate } from './types';
import type { RoundSummaryRows } from './rows';
import { summaryHomework } from './homework';
import { mediatorsWithoutPosition, summaryIssues } from './issues';
import { briefedParties } from './order';
import { roundBrief } from './brief';
import { keyDatesFrom, roundSpan } from './scope';
import { sourceLookup, type SourceOf } from './sources';

/** The briefing for one round, from the rows its loader read (db/queries/round-summary.ts). `today` is 'YYYY-MM-DD'. */
export function assembleRoundSummary(rows: RoundSummaryRows, today: string): RoundSummary {
  const { round } = rows;
  const sourceOf = sourceLookup(rows);
  const parties = briefedParties(rows);
  const homework = summaryHomework(rows, parties, today);
  const issues = summaryIssues(rows, parties, sourceOf);
  const rest = {
    negotiation: rows.negotiation,
    round: {
      id: round.id,
      sequence: round.sequence,
      name: round.name,
      venue: round.venue,
      startsOn: round.startsOn,
      startsOnPrecision: round.startsOnPrecision ?? 'day',
      startsOnLabel: round.startsOnLabel ?? '',
      endsOn: round.endsOn,
      approxDate: round.approxDate,
      format: round.format,
      status: round.status,
      summary: round.summary,
      cancellation:
        round.status === 'cancelled' ? { on: round.cancelledOn, reason: round.cancellationReason, source: sourceOf(round.cancellationSourceId) } : null,
    },
    delegations: rows.delegations,
    issues,
    agendaWasEmpty: rows.agendaIssueIds.length === 0,
    outcomes: rows.outcomes.map((o) => ({ id: o.id, text: o.text, issueTitle: o.issueTitle, source: sourceOf(o.sourceId) })),
    homeworkAssigned: homework.assigned,
    homeworkDue: homework.due,
    keyUpdates: keyUpdates(rows, sourceOf),
    keyDates: keyDates(rows, today),
    keyDatesFrom: keyDatesFrom(round, today),
    mediatorsWithoutPosition: mediatorsWithoutPosition(issues, parties),
  };
  return { today, brief: roundBrief(rest, parties), ...rest };
}

function keyUpdates(rows: Pick<RoundSummaryRows, 'updates' | 'updateIssues' | 'updateParties' | 'updateSources'>, sourceOf: SourceOf): SummaryUpdate[] {
  const issuesOf = groupBy(rows.updateIssues, (l) => l.updateId);
  const partiesOf = groupBy(rows.updateParties, (l) => l.updateId);
  const sourcesOf = groupBy(rows.updateSources, (l) => l.updateId);
  return rows.updates.map((u) => ({
    id: u.id,
    occurredOn: u.occurredOn,
    occurredOnPrecision: u.occurredOnPrecision ?? 'day',
    occurredOnLabel: u.occurredOnLabel ?? '',
    body: u.body,
    negotiationName: u.negotiationName,
    issues: (issuesOf.get(u.id) ?? []).map((l) => l.title),
    parties: (partiesOf.get(u.id) ?? []).map((l) => l.name),
    sources: (sourcesOf.get(u.id) ?? []).map((l) => sourceOf(l.sourceId)).filter((s): s is SummarySource => s !== null),
  }));
}

/**
 * Each key date counted from the round (a briefing describes its round, whenever it is read) and
 * from today. Key dates start at the first day of the round, so the count from its last day is never
 * below 0: 0 is a date while the round lasts.
 */
function keyDates(rows: Pick<RoundSummaryRows, 'keyDateIssues' | 'round'>, today: string): SummaryKeyDate[] {
  const end = roundSpan(rows.round).end ?? today;
  return rows.keyDateIssues.map((i) => ({
    issueId: i.id,
    issueTitle: i.title,
    negotiationName: i.negotiationName,
    date: i.keyDate,
    label: i.keyDateLabel,
    daysFromRound: Math.max(0, daysBetween(end, i.keyDate)),
    daysFromToday: daysBetween(today, i.keyDate),
  }));
}
