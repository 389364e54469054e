import { and, eq, isNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { apiTokens } from '@/db/schema';
import { recordAudit } from './audit';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { NotFoundError } from '@/lib/errors';
import { hashToken, newApiToken } from '@/lib/api-tokens';


/** Creates a personal token and returns it in clear, the only time it is ever shown. */
export function createApiToken(db: DB, user: CurrentUser, name: string): { id: number; token: string } {
  assertRole(user, 'viewer');
  const token = newApiToken();
  return db.transaction(
    (tx) => {
      const row = tx.insert(apiTokens).values({ userId: user.id, name, tokenHash: hashToken(token) }).returning({ id: apiTokens.id }).get();
      recordAudit(tx, { userId: user.id, action: 'create', entity: 'api_token', entityId: row.id, after: { name } });
      return { id: row.id, token };
    },
    { behavior: 'immediate' },
  );
}

/** Revokes one of the user's own tokens (admins may revoke anyone's). */
export function revokeApiToken(db: DB, user: CurrentUser, id: number) {
  db.transaction(
    (tx) => {
      const row = tx.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
      if (!row || (row.userId !== user.id && user.role !== 'admin')) throw new NotFoundError('The token');
      tx.update(apiTokens)
        .set({ revokedAt: new Date().toISOString() })
        .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)))
        .run();
      recordAudit(tx, { userId: user.id, action: 'update', entity: 'api_token', entityId: id, after: { revoked: true } });
    },
    { behavior: 'immediate' },
  );
}

export function touchApiToken(db: DB, id: number) {
  db.update(apiTokens).set({ lastUsedAt: new Date().toISOString() }).where(eq(apiTokens.id, id)).run();
}
