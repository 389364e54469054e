import type { RoundSummary } from '@/lib/round-summary/types';
import { renderCsv } from './csv';
import type { ExportFormat } from './formats';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';

/**
 * Server only: the renderer of each format. pdfkit and docx are loaded on the first PDF or Word
 * download, not with the route: loading them took ~0.4 s that a Markdown download paid for nothing.
 */
export const RENDERERS: Record<ExportFormat, (summary: RoundSummary) => Promise<Buffer> | string> = {
  pdf: async (summary) => (await import('./pdf')).renderPdf(summary),
  docx: async (summary) => (await import('./docx')).renderDocx(summary),
  md: renderMarkdown,
  csv: renderCsv,
  json: renderJson,
};
