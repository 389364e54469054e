import { label } from '@/lib/domain';
import type { HomeworkState } from '@/lib/homework';
import { yesNo, type Sheet } from './sheets';

// The homework board as a spreadsheet: one row per item, with the state the board shows (overdue, or a
// cancelled due round to fix) beside the stored status.

export type HomeworkSheetRow = {
  negotiationName: string;
  negotiationMarking: string;
  title: string;
  description: string;
  issueTitle: string | null;
  owners: { name: string }[];
  assignedRoundName: string | null;
  dueRoundName: string | null;
  dueOn: string | null;
  status: string;
  state: HomeworkState;
  overdue: boolean;
  vague: boolean;
  resolution: string;
};

export const HOMEWORK_BOARD_COLUMNS = [
  'marking',
  'negotiation',
  'homework',
  'description',
  'issue',
  'owners',
  'assigned_round',
  'due_round',
  'due_on',
  'state',
  'status',
  'overdue',
  'vague',
  'resolution',
] as const;

export function homeworkSheet(items: HomeworkSheetRow[]): Sheet {
  return {
    name: 'Homework',
    section: 'homework',
    columns: HOMEWORK_BOARD_COLUMNS,
    rows: items.map((h) => [
      h.negotiationMarking,
      h.negotiationName,
      h.title,
      h.description,
      h.issueTitle,
      h.owners.map((o) => o.name).join('; '),
      h.assignedRoundName,
      h.dueRoundName,
      h.dueOn,
      label(h.state),
      label(h.status),
      yesNo(h.overdue),
      yesNo(h.vague),
      h.resolution,
    ]),
  };
}
