import { formatDate } from './dates';
import { sortKey, storedDate } from './partial-date';
import { label, type RoundStatus } from './domain';

// "What changed since the last round" compares two points in time: each a round (held, planned or
// cancelled, at its date) or a date. These are the rules for which two: what a reader asked for,
// the default when they asked for nothing, and the message when the pair makes no sense. The view
// never quietly compares something else than what it says.

/** A round of the negotiation, dated by its last day, else its first (a planned or cancelled round: the day it was planned for). */
export type RoundPoint = { id: number; name: string; sequence: number; status: RoundStatus; date: string | null };

export type Point = { kind: 'round'; round: RoundPoint; date: string } | { kind: 'date'; date: string } | { kind: 'today'; date: string };

export type Comparison =
  /** Changes dated after from.date, up to and including to.date. `reversed`: the later point came as "from". */
  | { ok: true; from: Point; to: Point; reversed: boolean }
  | { ok: false; problem: string; from: Point | null; to: Point | null };

/** A round's reference date: its last day, else its first. */
/**
 * The day a round is compared at: its last day, else the last day of its start's window ("May 2025": 31 May).
 * A round known only by a phrase ("in the coming weeks") has no such day: it is no point of comparison.
 */
export function roundDate(r: { endsOn: string | null; startsOn: string | null; startsOnPrecision?: string; startsOnLabel?: string }): string | null {
  if (r.endsOn) return r.endsOn;
  const start = storedDate(r.startsOn, r.startsOnPrecision, r.startsOnLabel);
  return start && start.precision !== 'approx' ? sortKey(start) : null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isRealDay = (value: string) => ISO_DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** How a point is named in the view and in its messages. */
export function describePoint(point: Point): string {
  if (point.kind === 'today') return `today (${formatDate(point.date)})`;
  if (point.kind === 'date') return formatDate(point.date);
  return `${point.round.name} (${label(point.round.status)}, ${formatDate(point.date)})`;
}

/** A point as the URL gives it: a round's id, a date (YYYY-MM-DD) or "today"; null when not given. */
export function parsePoint(value: string | null | undefined, rounds: RoundPoint[], today: string): { point: Point } | { problem: string } | null {
  const text = (value ?? '').trim();
  if (text === '') return null;
  if (text === 'today') return { point: { kind: 'today', date: today } };
  if (/^\d+$/.test(text)) {
    const round = rounds.find((r) => r.id === Number(text));
    if (!round) return { problem: 'that round is not one of this negotiation’s.' };
    if (!round.date) return { problem: `${round.name} has no date yet: choose a dated round, or a date.` };
    return { point: { kind: 'round', round, date: round.date } };
  }
  if (isRealDay(text)) return { point: { kind: 'date', date: text } };
  return { problem: `“${text}” is neither a round of this negotiation nor a date (YYYY-MM-DD).` };
}

/**
 * What the reader asked for at each end: `from`/`to` (a round's id, a date or "today", as links
 * carry them) or, from the form, a round or "today" in the list and a day in the date field beside
 * it. Both filled in is a question the view cannot answer for them.
 */
export type AskedPoints = { from?: string | null; fromDate?: string | null; to?: string | null; toDate?: string | null };

function askedPoint(choice: string | null | undefined, date: string | null | undefined, rounds: RoundPoint[], today: string) {
  if ((choice ?? '').trim() && (date ?? '').trim()) return { problem: 'choose a round or a date, not both.' };
  return parsePoint((date ?? '').trim() || choice, rounds, today);
}

const roundPoint = (round: RoundPoint & { date: string }): Point => ({ kind: 'round', round, date: round.date });

/**
 * The two points to compare. Asked for nothing, the view compares the last held round with today
 * when anything was recorded after it (`lastRecordedOn`: the latest event date in the negotiation),
 * else the last two held rounds. Given one point, the other is that default's, or for a chosen end
 * the last round held before it. Two points on the same day compare nothing: that is a message.
 */
export function chooseComparison(asked: AskedPoints, rounds: RoundPoint[], today: string, lastRecordedOn: string | null): Comparison {
  const held = rounds.filter((r): r is RoundPoint & { date: string } => r.status === 'held' && r.date !== null).sort((a, b) => a.sequence - b.sequence);
  const last = held.at(-1);
  const from = askedPoint(asked.from, asked.fromDate, rounds, today);
  const to = askedPoint(asked.to, asked.toDate, rounds, today);
  const problem = (text: string, f: Point | null = null, t: Point | null = null): Comparison => ({ ok: false, problem: text, from: f, to: t });
  if (from && 'problem' in from) return problem(`From: ${from.problem}`);
  if (to && 'problem' in to) return problem(`To: ${to.problem}`);

  const recordedSinceLast = !!last && lastRecordedOn !== null && lastRecordedOn > last.date;
  const defaultTo: Point | null = recordedSinceLast ? { kind: 'today', date: today } : last ? roundPoint(last) : null;
  const end = to?.point ?? defaultTo;
  if (!end) return problem('No round has been held yet: choose two points to compare, each a round or a date.', from?.point ?? null);
  const heldBefore = (date: string) => held.filter((r) => r.date < date).at(-1);
  const startRound = from ? undefined : heldBefore(end.date);
  const start = from?.point ?? (startRound ? roundPoint(startRound) : null);
  if (!start) {
    const text =
      !asked.to && end.kind === 'round'
        ? `Only one round has been held, ${describePoint(end)}, and nothing has been recorded since: choose where to start, a round or a date.`
        : `No round was held before ${describePoint(end)}: choose where to start, a round or a date.`;
    return problem(text, null, end);
  }
  if (start.date === end.date) {
    return problem(`${describePoint(start)} and ${describePoint(end)} fall on the same day: nothing can have changed between them. Choose two points on different days.`, start, end);
  }
  // The later point given first: compared the right way round, and the view says so.
  if (start.date > end.date) return { ok: true, from: end, to: start, reversed: true };
  return { ok: true, from: start, to: end, reversed: false };
}
