import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { auditFilterChoices, listAudit, type AuditFilter } from '@/db/queries/audit';
import { requireUser } from '@/server/auth/current-user';
import { auditChanges } from '@/lib/audit-diff';
import { FilterSelect } from '@/components/ui/FilterSelect';
import { TextField } from '@/components/ui/Field';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Audit log' };

type Search = Record<string, string | string[] | undefined>;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function readFilter(q: Search): AuditFilter & { page: number } {
  const one = (k: string) => (typeof q[k] === 'string' ? (q[k] as string).trim() : '');
  const userId = Number(one('user'));
  const page = Number(one('page'));
  return {
    userId: Number.isInteger(userId) && userId > 0 ? userId : null,
    entity: one('entity').slice(0, 100) || null,
    action: one('action').slice(0, 100) || null,
    from: DAY.test(one('from')) ? one('from') : null,
    to: DAY.test(one('to')) ? one('to') : null,
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
}

function pageHref(filter: AuditFilter, page: number): string {
  const q = new URLSearchParams();
  if (filter.userId) q.set('user', String(filter.userId));
  if (filter.entity) q.set('entity', filter.entity);
  if (filter.action) q.set('action', filter.action);
  if (filter.from) q.set('from', filter.from);
  if (filter.to) q.set('to', filter.to);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `/admin/audit?${s}` : '/admin/audit';
}

/** Every write, who made it and what it changed. Read-only: nothing here edits or deletes a row. */
export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser();
  if (user.role !== 'admin') {
    return (
      <section className="panel">
        <h1>Audit log</h1>
        <p>Only an admin can read the audit log.</p>
      </section>
    );
  }
  const filter = readFilter(await searchParams);
  const db = getDb();
  const { rows, total, pages } = listAudit(db, filter, filter.page);
  const choices = auditFilterChoices(db);
  const page = Math.min(filter.page, pages);

  return (
    <>
      <h1>Audit log</h1>
      <p className="muted">Every write, newest first: who, when, what, and the fields it changed. The log cannot be edited.</p>
      <form method="get" action="/admin/audit" className="panel row" role="search" aria-label="Filter the audit log">
        <FilterSelect id="audit-user" name="user" label="User" all="Anyone" value={filter.userId} options={choices.people.map((p) => ({ value: p.id, label: `${p.name} (${p.email})` }))} />
        <FilterSelect id="audit-entity" name="entity" label="Entity" all="Any" value={filter.entity} options={choices.entities.map((e) => ({ value: e, label: e }))} />
        <FilterSelect id="audit-action" name="action" label="Action" all="Any" value={filter.action} options={choices.actions.map((a) => ({ value: a, label: a }))} />
        <TextField label="From" name="from" type="date" defaultValue={filter.from ?? ''} />
        <TextField label="To" name="to" type="date" defaultValue={filter.to ?? ''} />
        <div>
          <button type="submit">Filter</button> <Link href="/admin/audit">Clear</Link>
        </div>
      </form>

      <p aria-live="polite">
        {total} {total === 1 ? 'entry' : 'entries'}
        {pages > 1 && `, page ${page} of ${pages}`}
      </p>
      <div className="table-wrap">
        <table aria-label="Audit log entries">
          <thead>
            <tr>
              <th scope="col">When (UTC)</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Entity</th>
              <th scope="col">Changes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const changes = auditChanges(r.before, r.after);
              return (
                <tr key={r.id}>
                  <td className="small">{r.at.replace('T', ' ').slice(0, 19)}</td>
                  <td>{r.userName ?? <span className="muted">system</span>}</td>
                  <td>{r.action}</td>
                  <td>
                    {r.entity}
                    {r.entityId !== null && ` #${r.entityId}`}
                  </td>
                  <td className="small">
                    {changes.length === 0 ? (
                      <span className="muted">—</span>
                    ) : (
                      <ul className="history">
                        {changes.map((c) => (
                          <li key={c.key}>
                            <strong>{c.key}</strong>:{' '}
                            {c.before !== '—' && (
                              <>
                                <del>{c.before.slice(0, 300)}</del> →{' '}
                              </>
                            )}
                            <ins>{c.after.slice(0, 300)}</ins>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
            {rows.length === 0 && (
              <tr>
                <td colSpan={5}>No entries match these filters.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label="Audit log pages" className="row">
          {page > 1 && <Link href={pageHref(filter, page - 1)}>← Newer</Link>}
          <span>
            Page {page} of {pages}
          </span>
          {page < pages && <Link href={pageHref(filter, page + 1)}>Older →</Link>}
        </nav>
      )}
    </>
  );
}
