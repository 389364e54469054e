import ExcelJS from 'exceljs';
import type { Sheet } from './sheets';

// Sheets (lib/exports/sheets.ts) as an Excel workbook, the way an analyst sets one up by hand: a bold header
// row that stays in view and filters, columns wide enough to read, ISO days as real dates (they sort and
// filter as dates), and the handling marking in every page's header and footer as well as on every row.
// Every text is written as a text cell, never as a formula, so "=HYPERLINK(…)" typed in an update stays words.

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const MAX_WIDTH = 60;

export type WorkbookInfo = { title: string; author: string; marking: string };

export async function renderXlsx(sheets: Sheet[], info: WorkbookInfo): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.title = info.title;
  workbook.creator = info.author;
  workbook.lastModifiedBy = info.author;
  if (info.marking) {
    workbook.subject = info.marking;
    workbook.keywords = info.marking;
  }
  for (const sheet of sheets) {
    const ws = workbook.addWorksheet(sheet.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
    if (info.marking) {
      const marking = info.marking.replaceAll('&', '&&');
      ws.headerFooter.oddHeader = `&C${marking}`;
      ws.headerFooter.oddFooter = `&L${marking}&RPage &P of &N`;
    }
    ws.addRow([...sheet.columns]).font = { bold: true };
    for (const row of sheet.rows) ws.addRow(row.map(cellValue));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
    sheet.columns.forEach((name, i) => {
      const longest = Math.max(name.length, ...sheet.rows.map((r) => String(r[i] ?? '').length));
      const column = ws.getColumn(i + 1);
      column.width = Math.min(MAX_WIDTH, Math.max(8, longest + 2));
      if (sheet.rows.some((r) => typeof r[i] === 'string' && ISO_DAY.test(r[i] as string))) column.numFmt = 'yyyy-mm-dd';
      if (longest > MAX_WIDTH) column.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValue(cell: string | number | null | undefined): ExcelJS.CellValue {
  if (cell === null || cell === undefined || cell === '') return null;
  if (typeof cell === 'number') return cell;
  // A day as a date at midnight UTC, which Excel shows as that day whatever the reader's time zone.
  if (ISO_DAY.test(cell)) return new Date(`${cell}T00:00:00Z`);
  return cell;
}
