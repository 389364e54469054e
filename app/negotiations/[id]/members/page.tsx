import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { getNegotiation } from '@/db/queries/negotiations';
import { listMembers, roleIn } from '@/db/queries/access';
import { listUsers } from '@/db/queries/users';
import { currentReader, requireReader } from '@/server/auth/reader';
import { hasRole } from '@/lib/roles';
import { effectiveRole } from '@/lib/access';
import { parseId } from '@/lib/ids';
import { Refusal } from '@/components/Refusal';
import { MarkingBanner } from '@/components/MarkingBanner';
import { AddMemberForm, MemberRoleForm, RemoveMemberForm } from '@/components/forms/MemberForms';
import { removeNegotiationMemberAction, setNegotiationMemberAction } from './actions';
import { NOT_FOUND_TITLE } from '@/app/not-found-title';

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const id = parseId((await params).id);
  const reader = await currentReader();
  const negotiation = id !== null && reader ? getNegotiation(getDb(), reader.scope, id) : undefined;
  return { title: negotiation ? `Members of ${negotiation.name}` : NOT_FOUND_TITLE };
}

/** Who may read a negotiation: admins manage it here; its analysts see who else is on it (docs/decisions/0017). */
export default async function MembersPage({ params }: Params) {
  const { user, scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const negotiation = getNegotiation(db, scope, id);
  if (!negotiation) notFound();
  if (!hasRole(roleIn(scope, id)!, 'analyst')) return <Refusal needed="analyst" what="Seeing who is on a negotiation" />;
  const admin = user.role === 'admin';
  const members = listMembers(db, scope, id);
  const memberIds = new Set(members.map((m) => m.userId));
  const others = admin
    ? listUsers(db)
        .filter((u) => !memberIds.has(u.id) && !u.disabled)
        .map((u) => ({ value: String(u.id), label: `${u.name} (${u.email}, ${u.role})` }))
    : [];

  return (
    <>
      <MarkingBanner marking={negotiation.marking} />
      <p className="small">
        <Link href="/negotiations">Negotiations</Link> › <Link href={`/negotiations/${id}`}>{negotiation.name}</Link>
      </p>
      <h1>Members of {negotiation.name}</h1>
      <p>
        {negotiation.access === 'open'
          ? 'Open: every signed-in user reads it with their own role. Its members keep their access, with the role below, if it is restricted.'
          : 'Restricted: only its members, with the role below, and the admins can read it. Others do not see that it exists.'}{' '}
        {hasRole(roleIn(scope, id)!, 'analyst') && <Link href={`/negotiations/${id}/edit`}>Change who may read it</Link>}
      </p>
      <section className="panel" aria-labelledby="members">
        <h2 id="members">Members</h2>
        {members.length === 0 ? (
          <p className="muted">No members: only the admins can read it while it is restricted.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Role here</th>
                  {admin && <th scope="col">Manage</th>}
                </tr>
              </thead>
              <tbody>
                {members.map((m) => {
                  const here = effectiveRole(m.userRole, 'restricted', m.role);
                  return (
                    <tr key={m.userId} className={m.disabled ? 'muted' : undefined}>
                      <th scope="row">
                        {m.name}
                        <div className="small">{m.email}</div>
                        {m.disabled && <span className="badge overdue">disabled</span>}
                      </th>
                      <td>
                        {admin ? <MemberRoleForm action={setNegotiationMemberAction} negotiationId={id} member={m} /> : m.role}
                        {here === 'admin' ? (
                          <div className="muted small">An admin: sees and manages every negotiation.</div>
                        ) : (
                          here !== m.role && <div className="muted small">Reads as a {here}: their own role is {m.userRole}.</div>
                        )}
                      </td>
                      {admin && (
                        <td>
                          <RemoveMemberForm action={removeNegotiationMemberAction} negotiationId={id} member={m} />
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {admin && (
        <section className="panel" aria-labelledby="add-member">
          <h2 id="add-member">Add a member</h2>
          {others.length === 0 ? <p className="muted">Every active user is a member already.</p> : <AddMemberForm action={setNegotiationMemberAction} negotiationId={id} users={others} />}
        </section>
      )}
    </>
  );
}
