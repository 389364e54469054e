import { and, eq, isNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { apiTokens } from '@/db/schema';
import { recordAudit } from './audit';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { NotFoundError } from '@/lib/errors';
import { hashToken, newApiToken } from '@/lib/api-tokens';
import type { TokenInput } from '@/lib/validation/tokens';

const DAY_MS = 24 * 3600 * 1000;

/** Creates a personal token and returns it in clear, the only time it is ever shown. It ends `days` from now. */
export function createApiToken(db: DB, user: CurrentUser, input: TokenInput, now = new Date()): { id: number; token: string; expiresAt: string } {
  assertRole(user, 'viewer');
  const token = newApiToken();
  const expiresAt = new Date(now.getTime() + input.days * DAY_MS).toISOString();
  return db.transaction(
    (tx) => {
      const row = tx
        .insert(apiTokens)
        .values({ userId: user.id, name: input.name, tokenHash: hashToken(token), scope: input.scope, expiresAt })
        .returning({ id: apiTokens.id })
        .get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'api_token', entityId: row.id, after: { name: input.name, scope: input.scope, expiresAt } });
      return { id: row.id, token, expiresAt };
    },
    { behavior: 'immediate' },
  );
}

/** Revokes one of the user's own tokens; an admin may revoke anyone's (the admin's tokens page). */
export function revokeApiToken(db: DB, user: CurrentUser, id: number) {
  db.transaction(
    (tx) => {
      const row = tx.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
      if (!row || (row.userId !== user.id && user.role !== 'admin')) throw new NotFoundError('The token');
      const reason = row.userId === user.id ? 'revoked by its owner' : `revoked by an admin (${user.name})`;
      tx.update(apiTokens)
        .set({ revokedAt: new Date().toISOString(), revokedReason: reason })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .run();
      recordAudit(tx, { userId: user.id, action: 'update', entity: 'api_token', entityId: id, after: { revoked: true, reason, owner: row.userId } });
    },
    { behavior: 'immediate' },
  );
}

/** When a token was last used: shown to its owner and to admins, so a forgotten one stands out. */
export function touchApiToken(db: DB, id: number) {
  db.update(apiTokens).set({ lastUsedAt: new Date().toISOString() }).where(eq(apiTokens.id, id)).run();
}
