// The spreadsheet downloads of a page (the dashboard's matrix, the homework board): which file was asked
// for, and how it is named. Names only, safe to import from any layer.

export type SheetFormat = 'xlsx' | 'csv';

/** "matrix.xlsx" → 'xlsx' when the base is "matrix"; anything else → null. */
export function parseSheetFileName(file: string, base: string): SheetFormat | null {
  const match = /^([a-z-]+)\.(xlsx|csv)$/.exec(file);
  return match && match[1] === base ? (match[2] as SheetFormat) : null;
}

/** The markings of the negotiations a file spans, each once, for its page header ("TLP:AMBER · RESTRICTED"). */
export function markingsOf(markings: string[]): string {
  return [...new Set(markings.filter(Boolean))].join(' · ');
}
