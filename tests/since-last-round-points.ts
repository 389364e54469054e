import type { Point } from '@/lib/since-last-round';

/** A compared point as a test names it: the round's name, else 'today' or the date. */
export const nameOf = (point: Point | null | undefined): string | null =>
  !point ? null : point.kind === 'round' ? point.round.name : point.kind === 'today' ? 'today' : point.date;

/** "Today" for the since-last-round tests: after every round they set up. */
export const TODAY = '2026-12-01';
