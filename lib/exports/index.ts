import type { RoundSummary } from '@/lib/round-summary/types';
import { authorOf, type ExportContext } from './context';
import { renderCsv } from './csv';
import type { ExportFormat } from './formats';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { summarySheets } from './summary-sheets';

/**
 * Server only: the renderer of each format. pdfkit, docx and exceljs are loaded on the first PDF or Word
 * download, not with the route: loading them took ~0.4 s that a Markdown download paid for nothing.
 */
export const RENDERERS: Record<ExportFormat, (summary: RoundSummary, context: ExportContext) => Promise<Buffer> | string> = {
  pdf: async (summary, context) => (await import('./pdf')).renderPdf(summary, context),
  docx: async (summary, context) => (await import('./docx')).renderDocx(summary, context),
  md: (summary) => renderMarkdown(summary),
  xlsx: async (summary, context) =>
    (await import('./xlsx')).renderXlsx(summarySheets(summary), {
      title: `${summary.negotiation.name} — ${summary.round.name} — summary`,
      author: authorOf(context),
      marking: summary.negotiation.marking,
    }),
  csv: (summary) => renderCsv(summary),
  json: (summary) => renderJson(summary),
};

/** The formats whose file names its exporter (ExportContext): one file is kept per exporter, not per reader scope. */
export const AUTHORED_FORMATS: ReadonlySet<ExportFormat> = new Set(['pdf', 'docx', 'xlsx']);
