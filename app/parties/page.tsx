import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { listActors, listParties } from '@/db/queries/parties';
import { requireReader } from '@/server/auth/reader';
import { hasRole } from '@/lib/roles';
import { ActorForm, PartyForm } from '@/components/forms/PartyForms';
import { createActorAction, createPartyAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Parties & actors' };

export default async function PartiesPage() {
  const { user, scope } = await requireReader();
  const canWrite = hasRole(user.role, 'analyst');
  const db = getDb();
  const parties = listParties(db, scope);
  const actors = listActors(db, scope);
  const unaffiliated = actors.filter((a) => a.partyId === null);
  return (
    <>
      <h1>Parties &amp; actors</h1>
      <p className="muted">A party is a side at the table; an actor is a person who speaks for one.</p>
      {parties.length === 0 ? (
        <p className="panel">No parties yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Parties with their actors</caption>
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Short name</th>
                <th scope="col">Actors</th>
                {canWrite && <th scope="col">Manage</th>}
              </tr>
            </thead>
            <tbody>
              {parties.map((p) => {
                const own = actors.filter((a) => a.partyId === p.id);
                return (
                  <tr key={p.id}>
                    <th scope="row">
                      {p.name}
                      {p.description && <div className="muted small">{p.description}</div>}
                    </th>
                    <td>{p.shortName}</td>
                    <td>
                      {own.length === 0 ? (
                        <span className="muted">none recorded</span>
                      ) : (
                        <ul className="plain-list">
                          {own.map((a) => (
                            <li key={a.id}>
                              {a.name}
                              {a.title && <span className="muted small"> — {a.title}</span>}
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
      {unaffiliated.length > 0 && (
        <section className="panel" aria-labelledby="unaffiliated">
          <h2 id="unaffiliated">Actors without a party</h2>
          <ul>
            {unaffiliated.map((a) => (
              <li key={a.id}>
                {a.name}
                {a.title && <span className="muted small"> — {a.title}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      {canWrite && (
        <div className="grid-2">
          <section className="panel" aria-labelledby="add-party">
            <h2 id="add-party">Add a party</h2>
            <PartyForm action={createPartyAction} submitLabel="Add party" />
          </section>
          <section className="panel" aria-labelledby="add-actor">
            <h2 id="add-actor">Add an actor</h2>
            <ActorForm action={createActorAction} parties={parties.map((p) => ({ value: String(p.id), label: p.name }))} />
          </section>
        </div>
      )}
    </>
  );
}
