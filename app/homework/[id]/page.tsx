import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getHomework } from '@/db/queries/homework';
import { listIssuesOf, listRoundsOf, listSeatedParties } from '@/db/queries/negotiations';
import { currentReader, requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { getNegotiation } from '@/db/queries/negotiations';
import { hasRole } from '@/lib/roles';
import { formatStoredDate } from '@/lib/partial-date';
import { formatDate, todayIso } from '@/lib/dates';
import { parseId } from '@/lib/ids';
import { HomeworkStatus } from '@/components/homework/HomeworkTable';
import { HomeworkForm, HomeworkStatusForm } from '@/components/forms/HomeworkForm';
import { roundChoices } from '@/components/rounds/round-choices';
import { changeHomeworkStatusAction, editHomeworkAction } from '@/app/homework/actions';
import { NOT_FOUND_TITLE } from '@/app/not-found-title';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  const reader = await currentReader();
  return { title: (id !== null && reader && getHomework(getDb(), reader.scope, id, todayIso())?.item.title) || NOT_FOUND_TITLE };
}

export default async function HomeworkPage({ params }: Params) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const details = getHomework(db, scope, id, todayIso());
  if (!details) notFound();
  const { item, history } = details;
  const canWrite = hasRole(roleIn(scope, item.negotiationId)!, 'analyst');

  return (
    <>
      <MarkingBanner marking={getNegotiation(db, scope, item.negotiationId)?.marking} />
      <p className="small">
        <Link href={`/negotiations/${item.negotiationId}`}>{item.negotiationName}</Link> › <Link href="/homework">Homework</Link>
      </p>
      <h1>
        {item.title} {item.vague && <span className="badge vague">vague</span>}
      </h1>
      {item.state === 'due_round_cancelled' && (
        <p className="alert warning" role="note" aria-label="Due round cancelled">
          Its due round, <Link href={`/rounds/${item.dueRoundId}`}>{item.dueRoundName}</Link>, was cancelled
          {item.dueRoundStartsOn ? ` (it was planned for ${formatDate(item.dueRoundStartsOn)})` : ''}.{' '}
          {item.overdue ? 'It counts as overdue from the day the round was planned for. ' : 'It counts as overdue once the day the round was planned for has passed. '}
          {canWrite
            ? 'To move it, choose another round under “Due at round”, or a due date, in “Refine” below.'
            : 'An analyst can move it to another round or a due date.'}
        </p>
      )}
      <section className="panel" aria-label="Details">
        <dl className="facts">
          <dt>Status</dt>
          <dd>
            <HomeworkStatus status={item.status} state={item.state} overdue={item.overdue} />
          </dd>
          <dt>Owners</dt>
          <dd>{item.owners.map((o) => o.name).join(', ')}</dd>
          <dt>Issue</dt>
          <dd>{item.issueId ? <Link href={`/issues/${item.issueId}`}>{item.issueTitle}</Link> : <span className="muted">not tied to one issue</span>}</dd>
          <dt>Assigned at</dt>
          <dd>{item.assignedRoundId ? <Link href={`/rounds/${item.assignedRoundId}`}>{item.assignedRoundName}</Link> : <span className="muted">—</span>}</dd>
          <dt>Due</dt>
          <dd>
            {item.dueRoundId && <Link href={`/rounds/${item.dueRoundId}`}>{item.dueRoundName}</Link>}
            {item.state === 'due_round_cancelled' && ' (cancelled)'}
            {item.dueRoundId && item.dueOn && ', '}
            {item.dueOn && `by ${formatStoredDate(item.dueOn, item.dueOnPrecision, item.dueOnLabel)}`}
            {!item.dueRoundId && !item.dueOn && <span className="muted">no due round or date</span>}
          </dd>
          {item.resolution && (
            <>
              <dt>Resolution</dt>
              <dd>{item.resolution}</dd>
            </>
          )}
          <dt>Logged</dt>
          <dd>{formatDate(details.createdAt)}</dd>
        </dl>
        {item.description && item.description.split(/\n{2,}/).map((para, i) => <p key={i}>{para}</p>)}
      </section>

      {canWrite && (
        <div className="grid-2">
          <section className="panel" aria-labelledby="status-heading">
            <h2 id="status-heading">Change the status</h2>
            <HomeworkStatusForm action={changeHomeworkStatusAction} homeworkId={item.id} version={item.version} status={item.status} resolution={item.resolution} />
          </section>
          <section className="panel" aria-labelledby="refine-heading">
            <h2 id="refine-heading">Refine</h2>
            <details open>
              <summary>Edit every field{item.vague ? ' (make this vague item specific)' : ''}</summary>
              <HomeworkForm
                action={editHomeworkAction}
                negotiationId={item.negotiationId}
                parties={listSeatedParties(db, scope, item.negotiationId).map((p) => ({ value: String(p.id), label: p.name }))}
                issues={listIssuesOf(db, scope, item.negotiationId).map((i) => ({ value: String(i.id), label: i.title }))}
                rounds={roundChoices(listRoundsOf(db, scope, item.negotiationId))}
                item={{
                  id: item.id,
                  version: item.version,
                  title: item.title,
                  description: item.description,
                  vague: item.vague,
                  issueId: item.issueId,
                  ownerPartyIds: item.owners.map((o) => o.id),
                  assignedRoundId: item.assignedRoundId,
                  dueRoundId: item.dueRoundId,
                  dueOn: item.dueOn,
                  dueOnPrecision: item.dueOnPrecision,
                  dueOnLabel: item.dueOnLabel,
                  status: item.status,
                  resolution: item.resolution,
                }}
              />
            </details>
          </section>
        </div>
      )}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">History</h2>
        {history.length === 0 ? (
          <p className="muted">Not changed since it was logged.</p>
        ) : (
          <ol className="history panel" aria-label="Revisions">
            {history.map((r) => (
              <li key={r.id}>
                <div className="small">
                  <strong>{formatDate(r.changedAt)}</strong> by {r.changedBy}
                </div>
                {r.changes.length === 0 ? (
                  <div className="muted small">saved without changes</div>
                ) : (
                  <ul>
                    {r.changes.map((c) => (
                      <li key={c.field}>
                        {c.field}: <del>{c.from}</del> → <ins>{c.to}</ins>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ol>
        )}
      </section>
    </>
  );
}
