import Link from 'next/link';
import { getDb } from '../db';
import { dashboardMatrix } from '../db/queries/dashboard';
import { requireUser } from '../lib/auth/current-user';
import { daysBetween, formatDate } from '../lib/dates';
import { listDeadlines } from '../db/queries/deadlines';
import { readerToday } from '../lib/reader-time';
import { DeadlineList } from '../components/DeadlineList';
import { DaysLeft, StanceBadge, StatusBadge } from '../components/Badges';
import { label } from '../lib/domain';

export const dynamic = 'force-dynamic';

export default async function DashboardPage() {
  await requireUser();
  const db = getDb();
  const blocks = dashboardMatrix(db);
  const today = await readerToday();
  const deadlines = listDeadlines(db, today).slice(0, 8);
  return (
    <>
      <h1>Where every issue stands</h1>
      <section className="panel" aria-labelledby="next-deadlines">
        <div className="spread">
          <h2 id="next-deadlines" style={{ marginTop: 0 }}>
            Next deadlines
          </h2>
          <Link href="/deadlines">All deadlines</Link>
        </div>
        <DeadlineList deadlines={deadlines} today={today} />
      </section>
      {blocks.length === 0 && (
        <p className="panel">
          No negotiations yet. <Link href="/negotiations/new">Create the first one</Link>.
        </p>
      )}
      {blocks.map((block) => (
        <section key={block.negotiation.id} className="panel" aria-labelledby={`neg-${block.negotiation.id}`}>
          <div className="table-wrap">
            <table className="matrix">
              <caption id={`neg-${block.negotiation.id}`}>
                <Link href={`/negotiations/${block.negotiation.id}`}>{block.negotiation.name}</Link>
              </caption>
              <thead>
                <tr>
                  <th scope="col">Issue</th>
                  <th scope="col">Status</th>
                  <th scope="col">Key date</th>
                  {block.parties.map((p) => (
                    <th scope="col" key={p.id}>
                      <abbr title={p.name}>{p.shortName}</abbr> <span className="muted small">({label(p.role)})</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row) => (
                  <tr key={row.id}>
                    <th scope="row">
                      <Link href={`/issues/${row.id}`}>{row.title}</Link>
                      <div className="muted small">{label(row.priority)} priority</div>
                    </th>
                    <td>
                      <StatusBadge status={row.status} />
                    </td>
                    <td>
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
                    {block.parties.map((p) => {
                      const cell = row.cells[p.id];
                      return (
                        <td key={p.id} className="cell">
                          {cell ? (
                            <>
                              <StanceBadge stance={cell.stance} />
                              <div className="small">{cell.summary}</div>
                              <div className="muted small">as of {formatDate(cell.asOf)}</div>
                            </>
                          ) : (
                            <span className="muted small">no position recorded</span>
                          )}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </>
  );
}
