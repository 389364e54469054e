import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { listNegotiationSummaries } from '@/db/queries/negotiation-list';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { hasRole } from '@/lib/roles';
import { label } from '@/lib/domain';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Negotiations' };

export default async function NegotiationsPage() {
  const { user, scope } = await requireReader();
  const canWrite = hasRole(user.role, 'analyst');
  const negotiations = listNegotiationSummaries(getDb(), scope);
  const canWriteIn = (id: number) => hasRole(roleIn(scope, id) ?? 'viewer', 'analyst');
  return (
    <>
      <div className="spread">
        <h1>Negotiations</h1>
        {canWrite && (
          <p className="row">
            <Link className="button" href="/negotiations/new">
              New negotiation
            </Link>
            <Link className="button secondary" href="/negotiations/import">
              Import a negotiation (JSON)
            </Link>
          </p>
        )}
      </div>
      {negotiations.length === 0 ? (
        <p className="panel">No negotiations yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Negotiations with their parties, issues and rounds</caption>
            <thead>
              <tr>
                <th scope="col">Negotiation</th>
                <th scope="col">Parties</th>
                <th scope="col">Issues</th>
                <th scope="col">Rounds</th>
                {canWrite && <th scope="col">Manage</th>}
              </tr>
            </thead>
            <tbody>
              {negotiations.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <Link href={`/negotiations/${n.id}`}>{n.name}</Link>
                    {n.marking && <span className="badge status"> {n.marking}</span>}
                    {n.access === 'restricted' && <span className="muted small"> · members only</span>}
                    {n.description && <div className="muted small">{n.description}</div>}
                  </th>
                  <td>
                    {n.parties.length === 0 ? (
                      <span className="muted">none seated</span>
                    ) : (
                      n.parties.map((p, i) => (
                        <span key={p.shortName + i}>
                          {i > 0 && ', '}
                          <abbr title={p.name}>{p.shortName}</abbr>
                          {p.role !== 'party' && <span className="muted small"> ({label(p.role)})</span>}
                        </span>
                      ))
                    )}
                  </td>
                  <td>{n.issueCount}</td>
                  <td>{n.roundCount}</td>
                  {canWrite && (
                    <td>
                      {canWriteIn(n.id) && (
                        <div className="row small">
                          <Link href={`/negotiations/${n.id}/edit`} aria-label={`Edit ${n.name}`}>
                            Edit
                          </Link>
                          <Link href={`/negotiations/${n.id}/issues/new`} aria-label={`New issue in ${n.name}`}>
                            New issue
                          </Link>
                        </div>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
