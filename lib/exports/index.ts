import type { RoundSummary } from '../../db/queries/round-summary';
import { renderCsv } from './csv';
import { renderDocx } from './docx';
import type { ExportFormat } from './formats';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderPdf } from './pdf';

/** Server only (pdfkit, docx): the renderer of each format. */
export const RENDERERS: Record<ExportFormat, (summary: RoundSummary) => Promise<Buffer> | string> = {
  pdf: renderPdf,
  docx: renderDocx,
  md: renderMarkdown,
  csv: renderCsv,
  json: renderJson,
};
