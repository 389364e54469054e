import { label } from '@/lib/domain';
import { formatDate } from '@/lib/dates';

export type StanceChartParty = { id: number; name: string; shortName: string };
export type StanceChartPosition = { id: number; partyId: number; asOf: string; stance: string; summary: string };

const COLORS: Record<string, string> = {
  supports: '#1d7a3c',
  opposes: '#b3261e',
  conditional: '#9a6400',
  ambiguous: '#5b3fb0',
  no_position: '#6b7580',
};
const STANCE_ORDER = ['supports', 'conditional', 'ambiguous', 'opposes', 'no_position'];

/** A shape per stance as well as a colour, so the chart reads without colour vision. */
function Marker({ stance, cx, cy, r = 7 }: { stance: string; cx: number; cy: number; r?: number }) {
  const fill = COLORS[stance] ?? '#6b7580';
  switch (stance) {
    case 'opposes':
      return <rect x={cx - r} y={cy - r} width={r * 2} height={r * 2} fill={fill} />;
    case 'conditional':
      return <polygon points={`${cx},${cy - r - 1} ${cx + r + 1},${cy} ${cx},${cy + r + 1} ${cx - r - 1},${cy}`} fill={fill} />;
    case 'ambiguous':
      return <polygon points={`${cx},${cy - r - 1} ${cx + r},${cy + r} ${cx - r},${cy + r}`} fill={fill} />;
    case 'no_position':
      return <circle cx={cx} cy={cy} r={r - 1} fill="#fff" stroke={fill} strokeWidth={3} />;
    default:
      return <circle cx={cx} cy={cy} r={r} fill={fill} />;
  }
}

/** Each party's stance on one issue over time: a lane per party, a marker per recorded position by its date. */
export function StanceChart({ title, parties, positions }: { title: string; parties: StanceChartParty[]; positions: StanceChartPosition[] }) {
  const dates = [...new Set(positions.map((p) => p.asOf))].sort();
  const lanes = parties.filter((party) => positions.some((p) => p.partyId === party.id));
  const rowH = 34;
  const left = 150;
  const top = 10;
  const width = Math.max(420, left + 40 + dates.length * 110);
  const height = top + lanes.length * rowH + 34;
  // Dates sit at even steps: positions cluster around rounds, and a linear time axis would pile them up.
  const x = (date: string) => left + 30 + dates.indexOf(date) * ((width - left - 60) / Math.max(1, dates.length - 1));
  const sorted = [...positions].sort((a, b) => a.asOf.localeCompare(b.asOf) || a.id - b.id);
  const summary = `Stances on ${title} by party over time: ${
    lanes
      .map((party) => {
        const own = sorted.filter((p) => p.partyId === party.id);
        return `${party.name}: ${own.map((p) => `${label(p.stance)} (${formatDate(p.asOf)})`).join(', then ')}`;
      })
      .join('; ') || 'no positions recorded'
  }.`;

  return (
    <figure className="chart">
      {lanes.length === 0 ? (
        <p className="muted">No positions recorded yet.</p>
      ) : (
        <svg role="img" aria-label={summary} viewBox={`0 0 ${width} ${height}`} width={width} height={height} className="chart-svg">
          {lanes.map((party, row) => {
            const cy = top + row * rowH + rowH / 2;
            const own = sorted.filter((p) => p.partyId === party.id);
            return (
              <g key={party.id}>
                <line x1={left} x2={width - 10} y1={cy} y2={cy} stroke="#d5d9de" />
                <text x={left - 8} y={cy + 4} textAnchor="end" fontSize="12" fill="#1b1f24">
                  {party.name.length > 20 ? party.shortName : party.name}
                </text>
                {own.map((p) => {
                  const sameDay = own.filter((o) => o.asOf === p.asOf);
                  const offset = (sameDay.indexOf(p) - (sameDay.length - 1) / 2) * 16;
                  return <Marker key={p.id} stance={p.stance} cx={x(p.asOf) + offset} cy={cy} />;
                })}
              </g>
            );
          })}
          {dates.map((d) => (
            <text key={d} x={x(d)} y={height - 10} textAnchor="middle" fontSize="11" fill="#505a66">
              {formatDate(d)}
            </text>
          ))}
        </svg>
      )}
      <figcaption className="chart-legend small" aria-hidden="true">
        {STANCE_ORDER.map((s) => (
          <span key={s}>
            <svg width="18" height="18" viewBox="0 0 18 18">
              <Marker stance={s} cx={9} cy={9} r={6} />
            </svg>{' '}
            {label(s)}
          </span>
        ))}
      </figcaption>
      <div className="visually-hidden">
      <table>
        <caption>Stances on {title} by party over time</caption>
        <thead>
          <tr>
            <th scope="col">Party</th>
            <th scope="col">As of</th>
            <th scope="col">Stance</th>
            <th scope="col">Summary</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((p) => (
            <tr key={p.id}>
              <th scope="row">{parties.find((party) => party.id === p.partyId)?.name ?? ''}</th>
              <td>{formatDate(p.asOf)}</td>
              <td>{label(p.stance)}</td>
              <td>{p.summary}</td>
            </tr>
          ))}
        </tbody>
      </table>
      </div>
    </figure>
  );
}
