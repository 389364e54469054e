import { describe, expect, it } from 'vitest';
import { DISTANCES, DISTANCE_LABELS, TREND_ARROWS, trendDirection, trendOf } from '@/lib/convergence';

// How far apart the parties are, in the words and arrows an analyst reads (lib/convergence.ts).

describe('convergence in words', () => {
  it('names each distance from aligned to irreconcilable', () => {
    expect(DISTANCES.map((d) => DISTANCE_LABELS[d])).toEqual(['0 — aligned', '1 — close', '2 — apart', '3 — far apart', '4 — irreconcilable']);
  });

  it('a fall in distance is converging, a rise diverging, none unchanged', () => {
    expect([trendDirection(-2), trendDirection(1), trendDirection(0)]).toEqual(['converging', 'diverging', 'unchanged']);
    expect(TREND_ARROWS).toEqual({ converging: '↘', diverging: '↗', unchanged: '→' });
  });

  it('the trend compares the last judgement with the one before it, not the first', () => {
    expect(trendOf([4, 1, 3])).toEqual({ latest: 3, previous: 1, delta: 2, direction: 'diverging' });
    expect(trendOf([2, 4, 3])).toEqual({ latest: 3, previous: 4, delta: -1, direction: 'converging' });
  });
});
