import anyAscii from 'any-ascii';
import type { RoundSummary } from '@/lib/round-summary/types';

/**
 * Lower-case ASCII words joined by hyphens, other scripts transliterated: "Russia–Ukraine peace talks
 * (US-mediated)" → "russia-ukraine-peace-talks-us-mediated", "Переговоры в Стамбуле" → "peregovory-v-stambule".
 */
export function slug(text: string, max = 60): string {
  const s = anyAscii(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return s || 'untitled';
}

/** The day the file is named after: the round's last day, else its first, else "undated". */
export function summaryDate(summary: RoundSummary): string {
  return summary.round.endsOn ?? summary.round.startsOn ?? 'undated';
}

/** ASCII file name: negotiation_round_date_summary.ext */
export function summaryFileName(summary: RoundSummary, ext: string): string {
  return `${slug(summary.negotiation.name)}_${slug(summary.round.name)}_${summaryDate(summary)}_summary.${ext}`;
}

/** The full, readable name (any script), for filename*; characters no file system accepts are replaced. */
export function summaryFullFileName(summary: RoundSummary, ext: string): string {
  const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, ' ').replace(/\s+/g, ' ').trim();
  return `${clean(summary.negotiation.name)} - ${clean(summary.round.name)} - ${summaryDate(summary)} - summary.${ext}`;
}

/** Content-Disposition: attachment with an ASCII filename and the full UTF-8 name (RFC 6266 / RFC 5987). */
export function contentDisposition(ascii: string, full: string): string {
  const encoded = encodeURIComponent(full).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii.replace(/["\\]/g, '_')}"; filename*=UTF-8''${encoded}`;
}
