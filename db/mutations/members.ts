import { and, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { negotiationMembers, negotiations, users } from '@/db/schema';
import { recordAudit } from './audit';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError, NotFoundError } from '@/lib/errors';
import type { MemberRole } from '@/lib/domain';

// Who may read a restricted negotiation (docs/decisions/0017). Admins manage it, on the members page and from
// the shell (`by` null: `npm run member`, `npm run user:add -- --negotiation`). A change counts from the member's
// next request: what a reader may see is read afresh on each (db/queries/access.ts).

export type Membership = { negotiationId: number; userId: number; role: MemberRole };

/** Adds a member, or changes their role there. */
export function setMember(db: DB, by: CurrentUser | null, input: Membership): { added: boolean } {
  if (by) assertRole(by, 'admin');
  return db.transaction(
    (tx) => {
      if (!tx.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.id, input.negotiationId)).get()) {
        throw new NotFoundError('The negotiation');
      }
      if (!tx.select({ id: users.id }).from(users).where(eq(users.id, input.userId)).get()) throw new NotFoundError('The user');
      const key = and(eq(negotiationMembers.negotiationId, input.negotiationId), eq(negotiationMembers.userId, input.userId));
      const before = tx.select({ role: negotiationMembers.role }).from(negotiationMembers).where(key).get();
      if (before) tx.update(negotiationMembers).set({ role: input.role }).where(key).run();
      else tx.insert(negotiationMembers).values({ ...input, createdBy: by?.id ?? null }).run();
      recordAudit(tx, {
        userId: by?.id ?? null,
        action: before ? 'update' : 'create',
        entity: 'negotiation_member',
        entityId: input.negotiationId,
        before: before ? { userId: input.userId, role: before.role } : null,
        after: { userId: input.userId, role: input.role },
      });
      return { added: !before };
    },
    { behavior: 'immediate' },
  );
}

/** Removes a member: from their next request they no longer see the negotiation, if it is restricted. */
export function removeMember(db: DB, by: CurrentUser | null, negotiationId: number, userId: number): void {
  if (by) assertRole(by, 'admin');
  db.transaction(
    (tx) => {
      const key = and(eq(negotiationMembers.negotiationId, negotiationId), eq(negotiationMembers.userId, userId));
      const before = tx.select({ role: negotiationMembers.role }).from(negotiationMembers).where(key).get();
      if (!before) throw new InvalidInputError('That user is not a member of this negotiation.', { userId: ['Not a member.'] });
      tx.delete(negotiationMembers).where(key).run();
      recordAudit(tx, { userId: by?.id ?? null, action: 'delete', entity: 'negotiation_member', entityId: negotiationId, before: { userId, role: before.role } });
    },
    { behavior: 'immediate' },
  );
}
