import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { affiliationsOfParty, getParty } from '@/db/queries/parties';
import { listNegotiations } from '@/db/queries/negotiations';
import { roleIn } from '@/db/queries/access';
import { requireReader } from '@/server/auth/reader';
import { hasRole } from '@/lib/roles';
import { groupBy } from '@/lib/group-by';
import { parseId } from '@/lib/ids';
import { Refusal } from '@/components/Refusal';
import { ActorForm, AffiliationForm, PartyForm } from '@/components/forms/PartyForms';
import { createActorAction, updateAffiliationAction, updatePartyAction } from '@/app/parties/actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit party' };

export default async function EditPartyPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const party = getParty(db, scope, id);
  if (!party) notFound();
  if (!hasRole(user.role, 'analyst')) return <Refusal needed="analyst" what="Editing a party" />;
  const negotiations = listNegotiations(db, scope);
  // Where the reader may write: a viewer of a restricted negotiation reads its people without a form.
  const writable = new Set(negotiations.filter((n) => hasRole(roleIn(scope, n.id) ?? 'viewer', 'analyst')).map((n) => n.id));
  const peopleIn = groupBy(affiliationsOfParty(db, scope, id), (f) => f.negotiationId);
  return (
    <>
      <p className="small">
        <Link href="/parties">Parties &amp; actors</Link> › <Link href={`/parties/${id}`}>{party.name}</Link>
      </p>
      <h1>Edit {party.name}</h1>
      <section className="panel">
        <PartyForm action={updatePartyAction.bind(null, id)} party={party} submitLabel="Save party" />
        <p className="small muted">What a negotiation says of {party.name}, and its role there, are set on its seat, from the negotiation&apos;s edit page.</p>
      </section>
      <section className="panel" aria-labelledby="actors">
        <h2 id="actors">Actors of {party.name}</h2>
        {peopleIn.size === 0 && <p className="muted">None recorded.</p>}
        {negotiations
          .filter((n) => peopleIn.has(n.id))
          .map((n) => (
            <div key={n.id}>
              <h3>In {n.name}</h3>
              <ul className="plain-list">
                {peopleIn.get(n.id)!.map((f) => (
                  <li key={f.id}>
                    <strong>{f.actorName}</strong>
                    {writable.has(n.id) ? (
                      <AffiliationForm action={updateAffiliationAction.bind(null, f.id)} affiliation={{ ...f, negotiationName: n.name }} />
                    ) : (
                      f.title && <span>, {f.title}</span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        <h3>Add an actor of {party.name}</h3>
        <ActorForm
          action={createActorAction}
          negotiations={negotiations.filter((n) => writable.has(n.id)).map((n) => ({ value: String(n.id), label: n.name }))}
          parties={[{ value: String(party.id), label: party.name }]}
        />
      </section>
    </>
  );
}
