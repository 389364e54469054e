import { and, eq, isNull, sql } from 'drizzle-orm';
import { apiTokens, users } from '@/db/schema';
import type { Executor } from '@/db/types';

/** Why a user's credentials ended, in the words their token list shows. */
export type CredentialsEnd = 'password changed' | 'password reset' | 'account disabled' | 'account re-enabled' | 'role changed';

/**
 * Ends every credential of a user at once, inside the caller's transaction: every session (the session
 * version moves on, so each session cookie issued before is refused at its next request, server/auth) and
 * every API token that still works (revoked, with the reason). The one place the account's clean-up
 * happens: a password change or reset, disabling, re-enabling and a role change all call it, so none can
 * end the sessions and forget the tokens. Logging out is not here: it ends sessions only
 * (users.ts endSessions), and a script's token outlives a browser's sign-out.
 */
export function endCredentials(tx: Executor, userId: number, reason: CredentialsEnd): { tokens: number } {
  tx.update(users)
    .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
    .where(eq(users.id, userId))
    .run();
  const ended = tx
    .update(apiTokens)
    .set({ revokedAt: new Date().toISOString(), revokedReason: reason })
    .where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)))
    .run();
  return { tokens: ended.changes };
}
