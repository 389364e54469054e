import { storedDate, windowOf } from '@/lib/partial-date';

// An update is usually about the round it happened at, or the last one before it: the form chooses that
// round from the update's date, and the API does the same when a script leaves the round out.

export type DatedRound = {
  id: number;
  status: string;
  startsOn: string | null;
  startsOnPrecision: string;
  startsOnLabel: string;
  endsOn: string | null;
};

type Span = { id: number; from: string; to: string };

/** The days a round met, or may have: from its start to its end (or the end of its start's window). */
function spanOf(round: DatedRound): Span | null {
  const start = storedDate(round.startsOn, round.startsOnPrecision, round.startsOnLabel);
  // A cancelled round never met; one dated only by an estimate ("in the coming weeks") may not have met yet.
  if (!start || start.precision === 'approx' || round.status === 'cancelled') return null;
  const { from, to } = windowOf(start);
  return { id: round.id, from, to: round.endsOn && round.endsOn > to ? round.endsOn : to };
}

/**
 * The round whose dates contain the day `on` ('YYYY-MM-DD'), the latest to start if several do; else the one
 * that ended most recently before it; null when no round had met by then. `rounds` come in the negotiation's
 * order: of two that tie, the first.
 */
export function roundOfDate(rounds: DatedRound[], on: string): number | null {
  const spans = rounds.map(spanOf).filter((s): s is Span => s !== null && s.from <= on);
  const containing = spans.filter((s) => s.to >= on);
  const pick = (list: Span[], key: (s: Span) => string) => list.reduce<Span | null>((best, s) => (!best || key(s) > key(best) ? s : best), null);
  return (containing.length ? pick(containing, (s) => s.from) : pick(spans, (s) => `${s.to} ${s.from}`))?.id ?? null;
}
