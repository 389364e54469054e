import { describeTrend, type Trend } from '@/lib/convergence';

/** The trend written out ("▼ diverging, 3 → 4 of 4"): the arrow alone was read the wrong way round. */
export function TrendArrow({ trend }: { trend: Trend | undefined }) {
  if (!trend) return <span className="muted small">not judged</span>;
  return <span className={`trend trend-${trend.direction ?? 'single'}`}>{describeTrend(trend)}</span>;
}
