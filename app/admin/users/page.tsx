import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/server/db';
import { listUsers } from '@/db/queries/users';
import { requireUser } from '@/server/auth/current-user';
import { PASSWORD_RULES } from '@/lib/validation/password';
import { formatDate } from '@/lib/dates';
import { Refusal } from '@/components/Refusal';
import { NewUserForm, PasswordResetForm, UserDisabledForm, UserRoleForm } from '@/components/forms/UserForms';
import { changeRoleAction, createUserAction, resetPasswordAction, setDisabledAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const me = await requireUser();
  if (me.role !== 'admin') return <Refusal needed="admin" what="Managing users" />;
  const users = listUsers(getDb());
  return (
    <>
      <h1>Users</h1>
      <p className="muted">
        Viewers read everything; analysts also log updates and edit negotiations; admins also manage users. A change of role or access applies from the
        user&apos;s next request; it, and a password reset, end all their sessions and API tokens. See the{' '}
        <Link href="/admin/tokens">API tokens of all users</Link>.
      </p>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Users</caption>
          <thead>
            <tr>
              <th scope="col">User</th>
              <th scope="col">Role</th>
              <th scope="col">Access</th>
              <th scope="col">Password</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const self = u.id === me.id;
              return (
                <tr key={u.id} className={u.disabled ? 'muted' : undefined}>
                  <th scope="row">
                    {u.name}
                    <div className="small">{u.email}</div>
                    <div className="muted small">since {formatDate(u.createdAt)}</div>
                  </th>
                  <td>
                    {self ? (
                      <>
                        <strong>{u.role}</strong>
                        <div className="muted small">This is you: another admin can change your role.</div>
                      </>
                    ) : (
                      <UserRoleForm action={changeRoleAction} user={u} />
                    )}
                  </td>
                  <td>
                    <div>{u.disabled ? <span className="badge overdue">disabled</span> : <span className="badge status">active</span>}</div>
                    {self ? (
                      <div className="muted small">You cannot disable yourself.</div>
                    ) : (
                      <UserDisabledForm action={setDisabledAction} user={u} />
                    )}
                  </td>
                  <td>
                    <PasswordResetForm action={resetPasswordAction} user={u} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <section className="panel" aria-labelledby="new-user">
        <h2 id="new-user">Create a user</h2>
        <NewUserForm action={createUserAction} passwordRules={PASSWORD_RULES} />
      </section>
    </>
  );
}
