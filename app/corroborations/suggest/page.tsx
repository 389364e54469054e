import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { suggestCorroborations } from '@/db/queries/corroborations';
import { requireReader } from '@/server/auth/reader';
import { hasRole } from '@/lib/roles';
import { formatDate } from '@/lib/dates';
import { Markdown } from '@/components/Markdown';
import { GroupPairForm } from '@/components/forms/CorroborationForms';
import { groupPairAction } from '@/app/corroborations/actions';

export const metadata: Metadata = { title: 'Suggested groups' };
export const dynamic = 'force-dynamic';

export default async function SuggestPage() {
  const { user, scope } = await requireReader();
  const pairs = suggestCorroborations(getDb(), scope);
  const canWrite = hasRole(user.role, 'analyst');
  return (
    <>
      <p className="small">
        <Link href="/corroborations">Sources agree or differ</Link>
      </p>
      <h1>Suggested groups</h1>
      <p className="muted">
        Pairs of updates not yet grouped that may report the same event: dated at most a day apart, on a shared issue, with words in common. The 20 closest
        first.
      </p>
      {pairs.length === 0 && <p className="panel">No suggestions.</p>}
      {pairs.map((p) => (
        <section key={`${p.a.id}-${p.b.id}`} className="panel" aria-label={`Updates ${p.a.id} and ${p.b.id}`}>
          <div className="row small">
            <strong>
              {Math.round(p.score * 100)}% words in common
            </strong>
            <span>on {p.sharedIssues.join(', ')}</span>
            {p.existingGroup && (
              <span>
                one is already in <Link href={`/corroborations/${p.existingGroup.id}`}>{p.existingGroup.label}</Link>
              </span>
            )}
          </div>
          <div className="grid-2">
            {[p.a, p.b].map((u) => (
              <div key={u.id}>
                <h2 className="small" style={{ margin: '0.5rem 0' }}>
                  Update {u.id}, {formatDate(u.occurredOn)}
                </h2>
                <Markdown text={u.body} />
              </div>
            ))}
          </div>
          <p className="small muted">Shared words: {p.sharedWords.slice(0, 15).join(', ')}</p>
          {canWrite && (
            <GroupPairForm action={groupPairAction} updateA={p.a.id} updateB={p.b.id} existingGroup={p.existingGroup} defaultLabel={`${p.sharedIssues[0]}, ${formatDate(p.a.occurredOn)}`} />
          )}
        </section>
      ))}
    </>
  );
}
