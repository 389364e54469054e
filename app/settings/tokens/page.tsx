import type { Metadata } from 'next';
import { getDb } from '@/server/db';
import { listTokensOf } from '@/db/queries/tokens';
import { requireUser } from '@/server/auth/current-user';
import { formatDate } from '@/lib/dates';
import { CreateTokenForm } from '@/components/tokens/CreateTokenForm';
import { RevokeTokenButton } from '@/components/tokens/RevokeTokenButton';
import { createTokenAction, revokeTokenAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API tokens' };

const when = (iso: string | null) => (iso ? `${formatDate(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC` : '—');

export default async function TokensPage() {
  const user = await requireUser();
  const tokens = listTokensOf(getDb(), user.id);
  return (
    <>
      <h1>API tokens</h1>
      <p>
        A personal token lets a script call the JSON API (<code>GET /api/negotiations</code>, <code>GET /api/negotiations/{'{id}'}/export.json</code>,{' '}
        <code>POST /api/negotiations/import</code>) with the header <code>Authorization: Bearer …</code>. A token acts with your role (
        <strong>{user.role}</strong>): {user.role === 'viewer' ? 'it can read but not change anything.' : 'it can read and import.'} Only a hash of each
        token is stored. It sees the negotiations you see, as your memberships stand at each call.
      </p>

      <section className="panel" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">Create a token</h2>
        <CreateTokenForm action={createTokenAction} />
      </section>

      <h2>Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="muted">You have no tokens yet.</p>
      ) : (
        <div className="table-wrap">
          <table aria-label="Your tokens">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.name}</th>
                  <td>{when(t.createdAt)}</td>
                  <td>{t.lastUsedAt ? when(t.lastUsedAt) : 'never'}</td>
                  <td>{t.revokedAt ? <span className="badge status-dropped">revoked {when(t.revokedAt)}</span> : <span className="badge status">active</span>}</td>
                  <td>{!t.revokedAt && <RevokeTokenButton tokenId={t.id} name={t.name} action={revokeTokenAction} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
