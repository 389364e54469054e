import { label } from '@/lib/domain';
import type { Sheet } from './sheets';

// The dashboard's matrix as a spreadsheet: one row per issue and party at its table (an issue of a
// negotiation without seated parties still gets one row), so a pivot table or a filter rebuilds any view.

export type MatrixSheetBlock = {
  negotiation: { name: string; marking: string };
  parties: { id: number; name: string; role: string }[];
  rows: {
    title: string;
    status: string;
    priority: string;
    keyDate: string | null;
    keyDateLabel: string;
    cells: Record<number, { stance: string; summary: string; asOf: string }>;
  }[];
};

export const MATRIX_COLUMNS = ['marking', 'negotiation', 'issue', 'status', 'priority', 'key_date', 'key_date_label', 'party', 'party_role', 'stance', 'position', 'as_of'] as const;

export function matrixSheet(blocks: MatrixSheetBlock[]): Sheet {
  const rows = blocks.flatMap((block) =>
    block.rows.flatMap((issue) => {
      const issueCells = [block.negotiation.marking, block.negotiation.name, issue.title, label(issue.status), label(issue.priority), issue.keyDate, issue.keyDateLabel];
      if (block.parties.length === 0) return [[...issueCells, '', '', '', '', '']];
      return block.parties.map((party) => {
        const cell = issue.cells[party.id];
        return [...issueCells, party.name, label(party.role), label(cell?.stance ?? 'no_position'), cell?.summary ?? '', cell?.asOf ?? ''];
      });
    }),
  );
  return { name: 'Matrix', section: 'matrix', columns: MATRIX_COLUMNS, rows };
}
