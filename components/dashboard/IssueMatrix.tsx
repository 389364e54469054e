import Link from 'next/link';
import { PartyColumnHeader } from '@/components/PartyColumnHeader';
import type { MatrixBlock, MatrixCell } from '@/db/queries/dashboard';
import { DaysLeft, StanceBadge, StatusBadge } from '@/components/Badges';
import { TrendArrow } from '@/components/TrendArrow';
import { WideMatrix } from './WideMatrix';
import { daysBetween, formatDate } from '@/lib/dates';
import { label } from '@/lib/domain';
import { TREND_LEGEND, type Trend } from '@/lib/convergence';

// A cell shows the gist; the issue page has the whole position. Keeps a 200-issue matrix light.
const CELL_CHARS = 180;
const clip = (text: string) => (text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS).trimEnd()}…` : text);

/** One negotiation's issues against the parties at its table: where each party stands on each issue. */
export function IssueMatrix({ block, trends, today }: { block: MatrixBlock; trends: Map<number, Trend>; today: string }) {
  const empty = new Set(block.parties.filter((p) => block.rows.every((row) => !row.cells[p.id])).map((p) => p.id));
  return (
    <section className="panel" aria-labelledby={`neg-${block.negotiation.id}`}>
      <WideMatrix label={block.negotiation.name} emptyParties={empty.size}>
        <table className="matrix issue-matrix">
          <caption id={`neg-${block.negotiation.id}`}>
            {/* Sticky, so the negotiation's name stays above the issue column when its parties scroll sideways. */}
            <span className="matrix-name">
              <Link href={`/negotiations/${block.negotiation.id}`}>{block.negotiation.name}</Link>
              {block.negotiation.marking && <span className="badge status"> {block.negotiation.marking}</span>}
            </span>
          </caption>
          <thead>
            <tr>
              <th scope="col">Issue</th>
              <th scope="col">Status</th>
              <th scope="col">
                Trend <span className="small muted legend">({TREND_LEGEND})</span>
              </th>
              <th scope="col">Key date</th>
              {block.parties.map((p) => (
                <PartyColumnHeader key={p.id} party={p} empty={empty.has(p.id)} />
              ))}
            </tr>
          </thead>
          <tbody>
            {block.rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  <Link href={`/issues/${row.id}`}>{row.title}</Link>
                  <div className="muted small">{label(row.priority)} priority</div>
                  <div className="small">{row.lastActivityAt ? `last event ${formatDate(row.lastActivityAt.slice(0, 10))}` : 'nothing recorded yet'}</div>
                </th>
                <td data-label="Status">
                  <StatusBadge status={row.status} />
                </td>
                <td data-label="Trend">
                  <Link href={`/issues/${row.id}/convergence`}>
                    <TrendArrow trend={trends.get(row.id)} />
                  </Link>
                </td>
                <td data-label="Key date" data-none={row.keyDate ? undefined : true}>
                  {row.keyDate ? (
                    <>
                      <div>{formatDate(row.keyDate)}</div>
                      <div className="small">{row.keyDateLabel}</div>
                      <DaysLeft days={daysBetween(today, row.keyDate)} />
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                {block.parties.map((p) => (
                  <PositionCell key={p.id} party={p.shortName || p.name} cell={row.cells[p.id]} empty={empty.has(p.id)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </WideMatrix>
    </section>
  );
}

function PositionCell({ party, cell, empty }: { party: string; cell: MatrixCell | undefined; empty: boolean }) {
  // data-label names the party where the table becomes one card per issue (a phone): globals.css.
  return (
    <td className="cell" data-label={party} data-empty-party={empty || undefined} data-none={cell ? undefined : true}>
      {cell ? (
        <>
          <StanceBadge stance={cell.stance} />
          <div className="small">{clip(cell.summary)}</div>
          <div className="muted small">as of {formatDate(cell.asOf)}</div>
        </>
      ) : (
        <span className="muted small">no position recorded</span>
      )}
    </td>
  );
}
