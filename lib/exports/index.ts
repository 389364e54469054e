import type { RoundSummary } from '@/lib/round-summary/types';
import { renderCsv } from './csv';
import type { ExportFormat } from './formats';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { summarySheets } from './summary-sheets';

/**
 * Server only: the renderer of each format. pdfkit, docx and exceljs are loaded on the first PDF or Word
 * download, not with the route: loading them took ~0.4 s that a Markdown download paid for nothing.
 */
export const RENDERERS: Record<ExportFormat, (summary: RoundSummary) => Promise<Buffer> | string> = {
  pdf: async (summary) => (await import('./pdf')).renderPdf(summary),
  docx: async (summary) => (await import('./docx')).renderDocx(summary),
  md: renderMarkdown,
  xlsx: async (summary) =>
    (await import('./xlsx')).renderXlsx(summarySheets(summary), {
      title: `${summary.negotiation.name} — ${summary.round.name} — summary`,
      author: 'Negotiation tracker',
      marking: summary.negotiation.marking,
    }),
  csv: renderCsv,
  json: renderJson,
};
