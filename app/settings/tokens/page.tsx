import type { Metadata } from 'next';
import { getDb } from '@/server/db';
import { listTokensOf } from '@/db/queries/tokens';
import { requireUser } from '@/server/auth/current-user';
import { CreateTokenForm } from '@/components/tokens/CreateTokenForm';
import { TokenTable } from '@/components/tokens/TokenTable';
import { createTokenAction, revokeTokenAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API tokens' };

export default async function TokensPage() {
  const user = await requireUser();
  const tokens = listTokensOf(getDb(), user.id);
  return (
    <>
      <h1>API tokens</h1>
      <p>
        A personal token lets a script call the JSON API (<code>GET /api/negotiations</code>, <code>GET /api/negotiations/{'{id}'}/export.json</code>,{' '}
        <code>POST /api/negotiations/import</code>) with the header <code>Authorization: Bearer …</code>, and a feed reader or calendar read a feed
        with <code>?token=…</code> in its address. A <strong>read-only</strong> token reads and never writes; only a read-only token is taken in an
        address. A <strong>full-access</strong> token acts with your role (<strong>{user.role}</strong>):{' '}
        {user.role === 'viewer' ? 'it can read but not change anything.' : 'it can read and import.'} Every token ends on the date chosen when it is
        made, and all of them end when your password is changed or reset, or your role or access changes. Only a hash of each token is stored. A token sees the negotiations you see, as your memberships stand at each call.
      </p>

      <section className="panel" aria-labelledby="new-token-heading">
        <h2 id="new-token-heading">Create a token</h2>
        <CreateTokenForm action={createTokenAction} />
      </section>

      <h2>Your tokens</h2>
      {tokens.length === 0 ? (
        <p className="muted">You have no tokens yet.</p>
      ) : (
        <TokenTable tokens={tokens} label="Your tokens" now={new Date().toISOString()} revoke={revokeTokenAction} />
      )}
    </>
  );
}
