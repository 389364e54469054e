import { homeworkState, isOverdue } from '@/lib/homework';
import { groupBy } from '@/lib/group-by';
import { formatStoredDate } from '@/lib/partial-date';
import type { SummaryHomework } from './types';
import type { HomeworkRow, RoundSummaryRows } from './rows';
import { ownerOrder, type BriefedParty } from './order';

/** The homework the round handed out, and the homework due back at it (by round or within its dates), each with its owners and whether it is overdue. */
export function summaryHomework(
  rows: Pick<RoundSummaryRows, 'round' | 'homework' | 'homeworkOwners' | 'homeworkRounds'>,
  parties: BriefedParty[],
  today: string,
): { assigned: SummaryHomework[]; due: SummaryHomework[] } {
  const roundById = new Map(rows.homeworkRounds.map((r) => [r.id, r]));
  const ownersOf = groupBy(rows.homeworkOwners, (o) => o.homeworkId);
  const byOwner = ownerOrder(parties);
  const toHomework = (h: HomeworkRow): SummaryHomework => {
    const dueRound = h.dueRoundId ? roundById.get(h.dueRoundId) : undefined;
    const overdue = isOverdue(h, dueRound, today);
    return {
      id: h.id,
      title: h.title,
      description: h.description,
      issueTitle: h.issueTitle,
      owners: [...(ownersOf.get(h.id) ?? [])].sort(byOwner).map((o) => o.name),
      assignedRound: h.assignedRoundId ? (roundById.get(h.assignedRoundId)?.name ?? null) : null,
      dueRound: dueRound?.name ?? null,
      dueOn: h.dueOn,
      dueOnPrecision: h.dueOnPrecision ?? 'day',
      dueOnLabel: h.dueOnLabel ?? '',
      dueRoundWhen: dueRound && dueRound.startsOnPrecision && dueRound.startsOnPrecision !== 'day' ? formatStoredDate(dueRound.startsOn, dueRound.startsOnPrecision, dueRound.startsOnLabel) : '',
      status: h.status,
      overdue,
      state: homeworkState(h, dueRound, today),
      resolution: h.resolution,
      vague: h.vague,
    };
  };
  const assignedHere = (h: HomeworkRow) => h.assignedRoundId === rows.round.id;
  return { assigned: rows.homework.filter(assignedHere).map(toHomework), due: rows.homework.filter((h) => !assignedHere(h)).map(toHomework) };
}
