import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { listCorroborations } from '@/db/queries/corroborations';
import { requireReader } from '@/server/auth/reader';
import { hasRole } from '@/lib/roles';
import { formatDate } from '@/lib/dates';
import { VerdictBadge } from '@/components/VerdictBadge';
import { NewGroupForm } from '@/components/forms/CorroborationForms';
import { createCorroborationAction } from './actions';

export const metadata: Metadata = { title: 'Sources agree or differ' };
export const dynamic = 'force-dynamic';

export default async function CorroborationsPage() {
  const { user, scope } = await requireReader();
  const groups = listCorroborations(getDb(), scope);
  const canWrite = hasRole(user.role, 'analyst');
  return (
    <>
      <div className="spread">
        <h1>Sources agree or differ</h1>
        <Link href="/corroborations/suggest">Suggested groups</Link>
      </div>
      <p className="muted">Updates that report the same event, grouped: how many independent outlets back the claim, and where they differ.</p>
      {groups.length === 0 ? (
        <p className="panel">No groups yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Groups of updates reporting the same event</caption>
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">Updates</th>
                <th scope="col">Independent outlets</th>
                <th scope="col">Verdict</th>
                <th scope="col">Dates</th>
              </tr>
            </thead>
            <tbody>
              {groups.map((g) => (
                <tr key={g.id}>
                  <th scope="row">
                    <Link href={`/corroborations/${g.id}`}>{g.label}</Link>
                    {g.note && <div className="small muted">{g.note}</div>}
                  </th>
                  <td>{g.members.length}</td>
                  <td>
                    {g.outlets.length} <span className="small muted">({g.outlets.join(', ')})</span>
                  </td>
                  <td>
                    <VerdictBadge verdict={g.verdict} marked={g.consistent !== null} />
                  </td>
                  <td className="small">{[...new Set(g.members.map((m) => formatDate(m.occurredOn)))].join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite && (
        <section className="panel" aria-labelledby="new-group">
          <h2 id="new-group" style={{ marginTop: 0 }}>
            Group updates that report the same event
          </h2>
          <NewGroupForm action={createCorroborationAction} />
        </section>
      )}
    </>
  );
}
