import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { listActors, listParties, placesOfParties } from '@/db/queries/parties';
import { listNegotiations } from '@/db/queries/negotiations';
import { roleIn } from '@/db/queries/access';
import { requireReader } from '@/server/auth/reader';
import { hasRole } from '@/lib/roles';
import { label } from '@/lib/domain';
import { groupBy } from '@/lib/group-by';
import { ActorForm, PartyForm } from '@/components/forms/PartyForms';
import { affiliationText } from '@/components/parties/affiliation-text';
import { createActorAction, createPartyAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Parties & actors' };

export default async function PartiesPage() {
  const { user, scope } = await requireReader();
  const canWrite = hasRole(user.role, 'analyst');
  const db = getDb();
  const parties = listParties(db, scope);
  const placesOf = groupBy(placesOfParties(db, scope), (p) => p.partyId);
  const people = listActors(db, scope);
  // An actor is added where the reader may write.
  const negotiations = listNegotiations(db, scope).filter((n) => hasRole(roleIn(scope, n.id) ?? 'viewer', 'analyst'));
  return (
    <>
      <h1>Parties &amp; actors</h1>
      <p className="muted">
        A party is a side at the table, the same party in every negotiation; what a negotiation says of it and who speaks for it there belong to
        that negotiation. An actor is a person who speaks for a party in a negotiation.
      </p>
      {parties.length === 0 ? (
        <p className="panel">No parties yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Parties with the negotiations they are in</caption>
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Short name</th>
                <th scope="col">In negotiations</th>
                {canWrite && <th scope="col">Manage</th>}
              </tr>
            </thead>
            <tbody>
              {parties.map((p) => {
                const places = placesOf.get(p.id) ?? [];
                return (
                  <tr key={p.id}>
                    <th scope="row">
                      <Link href={`/parties/${p.id}`}>{p.name}</Link>
                    </th>
                    <td>{p.shortName}</td>
                    <td>
                      {places.length === 0 ? (
                        <span className="muted">none yet</span>
                      ) : (
                        <ul className="plain-list">
                          {places.map((place) => (
                            <li key={place.negotiationId}>
                              {place.negotiationName} <span className="muted small">({place.role ? label(place.role) : 'named, not seated'})</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    {canWrite && (
                      <td>
                        <Link href={`/parties/${p.id}/edit`} aria-label={`Edit ${p.name}`}>
                          Edit
                        </Link>
                      </td>
                    )}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <section className="panel" aria-labelledby="people">
        <h2 id="people">Actors</h2>
        {people.length === 0 ? (
          <p className="muted">None recorded.</p>
        ) : (
          <ul className="plain-list">
            {people.map((a) => (
              <li key={a.id} id={`actor-${a.id}`}>
                <strong>{a.name}</strong>
                {a.affiliations.length === 0 ? (
                  <div className="muted small">In no negotiation yet.</div>
                ) : (
                  <ul>
                    {a.affiliations.map((f) => (
                      <li key={f.id} className="small">
                        {affiliationText({ ...f, party: f.partyName ?? 'no party' })} <span className="muted">in {f.negotiationName}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      {canWrite && (
        <div className="grid-2">
          <section className="panel" aria-labelledby="add-party">
            <h2 id="add-party">Add a party</h2>
            <PartyForm action={createPartyAction} submitLabel="Add party" />
          </section>
          <section className="panel" aria-labelledby="add-actor">
            <h2 id="add-actor">Add an actor</h2>
            <p className="small muted">Someone who speaks for a party in one negotiation, with their title there.</p>
            <ActorForm
              action={createActorAction}
              negotiations={negotiations.map((n) => ({ value: String(n.id), label: n.name }))}
              parties={parties.map((p) => ({ value: String(p.id), label: p.name }))}
            />
          </section>
        </div>
      )}
    </>
  );
}
