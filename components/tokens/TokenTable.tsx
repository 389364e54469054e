import { formatDate } from '@/lib/dates';
import type { FormState } from '@/lib/validation/fields';
import { RevokeTokenButton } from './RevokeTokenButton';

export type TokenRow = {
  id: number;
  name: string;
  scope: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedReason: string | null;
  owner?: { name: string; email: string; role: string };
};

const when = (iso: string | null) => (iso ? `${formatDate(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC` : '—');

function State({ token, now }: { token: TokenRow; now: string }) {
  if (token.revokedAt) {
    return (
      <span className="badge status-dropped">
        ended {when(token.revokedAt)}
        {token.revokedReason ? `: ${token.revokedReason}` : ''}
      </span>
    );
  }
  if (token.expiresAt <= now) return <span className="badge status-dropped">expired {when(token.expiresAt)}</span>;
  return <span className="badge status">active</span>;
}

/** A list of API tokens: whose (on the admins' page), what they may do, when they end and were last used, and a revoke button while they work. */
export function TokenTable({
  tokens,
  label,
  now,
  revoke,
}: {
  tokens: TokenRow[];
  label: string;
  /** The time the page was made, ISO: what has expired by then. */
  now: string;
  revoke: (state: FormState, data: FormData) => Promise<FormState>;
}) {
  const owners = tokens.some((t) => t.owner);
  return (
    <div className="table-wrap">
      <table aria-label={label}>
        <thead>
          <tr>
            <th scope="col">Name</th>
            {owners && <th scope="col">Owner</th>}
            <th scope="col">Access</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
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
              {owners && (
                <td>
                  {t.owner?.name}
                  <div className="small muted">
                    {t.owner?.email} ({t.owner?.role})
                  </div>
                </td>
              )}
              <td>{t.scope === 'read' ? 'read-only' : 'full access'}</td>
              <td>{when(t.createdAt)}</td>
              <td>{when(t.expiresAt)}</td>
              <td>{t.lastUsedAt ? when(t.lastUsedAt) : 'never'}</td>
              <td>
                <State token={t} now={now} />
              </td>
              <td>{!t.revokedAt && t.expiresAt > now && <RevokeTokenButton tokenId={t.id} name={t.name} action={revoke} />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
