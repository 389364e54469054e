import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { getRoundPage } from '@/db/queries/rounds';
import { listIssuesOf } from '@/db/queries/negotiations';
import { listSourceChoices } from '@/db/queries/sources';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { todayIso } from '@/lib/dates';
import { parseId } from '@/lib/ids';
import { RoundForm } from '@/components/forms/RoundForm';
import { AgendaForm, ButtonForm, DelegationsForm, MoveRoundForm, OutcomeForm } from '@/components/forms/RoundDetailsForms';
import { SourceCitation } from '@/components/SourceCitation';
import { addOutcomeAction, agendaAction, delegationsAction, editRoundAction, moveRoundAction, removeOutcomeAction } from '@/app/rounds/[id]/actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit round' };

export default async function EditRoundPage({ params }: { params: Promise<{ id: string }> }) {
  const { scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const page = getRoundPage(db, scope, id, todayIso());
  if (!page) notFound();
  const { round } = page;
  if (!hasRole(roleIn(scope, round.negotiationId)!, 'analyst')) redirect(`/rounds/${id}`);
  const issues = listIssuesOf(db, scope, round.negotiationId);
  const sources = listSourceChoices(db, scope);

  return (
    <>
      <MarkingBanner marking={page.marking} />
      <p className="small">
        <Link href={`/negotiations/${round.negotiationId}`}>{page.negotiationName}</Link> › <Link href={`/rounds/${round.id}`}>{round.name}</Link>
      </p>
      <h1>Edit {round.name}</h1>

      <section className="panel" aria-labelledby="facts-heading">
        <h2 id="facts-heading">Facts</h2>
        <RoundForm action={editRoundAction} negotiationId={round.negotiationId} round={round} sources={sources} />
      </section>

      <section className="panel" aria-labelledby="order-heading">
        <h2 id="order-heading">Order</h2>
        <p className="small muted">Rounds are listed in this order on the negotiation page.</p>
        <div className="row">
          <MoveRoundForm action={moveRoundAction} roundId={round.id} version={round.version} direction="earlier" />
          <MoveRoundForm action={moveRoundAction} roundId={round.id} version={round.version} direction="later" />
        </div>
      </section>

      <section className="panel" aria-labelledby="delegations-heading">
        <h2 id="delegations-heading">Delegation heads</h2>
        <DelegationsForm
          action={delegationsAction}
          roundId={round.id}
          version={round.version}
          parties={page.parties}
          heads={Object.fromEntries(page.delegations.map((d) => [d.partyId, d.head]))}
        />
      </section>

      <section className="panel" aria-labelledby="agenda-heading">
        <h2 id="agenda-heading">Agenda</h2>
        <AgendaForm
          action={agendaAction}
          roundId={round.id}
          version={round.version}
          issues={[...issues, ...page.agenda.filter((a) => !issues.some((i) => i.id === a.id))]}
          onAgenda={page.agenda.map((a) => a.id)}
        />
      </section>

      <section className="panel" aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">Outcomes</h2>
        {page.outcomes.length === 0 ? (
          <p className="muted">No outcomes recorded.</p>
        ) : (
          <ul className="history">
            {page.outcomes.map((o) => (
              <li key={o.id}>
                <div>{o.text}</div>
                {o.issueTitle && <div className="small">Issue: {o.issueTitle}</div>}
                <SourceCitation citation={o} showQuote={false} />
                <ButtonForm
                  action={removeOutcomeAction}
                  fields={{ outcomeId: o.id }}
                  label={`Remove outcome ${o.id}`}
                  confirm={{ question: 'Remove this outcome? It cannot be undone.', yes: 'Yes, remove' }}
                >
                  Remove
                </ButtonForm>
              </li>
            ))}
          </ul>
        )}
        <h3>Add an outcome</h3>
        <OutcomeForm action={addOutcomeAction} roundId={round.id} issues={issues.map((i) => ({ value: String(i.id), label: i.title }))} sources={sources} />
      </section>
    </>
  );
}
