import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { dashboardMatrix } from '@/db/queries/dashboard';
import { requireUser } from '@/server/auth/current-user';
import { daysBetween, formatDate } from '@/lib/dates';
import { listDeadlines } from '@/db/queries/deadlines';
import { readerToday } from '@/server/reader-time';
import { DeadlineList } from '@/components/DeadlineList';
import { DaysLeft, StanceBadge, StatusBadge } from '@/components/Badges';
import { ISSUE_STATUSES, PRIORITIES, label } from '@/lib/domain';
import { convergenceTrends } from '@/db/queries/convergence';
import { needsAttention } from '@/db/queries/attention';
import { listSavedViews } from '@/db/queries/saved-views';
import { listNegotiations } from '@/db/queries/negotiations';
import { listParties } from '@/db/queries/parties';
import { dashboardQuery, parseDashboardParams } from '@/lib/validation/dashboard-filters';
import { TrendArrow } from '@/components/TrendArrow';
import { SavedViews } from '@/components/SavedViews';
import { deleteViewAction, saveViewAction } from '@/app/saved-views/actions';
import { cachedRead } from '@/db/read-cache';
import { pageOfBlocks } from '@/lib/paging';
import { Pager } from '@/components/Pager';

export const dynamic = 'force-dynamic';

// A cell shows the gist; the issue page has the whole position. Keeps a 200-issue matrix light.
const CELL_CHARS = 180;
// Each attention list shows its first items; the count says how many there are in all.
const ATTENTION_SHOWN = 10;
const clip = (text: string) => (text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS).trimEnd()}…` : text);

type SearchParams = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: SearchParams) {
  const user = await requireUser();
  const db = getDb();
  const raw = await searchParams;
  const params = parseDashboardParams(raw);
  const query = dashboardQuery(params);
  // The filter form submits every field, empty ones too: send the reader to the canonical address, so the link they share is short and stable.
  const given = new URLSearchParams(Object.entries(raw).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : v === undefined ? [] : [[k, v]]))).toString();
  if (given !== query) redirect(query ? `/?${query}` : '/');
  // Saved views and the filter form keep the filters, not the page being read.
  const filterQuery = dashboardQuery({ ...params, page: 1 });
  const today = await readerToday();
  // Shared by every reader until the next write (db/read-cache.ts): the dashboard is read far more than data changes.
  const { blocks, trends, deadlines, attention, negotiationChoices, partyChoices } = cachedRead(db, ['dashboard', filterQuery, today], () => {
    const matrix = dashboardMatrix(db, undefined, params);
    const attention = needsAttention(db, { today, staleDays: params.stale, negotiationId: params.negotiation, shown: ATTENTION_SHOWN });
    return {
      blocks: matrix,
      trends: convergenceTrends(db, matrix.flatMap((b) => b.rows.map((r) => r.id))),
      deadlines: listDeadlines(db, today).slice(0, 8),
      attention,
      negotiationChoices: listNegotiations(db).map((n) => ({ value: n.id, label: n.name })),
      partyChoices: listParties(db).map((p) => ({ value: p.id, label: p.name })),
    };
  });
  const paged = pageOfBlocks(blocks, params.page);
  if (paged.page !== params.page && blocks.length > 0) redirect(`/?${dashboardQuery({ ...params, page: paged.page })}`.replace(/\?$/, ''));
  const filtered = !!(params.negotiation || params.party || params.status || params.priority);
  const select = (name: string, text: string, options: { value: string | number; label: string }[], value?: string | number) => (
    <div className="field">
      <label htmlFor={`dash-${name}`}>{text}</label>
      <select id={`dash-${name}`} name={name} defaultValue={value ?? ''}>
        <option value="">all</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
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

      <section className="panel attention" aria-labelledby="needs-attention">
        <div className="spread">
          <h2 id="needs-attention" style={{ marginTop: 0 }}>
            Needs attention
          </h2>
          <Link href="/corroborations">Where sources agree or differ</Link>
        </div>
        <h3>Overdue homework ({attention.overdue.count})</h3>
        {attention.overdue.count === 0 ? (
          <p className="muted small">Nothing overdue.</p>
        ) : (
          <ul aria-label="Overdue homework">
            {attention.overdue.items.map((h) => (
              <li key={h.id}>
                <Link href={`/homework/${h.id}`}>{h.title}</Link>{' '}
                <span className="small muted">
                  {h.owners && `${h.owners}; `}
                  {h.dueRoundName ? `due at ${h.dueRoundName} (held)` : `due ${formatDate(h.dueOn)}`} — {h.negotiationName}
                </span>
              </li>
            ))}
          </ul>
        )}
        {attention.overdue.count > ATTENTION_SHOWN && (
          <p className="small">
            …and {attention.overdue.count - ATTENTION_SHOWN} more: <Link href="/homework?status=overdue">all overdue homework</Link>
          </p>
        )}
        <h3>
          No activity for {params.stale} days or more ({attention.stale.count})
        </h3>
        {attention.stale.count === 0 ? (
          <p className="muted small">Every open issue moved recently.</p>
        ) : (
          <ul aria-label="Issues without recent activity">
            {attention.stale.items.map((i) => (
              <li key={i.id}>
                <Link href={`/issues/${i.id}`}>{i.title}</Link>{' '}
                <span className="small muted">
                  {i.lastActivityAt ? `last activity ${formatDate(i.lastActivityAt)}, ${i.days} days ago` : 'no activity recorded'} — {i.negotiationName}
                </span>
              </li>
            ))}
          </ul>
        )}
        {attention.stale.count > ATTENTION_SHOWN && <p className="small muted">…and {attention.stale.count - ATTENTION_SHOWN} more.</p>}
        <h3>Positions resting only on weak sources ({attention.weak.count})</h3>
        {attention.weak.count === 0 ? (
          <p className="muted small">Every current position has a source rated C or better.</p>
        ) : (
          <ul aria-label="Positions resting only on weak sources">
            {attention.weak.items.map((p) => (
              <li key={p.id}>
                <Link href={`/issues/${p.issueId}`}>
                  {p.partyName} on {p.issueTitle}
                </Link>{' '}
                <span className="small muted">{p.sources.length ? `rests on ${p.sources.join('; ')}` : 'no source cited'}</span>
              </li>
            ))}
          </ul>
        )}
        {attention.weak.count > ATTENTION_SHOWN && <p className="small muted">…and {attention.weak.count - ATTENTION_SHOWN} more.</p>}
      </section>

      <div className="grid-2">
        {/* Keyed by the filters: a saved-view link navigates client-side, and the selects must show the new values. */}
        <form key={filterQuery} method="get" action="/" className="panel" role="search" aria-label="Filter the dashboard">
          <h2 style={{ marginTop: 0 }}>Filters</h2>
          <div className="filters">
            {select('negotiation', 'Negotiation', negotiationChoices, params.negotiation)}
            {select('party', 'Party', partyChoices, params.party)}
            {select('status', 'Status', ISSUE_STATUSES.map((st) => ({ value: st, label: label(st) })), params.status)}
            {select('priority', 'Priority', PRIORITIES.map((pr) => ({ value: pr, label: label(pr) })), params.priority)}
            <div className="field">
              <label htmlFor="dash-stale">Quiet for (days)</label>
              <input id="dash-stale" type="number" name="stale" min={1} max={3650} defaultValue={params.stale} />
            </div>
          </div>
          <p className="row">
            <button type="submit">Apply filters</button>
            <Link href="/">Clear filters</Link>
          </p>
        </form>
        <SavedViews page="dashboard" path="/" query={filterQuery} views={listSavedViews(db, user.id, 'dashboard')} saveAction={saveViewAction} deleteAction={deleteViewAction} />
      </div>
      {blocks.length === 0 && filtered && <p className="panel">No issues match these filters.</p>}
      {blocks.length === 0 && !filtered && (
        <p className="panel">
          No negotiations yet. <Link href="/negotiations/new">Create the first one</Link>.
        </p>
      )}
      {paged.pageCount > 1 && (
        <p className="small muted">
          Negotiations {paged.firstIndex + 1}–{paged.firstIndex + paged.items.length} of {blocks.length}; choose one in the filters to see it alone.
        </p>
      )}
      {paged.items.map((block) => (
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
                  <th scope="col">Trend</th>
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
                      <Link href={`/issues/${row.id}/convergence`}>
                        <TrendArrow trend={trends.get(row.id)} />
                      </Link>
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
                              <div className="small">{clip(cell.summary)}</div>
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
      <Pager label="Dashboard pages" page={paged.page} pageCount={paged.pageCount} href={(page) => (page > 1 || filterQuery ? `/?${dashboardQuery({ ...params, page })}` : '/')} />
    </>
  );
}
