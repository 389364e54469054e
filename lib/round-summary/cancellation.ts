import { formatDate } from '@/lib/dates';
import type { SummarySource } from './types';

/** What is known of a round's cancellation: an imported or older round may lack the date or the reason. */
export type Cancellation = { on: string | null; reason: string; source: string | null };

/**
 * "Cancelled on 3 Mar 2026: Russia recalled its delegation (Reuters)": how the round page and every format of
 * its summary say that a round was called off. A reason's closing full stop is dropped so the source can follow it.
 */
export function cancellationSentence({ on, reason, source }: Cancellation): string {
  const why = reason.trim().replace(/[.;,\s]+$/, '');
  const when = on ? `Cancelled on ${formatDate(on)}` : 'Cancelled';
  return `${when}${why ? `: ${why}` : ''}${source ? ` (${source})` : ''}`;
}

/** A briefing's source as the cancellation names it: its outlet, and the outlet it reports through. */
export function cancellationSourceName(source: SummarySource | null): string | null {
  if (!source) return null;
  return source.citedOutlet ? `${source.outlet} citing ${source.citedOutlet}` : source.outlet;
}
