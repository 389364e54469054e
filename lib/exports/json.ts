import type { RoundSummary } from '@/lib/round-summary/types';

export const SUMMARY_JSON_VERSION = 1;

/**
 * The summary object as JSON, for other tools. `<`, `>` and `&` are written as \u escapes:
 * the same JSON, but inert if some page ever pastes it into HTML.
 */
export function renderJson(summary: RoundSummary): string {
  // The marking first, where a tool reading the file meets it before the material it governs ('' for none).
  return JSON.stringify({ format: 'round-summary', version: SUMMARY_JSON_VERSION, marking: summary.negotiation.marking, ...summary }, null, 2)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026');
}
