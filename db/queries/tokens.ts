import { and, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { apiTokens, users } from '@/db/schema';

/**
 * The active user behind a token hash, with the token's scope, or undefined for an unknown, revoked or
 * expired token, or one of a disabled user. (Ending a user's credentials revokes their tokens; the
 * disabled check stays as a second lock.)
 */
export function findTokenUser(db: DB, tokenHash: string, now = new Date()) {
  const row = db
    .select({
      tokenId: apiTokens.id,
      scope: apiTokens.scope,
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabled: users.disabled,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now.toISOString())))
    .get();
  return row && !row.disabled ? row : undefined;
}

const tokenColumns = {
  id: apiTokens.id,
  name: apiTokens.name,
  scope: apiTokens.scope,
  createdAt: apiTokens.createdAt,
  expiresAt: apiTokens.expiresAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  revokedReason: apiTokens.revokedReason,
};

export function listTokensOf(db: DB, userId: number) {
  return db.select(tokenColumns).from(apiTokens).where(eq(apiTokens.userId, userId)).orderBy(desc(apiTokens.id)).all();
}

/** Every user's tokens, for admins: the ones that still work first, then by owner, newest first. */
export function listAllTokens(db: DB, now = new Date()) {
  const working = sql<number>`(${apiTokens.revokedAt} IS NULL AND ${apiTokens.expiresAt} > ${now.toISOString()})`;
  return db
    .select({ ...tokenColumns, ownerId: users.id, ownerName: users.name, ownerEmail: users.email, ownerRole: users.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .orderBy(desc(working), asc(users.email), desc(apiTokens.id))
    .all();
}
