import { DISTANCE_LABELS } from '@/lib/convergence';

export type ConvergenceChartPoint = { label: string; distance: number | null; note?: string };

const W = 560;
const H = 200;
const PAD = { left: 118, right: 16, top: 12, bottom: 40 };

/**
 * How far apart the parties are at each round (0 aligned … 4 irreconcilable), as an inline SVG line.
 * Screen readers get a summary in the label and the figures in a table; rounds not judged leave a gap.
 */
export function ConvergenceChart({ title, points, compact = false }: { title: string; points: ConvergenceChartPoint[]; compact?: boolean }) {
  const summary = `Convergence on ${title}, distance from 0 (aligned) to 4 (irreconcilable) by round: ${
    points.map((p) => `${p.label} ${p.distance ?? 'not judged'}`).join(', ') || 'no rounds'
  }.`;
  const width = compact ? 160 : W;
  const height = compact ? 48 : H;
  const pad = compact ? { left: 4, right: 4, top: 4, bottom: 4 } : PAD;
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const x = (i: number) => pad.left + (points.length <= 1 ? innerW / 2 : (i * innerW) / (points.length - 1));
  const y = (d: number) => pad.top + (d / 4) * innerH;
  // One path segment per run of judged rounds, so an unjudged round shows as a gap, not a guess.
  const segments: string[] = [];
  let run: string[] = [];
  points.forEach((p, i) => {
    if (p.distance === null) {
      if (run.length > 1) segments.push(run.join(' '));
      run = [];
    } else run.push(`${run.length ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.distance).toFixed(1)}`);
  });
  if (run.length > 1) segments.push(run.join(' '));

  return (
    <figure className={`chart${compact ? ' chart-compact' : ''}`}>
      <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="chart-svg">
        {!compact &&
          [0, 1, 2, 3, 4].map((d) => (
            <g key={d}>
              <line x1={pad.left} x2={width - pad.right} y1={y(d)} y2={y(d)} stroke="#d5d9de" strokeDasharray={d === 0 || d === 4 ? undefined : '3 3'} />
              <text x={pad.left - 6} y={y(d) + 4} textAnchor="end" fontSize="11" fill="#505a66">
                {DISTANCE_LABELS[d]}
              </text>
            </g>
          ))}
        {segments.map((d, i) => (
          <path key={i} d={d} fill="none" stroke="#0b5cad" strokeWidth={compact ? 2 : 2.5} />
        ))}
        {points.map((p, i) => p.distance !== null && <circle key={i} cx={x(i)} cy={y(p.distance)} r={compact ? 3 : 5} fill="#0b5cad" />)}
        {!compact &&
          points.map((p, i) => (
            <text key={i} x={x(i)} y={height - pad.bottom + 18} textAnchor="middle" fontSize="11" fill={p.distance === null ? '#505a66' : '#1b1f24'}>
              {p.label.length > 22 ? `${p.label.slice(0, 21)}…` : p.label}
              {p.distance === null && (
                <tspan x={x(i)} dy="13" fontStyle="italic">
                  not judged
                </tspan>
              )}
            </text>
          ))}
      </svg>
      <div className="visually-hidden">
      <table>
        <caption>Convergence on {title} by round</caption>
        <thead>
          <tr>
            <th scope="col">Round</th>
            <th scope="col">Distance (0 aligned – 4 irreconcilable)</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {points.map((p, i) => (
            <tr key={i}>
              <th scope="row">{p.label}</th>
              <td>{p.distance === null ? 'not judged' : DISTANCE_LABELS[p.distance]}</td>
              <td>{p.note ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
