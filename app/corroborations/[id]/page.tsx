import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getCorroboration } from '@/db/queries/corroborations';
import { currentReader, requireReader } from '@/server/auth/reader';
import { hasRole } from '@/lib/roles';
import { formatDate } from '@/lib/dates';
import { parseId } from '@/lib/ids';
import { Markdown } from '@/components/Markdown';
import { SourceChain } from '@/components/SourceChain';
import { VerdictBadge } from '@/components/VerdictBadge';
import { AddMemberForm, MarkForm, RemoveMemberForm } from '@/components/forms/CorroborationForms';
import { addMemberAction, markAction, removeMemberAction } from '@/app/corroborations/actions';
import { NOT_FOUND_TITLE } from '@/app/not-found-title';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  const reader = await currentReader();
  const group = id !== null && reader ? getCorroboration(getDb(), reader.scope, id) : undefined;
  return { title: group?.label ?? NOT_FOUND_TITLE };
}

export default async function CorroborationPage({ params }: Params) {
  const { user, scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const group = getCorroboration(getDb(), scope, id);
  if (!group) notFound();
  const canWrite = hasRole(user.role, 'analyst');
  const withFigures = group.members.filter((m) => m.numbers.length > 0);

  return (
    <>
      <p className="small">
        <Link href="/corroborations">Sources agree or differ</Link>
      </p>
      <h1>{group.label}</h1>
      <section className="panel" aria-label="Summary">
        <dl className="facts">
          <dt>Independent outlets</dt>
          <dd>
            <strong>{group.outlets.length}</strong> ({group.outlets.join(', ')}) <span className="small muted">— a relayed report counts for the outlet it comes from</span>
          </dd>
          <dt>Verdict</dt>
          <dd>
            <VerdictBadge verdict={group.verdict} marked={group.consistent !== null} />
            {group.figuresDiffer && group.consistent === true && <span className="small"> — the figures differ, and an analyst marked them consistent</span>}
          </dd>
          {group.note && (
            <>
              <dt>Analyst&apos;s note</dt>
              <dd>{group.note}</dd>
            </>
          )}
        </dl>
        {withFigures.length > 0 && (
          <>
            <h2>Figures side by side</h2>
            <ul className="figures" aria-label="Figures each update reports">
              {withFigures.map((m) => (
                <li key={m.updateId} className="panel">
                  <div className="small muted">Update {m.updateId} ({[...new Set(m.sources.map((s) => s.chainText))].join('; ')})</div>
                  <strong>{m.numbers.join(', ')}</strong>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <h2>The reports</h2>
      {group.members.map((m) => (
        <section key={m.updateId} className="panel" aria-labelledby={`member-${m.updateId}`}>
          <h3 id={`member-${m.updateId}`} style={{ marginTop: 0 }}>
            Update {m.updateId}, {formatDate(m.occurredOn)}
            {m.roundName ? ` — ${m.roundName}` : ''}
          </h3>
          <p className="small muted">{m.negotiationName}</p>
          <Markdown text={m.body} />
          <h4>Sources</h4>
          {m.sources.length === 0 ? (
            <p className="muted">No source cited.</p>
          ) : (
            <ul>
              {m.sources.map((s) => (
                <li key={s.id}>
                  <SourceChain chain={s.chain} />
                  {s.title && <span className="small">, “{s.title}”</span>}
                  <span className="small"> — credibility {s.credibility}</span>
                  {s.quote && <blockquote>“{s.quote}”</blockquote>}
                </li>
              ))}
            </ul>
          )}
          {canWrite && <RemoveMemberForm action={removeMemberAction} corroborationId={group.id} updateId={m.updateId} />}
        </section>
      ))}

      {canWrite && (
        <div className="grid-2">
          <section className="panel" aria-labelledby="verdict-form">
            <h2 id="verdict-form" style={{ marginTop: 0 }}>
              Judge the reports
            </h2>
            <MarkForm action={markAction} corroborationId={group.id} version={group.version} consistent={group.consistent} note={group.note} />
          </section>
          <section className="panel" aria-labelledby="add-form">
            <h2 id="add-form" style={{ marginTop: 0 }}>
              Add an update
            </h2>
            <AddMemberForm action={addMemberAction} corroborationId={group.id} />
          </section>
        </div>
      )}
    </>
  );
}
