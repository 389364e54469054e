import { and, desc, eq, isNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { apiTokens, users } from '@/db/schema';

/** The active user behind a token hash, or undefined for an unknown, revoked or disabled one. */
export function findTokenUser(db: DB, tokenHash: string) {
  const row = db
    .select({ tokenId: apiTokens.id, id: users.id, email: users.email, name: users.name, role: users.role, disabled: users.disabled })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)))
    .get();
  return row && !row.disabled ? row : undefined;
}

export function listTokensOf(db: DB, userId: number) {
  return db
    .select({ id: apiTokens.id, name: apiTokens.name, createdAt: apiTokens.createdAt, lastUsedAt: apiTokens.lastUsedAt, revokedAt: apiTokens.revokedAt })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.id))
    .all();
}
