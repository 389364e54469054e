import Link from 'next/link';
import type { Deadline } from '@/db/queries/deadlines';
import { daysBetween } from '@/lib/dates';
import { hrefOf } from '@/lib/links';
import { DaysLeft } from './Badges';

const KIND_LABEL: Record<Deadline['kind'], string> = { key_date: 'key date', round: 'round', homework: 'homework' };

export function DeadlineList({ deadlines, today, showNegotiation = true }: { deadlines: Deadline[]; today: string; showNegotiation?: boolean }) {
  if (deadlines.length === 0) return <p className="muted">Nothing due.</p>;
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Days left</th>
            <th scope="col">What</th>
            <th scope="col">Kind</th>
            {showNegotiation && <th scope="col">Negotiation</th>}
          </tr>
        </thead>
        <tbody>
          {deadlines.map((d) => (
            <tr key={d.uid}>
              <td>{d.date ? d.when : <span className="muted">{d.approx || 'no date yet'}</span>}</td>
              <td>{d.until ? <DaysLeft days={daysBetween(today, d.until)} estimated={d.estimated} /> : '—'}</td>
              <td>
                <Link href={hrefOf(d.target)}>{d.title}</Link>
                {d.detail && <div className="muted small">{d.detail}</div>}
              </td>
              <td>{KIND_LABEL[d.kind]}</td>
              {showNegotiation && <td>{d.negotiationName}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
