import { XLSX_CONTENT_TYPE } from '@/lib/exports/formats';
import { contentDisposition, slug } from '@/lib/exports/filename';
import { sheetCsv, type Sheet } from '@/lib/exports/sheets';
import { markingsOf, type SheetFormat } from '@/lib/exports/sheet-file';

/**
 * A page's table as a download: .xlsx (exceljs, loaded on the first such download) or CSV, named after the page
 * and the day, with the markings of every negotiation it holds in the workbook's header (and on every row of both).
 */
export async function sheetResponse(sheet: Sheet, format: SheetFormat, file: { title: string; author: string; today: string }): Promise<Response> {
  const name = `${file.title} - ${file.today}.${format}`;
  const ascii = `${slug(file.title)}_${file.today}.${format}`;
  const marking = markingsOf(sheet.rows.map((row) => String(row[0] ?? '')));
  const body =
    format === 'xlsx'
      ? new Uint8Array(await (await import('@/lib/exports/xlsx')).renderXlsx([sheet], { title: file.title, author: file.author, marking }))
      : sheetCsv(sheet);
  return new Response(body, {
    headers: {
      'Content-Type': format === 'xlsx' ? XLSX_CONTENT_TYPE : 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(ascii, name),
    },
  });
}
