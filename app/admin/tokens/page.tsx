import type { Metadata } from 'next';
import { getDb } from '@/server/db';
import { listAllTokens } from '@/db/queries/tokens';
import { requireUser } from '@/server/auth/current-user';
import { Refusal } from '@/components/Refusal';
import { TokenTable } from '@/components/tokens/TokenTable';
import { revokeAnyTokenAction } from './actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'API tokens of all users' };

/** Every user's API tokens, for admins: who holds which, what it may do, when it was last used, and a way to end it. */
export default async function AllTokensPage() {
  const me = await requireUser();
  if (me.role !== 'admin') return <Refusal needed="admin" what="Seeing everyone's API tokens" />;
  const now = new Date();
  const tokens = listAllTokens(getDb(), now).map(({ ownerId: _ownerId, ownerName, ownerEmail, ownerRole, ...t }) => ({
    ...t,
    owner: { name: ownerName, email: ownerEmail, role: ownerRole },
  }));
  return (
    <>
      <h1>API tokens of all users</h1>
      <p className="muted">
        Tokens that still work come first. Revoking one stops it at once; its owner sees it ended. A password reset, a change of role and disabling
        or enabling an account end all of that user&apos;s tokens.
      </p>
      {tokens.length === 0 ? (
        <p className="muted">Nobody has a token.</p>
      ) : (
        <TokenTable tokens={tokens} label="Tokens of all users" now={now.toISOString()} revoke={revokeAnyTokenAction} />
      )}
    </>
  );
}
