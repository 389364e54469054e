// Convergence: an analyst's judgement of how far apart the parties are on an issue at a round.

export const DISTANCES = [0, 1, 2, 3, 4] as const;

export const DISTANCE_LABELS: Record<number, string> = {
  0: '0 — aligned',
  1: '1 — close',
  2: '2 — apart',
  3: '3 — far apart',
  4: '4 — irreconcilable',
};

export type TrendDirection = 'converging' | 'diverging' | 'unchanged';

/** A fall in distance means the parties came closer. */
export function trendDirection(delta: number): TrendDirection {
  return delta < 0 ? 'converging' : delta > 0 ? 'diverging' : 'unchanged';
}

// As CrisisWatch's readers read them: up is better (the parties came closer), down is worse.
export const TREND_ARROWS: Record<TrendDirection, string> = { converging: '▲', diverging: '▼', unchanged: '=' };

/** The trend written out, as the dashboard shows it: "▼ diverging, 3 → 4 of 4". */
export function describeTrend(trend: Trend): string {
  const top = DISTANCES[DISTANCES.length - 1];
  if (!trend.direction) return `distance ${trend.latest} of ${top}, one judgement`;
  return `${TREND_ARROWS[trend.direction]} ${trend.direction}, ${trend.previous} → ${trend.latest} of ${top}`;
}

/** The scale in one line, for a column header. */
export const TREND_LEGEND = `distance ${DISTANCE_LABELS[0].replace(' — ', ' ')} … ${DISTANCE_LABELS[4].replace(' — ', ' ')}; ▲ closer, ▼ further apart`;

export type Trend = { latest: number; previous: number | null; delta: number | null; direction: TrendDirection | null };

/** The trend from judgements ordered by round: the last one minus the one before it. */
export function trendOf(distances: number[]): Trend | null {
  if (distances.length === 0) return null;
  const latest = distances[distances.length - 1];
  if (distances.length === 1) return { latest, previous: null, delta: null, direction: null };
  const previous = distances[distances.length - 2];
  const delta = latest - previous;
  return { latest, previous, delta, direction: trendDirection(delta) };
}
