import { TREND_ARROWS, type Trend } from '@/lib/convergence';

/** ↘ converging, ↗ diverging, → unchanged; the words are there for screen readers and the tooltip. */
export function TrendArrow({ trend }: { trend: Trend | undefined }) {
  if (!trend) return <span className="muted small">not judged</span>;
  if (!trend.direction) return <span className="small">distance {trend.latest}, one judgement</span>;
  const words = `${trend.direction}: distance ${trend.previous} → ${trend.latest}`;
  return (
    <span className={`trend trend-${trend.direction}`} title={words}>
      <span aria-hidden="true">
        {TREND_ARROWS[trend.direction]} <span className="small">{trend.latest}</span>
      </span>
      <span className="visually-hidden"> {words}</span>
    </span>
  );
}
