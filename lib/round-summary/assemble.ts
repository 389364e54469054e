import { daysBetween } from '@/lib/dates';
import { groupBy } from '@/lib/group-by';
import type { RoundSummary, SummaryKeyDate, SummarySource, SummaryUpdate } from './types';
import type { RoundSummaryRows } from './rows';
import { summaryHomework } from './homework';
import { summaryIssues } from './issues';
import { briefedParties } from './order';
import { keyDatesFrom } from './scope';
import { sourceLookup, type SourceOf } from './sources';

/** The briefing for one round, from the rows its loader read (db/queries/round-summary.ts). `today` is 'YYYY-MM-DD'. */
export function assembleRoundSummary(rows: RoundSummaryRows, today: string): RoundSummary {
  const { round } = rows;
  const sourceOf = sourceLookup(rows);
  const parties = briefedParties(rows);
  const homework = summaryHomework(rows, parties, today);
  return {
    today,
    negotiation: rows.negotiation,
    round: {
      id: round.id,
      sequence: round.sequence,
      name: round.name,
      venue: round.venue,
      startsOn: round.startsOn,
      endsOn: round.endsOn,
      approxDate: round.approxDate,
      format: round.format,
      status: round.status,
      summary: round.summary,
      cancellation:
        round.status === 'cancelled' ? { on: round.cancelledOn, reason: round.cancellationReason, source: sourceOf(round.cancellationSourceId) } : null,
    },
    delegations: rows.delegations,
    issues: summaryIssues(rows, parties, sourceOf),
    agendaWasEmpty: rows.agendaIssueIds.length === 0,
    outcomes: rows.outcomes.map((o) => ({ id: o.id, text: o.text, issueTitle: o.issueTitle, source: sourceOf(o.sourceId) })),
    homeworkAssigned: homework.assigned,
    homeworkDue: homework.due,
    keyUpdates: keyUpdates(rows, sourceOf),
    keyDates: keyDates(rows, today),
    keyDatesFrom: keyDatesFrom(round, today),
  };
}

function keyUpdates(rows: Pick<RoundSummaryRows, 'updates' | 'updateIssues' | 'updateParties' | 'updateSources'>, sourceOf: SourceOf): SummaryUpdate[] {
  const issuesOf = groupBy(rows.updateIssues, (l) => l.updateId);
  const partiesOf = groupBy(rows.updateParties, (l) => l.updateId);
  const sourcesOf = groupBy(rows.updateSources, (l) => l.updateId);
  return rows.updates.map((u) => ({
    id: u.id,
    occurredOn: u.occurredOn,
    body: u.body,
    negotiationName: u.negotiationName,
    issues: (issuesOf.get(u.id) ?? []).map((l) => l.title),
    parties: (partiesOf.get(u.id) ?? []).map((l) => l.name),
    sources: (sourcesOf.get(u.id) ?? []).map((l) => sourceOf(l.sourceId)).filter((s): s is SummarySource => s !== null),
  }));
}

/** Days from today to each key date; negative once it has passed. */
function keyDates(rows: Pick<RoundSummaryRows, 'keyDateIssues'>, today: string): SummaryKeyDate[] {
  return rows.keyDateIssues.map((i) => ({
    issueId: i.id,
    issueTitle: i.title,
    negotiationName: i.negotiationName,
    date: i.keyDate,
    label: i.keyDateLabel,
    daysFromToday: daysBetween(today, i.keyDate),
  }));
}
