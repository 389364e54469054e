import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getParty, listActors } from '@/db/queries/parties';
import { requireReader } from '@/server/auth/reader';
import { hasRole } from '@/lib/roles';
import { parseId } from '@/lib/ids';
import { Refusal } from '@/components/Refusal';
import { ActorForm, PartyForm } from '@/components/forms/PartyForms';
import { createActorAction, updatePartyAction } from '@/app/parties/actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit party' };

export default async function EditPartyPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const party = getParty(db, scope, id);
  if (!party) notFound();
  if (!hasRole(user.role, 'analyst')) return <Refusal needed="analyst" what="Editing a party" />;
  const actors = listActors(db, scope).filter((a) => a.partyId === id);
  return (
    <>
      <p className="small">
        <Link href="/parties">Parties &amp; actors</Link>
      </p>
      <h1>Edit {party.name}</h1>
      <section className="panel">
        <PartyForm action={updatePartyAction.bind(null, id)} party={party} submitLabel="Save party" />
      </section>
      <section className="panel" aria-labelledby="actors">
        <h2 id="actors">Actors of {party.name}</h2>
        {actors.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <ul>
            {actors.map((a) => (
              <li key={a.id}>
                {a.name}
                {a.title && <span className="muted small"> — {a.title}</span>}
              </li>
            ))}
          </ul>
        )}
        <ActorForm action={createActorAction} parties={[{ value: String(party.id), label: party.name }]} partyId={party.id} />
      </section>
    </>
  );
}
