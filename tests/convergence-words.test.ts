import { describe, expect, it } from 'vitest';
import { DISTANCES, DISTANCE_LABELS, TREND_ARROWS, TREND_LEGEND, describeTrend, trendDirection, trendOf } from '@/lib/convergence';

// How far apart the parties are, in the words and arrows an analyst reads (lib/convergence.ts).

describe('convergence in words', () => {
  it('names each distance from aligned to irreconcilable', () => {
    expect(DISTANCES.map((d) => DISTANCE_LABELS[d])).toEqual(['0 — aligned', '1 — close', '2 — apart', '3 — far apart', '4 — irreconcilable']);
  });

  it('a fall in distance is converging, a rise diverging, none unchanged', () => {
    expect([trendDirection(-2), trendDirection(1), trendDirection(0)]).toEqual(['converging', 'diverging', 'unchanged']);
    expect(TREND_ARROWS).toEqual({ converging: '▲', diverging: '▼', unchanged: '=' });
    expect(describeTrend(trendOf([3, 4])!)).toBe('▼ diverging, 3 → 4 of 4');
    expect(describeTrend(trendOf([4, 2])!)).toBe('▲ converging, 4 → 2 of 4');
    expect(describeTrend(trendOf([2, 2])!)).toBe('= unchanged, 2 → 2 of 4');
    expect(describeTrend(trendOf([3])!)).toBe('distance 3 of 4, one judgement');
    expect(TREND_LEGEND).toBe('distance 0 aligned … 4 irreconcilable; ▲ closer, ▼ further apart');
  });

  it('the trend compares the last judgement with the one before it, not the first', () => {
    expect(trendOf([4, 1, 3])).toEqual({ latest: 3, previous: 1, delta: 2, direction: 'diverging' });
    expect(trendOf([2, 4, 3])).toEqual({ latest: 3, previous: 4, delta: -1, direction: 'converging' });
  });
});
