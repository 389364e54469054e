import Link from 'next/link';
import { label } from '@/lib/domain';
import { formatStoredDate } from '@/lib/partial-date';

export type HomeworkTableRow = {
  id: number;
  title: string;
  vague: boolean;
  negotiationName: string;
  owners: { id: number; name: string; shortName: string }[];
  issueId: number | null;
  issueTitle: string | null;
  assignedRoundId: number | null;
  assignedRoundName: string | null;
  dueRoundId: number | null;
  dueRoundName: string | null;
  /** The due round's start as precisely as known: shown beside it when it is vague ("in the coming weeks"). */
  dueRoundStartsOn?: string | null;
  dueRoundStartsOnPrecision?: string | null;
  dueRoundStartsOnLabel?: string | null;
  dueOn: string | null;
  dueOnPrecision?: string;
  dueOnLabel?: string;
  status: string;
  resolution: string;
  overdue: boolean;
  /** lib/homework.ts homeworkState: the stored status, 'overdue', 'overdue_estimated' or 'due_round_cancelled'. */
  state: string;
};

/** The stored status, then what needs attention: overdue, or a due round that was cancelled (overdue or not yet). */
export function HomeworkStatus({ status, state, overdue }: { status: string; state: string; overdue: boolean }) {
  return (
    <span className="row">
      <span className={`badge status homework-${status}`}>{label(status)}</span>
      {state === 'due_round_cancelled' ? (
        <span className="badge overdue" title={overdue ? 'Overdue: the day its due round was planned for has passed' : 'Needs a new due round or date'}>
          due round cancelled{overdue ? ', overdue' : ''}
        </span>
      ) : state === 'overdue_estimated' ? (
        <span className="badge overdue" title="The whole window of its vague due date or due round has passed">
          overdue (estimated)
        </span>
      ) : (
        overdue && <span className="badge overdue">overdue</span>
      )}
    </span>
  );
}

/** Homework items as a table; `showNegotiation` adds a column when items come from several negotiations. */
export function HomeworkTable({ caption, rows, showNegotiation = false }: { caption: string; rows: HomeworkTableRow[]; showNegotiation?: boolean }) {
  if (rows.length === 0) return <p className="muted">{caption}: none.</p>;
  return (
    <div className="table-wrap">
      <table className="homework-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Homework</th>
            {showNegotiation && <th scope="col">Negotiation</th>}
            <th scope="col">Owners</th>
            <th scope="col">Issue</th>
            <th scope="col">Assigned at</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((h) => (
            <tr key={h.id}>
              <th scope="row">
                <Link href={`/homework/${h.id}`}>{h.title}</Link> {h.vague && <span className="badge vague">vague</span>}
              </th>
              {showNegotiation && <td>{h.negotiationName}</td>}
              <td>
                {h.owners.map((o) => (
                  <abbr key={o.id} title={o.name} className="owner">
                    {o.shortName}
                  </abbr>
                ))}
              </td>
              <td>{h.issueId ? <Link href={`/issues/${h.issueId}`}>{h.issueTitle}</Link> : <span className="muted">—</span>}</td>
              <td>{h.assignedRoundId ? <Link href={`/rounds/${h.assignedRoundId}`}>{h.assignedRoundName}</Link> : <span className="muted">—</span>}</td>
              <td>
                {h.dueRoundId && <Link href={`/rounds/${h.dueRoundId}`}>{h.dueRoundName}</Link>}
                {h.state === 'due_round_cancelled' && <span className="muted small"> (cancelled)</span>}
                {h.dueRoundId && h.state !== 'due_round_cancelled' && h.dueRoundStartsOnPrecision && h.dueRoundStartsOnPrecision !== 'day' && (
                  <span className="muted small">, {formatStoredDate(h.dueRoundStartsOn, h.dueRoundStartsOnPrecision, h.dueRoundStartsOnLabel)}</span>
                )}
                {h.dueRoundId && h.dueOn && <br />}
                {h.dueOn && <span>by {formatStoredDate(h.dueOn, h.dueOnPrecision, h.dueOnLabel)}</span>}
                {!h.dueRoundId && !h.dueOn && <span className="muted">—</span>}
              </td>
              <td>
                <HomeworkStatus status={h.status} state={h.state} overdue={h.overdue} />
                {h.resolution && <div className="small">{h.resolution}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
