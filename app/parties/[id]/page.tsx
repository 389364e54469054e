import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { affiliationsOfParty, getParty, partyInNegotiations } from '@/db/queries/parties';
import { currentReader, requireReader } from '@/server/auth/reader';
import { hasRole } from '@/lib/roles';
import { label } from '@/lib/domain';
import { groupBy } from '@/lib/group-by';
import { parseId } from '@/lib/ids';
import { affiliationText } from '@/components/parties/affiliation-text';
import { NOT_FOUND_TITLE } from '@/app/not-found-title';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  const reader = await currentReader();
  return { title: (id !== null && reader && getParty(getDb(), reader.scope, id)?.name) || NOT_FOUND_TITLE };
}

/** A party, and negotiation by negotiation what is said of it there and who speaks for it. */
export default async function PartyPage({ params }: Params) {
  const { user, scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const party = getParty(db, scope, id);
  if (!party) notFound();
  const places = partyInNegotiations(db, scope, id);
  const peopleIn = groupBy(affiliationsOfParty(db, scope, id), (f) => f.negotiationId);
  return (
    <>
      <p className="small">
        <Link href="/parties">Parties &amp; actors</Link>
      </p>
      <div className="spread">
        <h1>
          {party.name} <span className="muted small">({party.shortName})</span>
        </h1>
        {hasRole(user.role, 'analyst') && (
          <Link className="button secondary" href={`/parties/${id}/edit`}>
            Edit party
          </Link>
        )}
      </div>
      {places.length === 0 && <p className="panel muted">In no negotiation yet.</p>}
      {places.map((place) => {
        const people = peopleIn.get(place.negotiationId) ?? [];
        return (
          <section key={place.negotiationId} className="panel" aria-labelledby={`in-${place.negotiationId}`}>
            <h2 id={`in-${place.negotiationId}`}>
              <Link href={`/negotiations/${place.negotiationId}`}>{place.negotiationName}</Link>{' '}
              <span className="muted small">({place.role ? label(place.role) : 'named, not seated'})</span>
            </h2>
            {place.description ? <p>{place.description}</p> : <p className="muted">Nothing said of {party.name} here yet.</p>}
            {place.note && <p className="small">{place.note}</p>}
            <h3>Who speaks for {party.name} here</h3>
            {people.length === 0 ? (
              <p className="muted">No one recorded.</p>
            ) : (
              <ul>
                {people.map((f) => (
                  <li key={f.id} id={`affiliation-${f.id}`}>
                    <Link href={`/parties#actor-${f.actorId}`}>{f.actorName}</Link>
                    {affiliationText(f) && <span className="muted small"> — {affiliationText(f)}</span>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </>
  );
}
