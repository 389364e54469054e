// The download formats of a round summary: names only, safe to import from client components.

export type ExportFormat = 'pdf' | 'docx' | 'md' | 'xlsx' | 'csv' | 'json';

export const EXPORT_ORDER: ExportFormat[] = ['pdf', 'docx', 'md', 'xlsx', 'csv', 'json'];

export const EXPORT_LABELS: Record<ExportFormat, string> = {
  pdf: 'PDF',
  docx: 'Word (.docx)',
  md: 'Markdown',
  xlsx: 'Excel (.xlsx)',
  csv: 'CSV (spreadsheet)',
  json: 'JSON',
};

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  xlsx: XLSX_CONTENT_TYPE,
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

export const summaryUrl = (roundId: number, format: ExportFormat) => `/api/rounds/${roundId}/summary.${format}`;

/** "summary.pdf" → 'pdf'; anything else → null. */
export function parseSummaryFileName(file: string): ExportFormat | null {
  const match = /^summary\.(pdf|docx|md|xlsx|csv|json)$/.exec(file);
  return match ? (match[1] as ExportFormat) : null;
}
