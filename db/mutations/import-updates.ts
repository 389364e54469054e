import { and, eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiationParties, updateIssues, updateParties, updates, updateSources } from '@/db/schema';
import { recordAudit } from './audit';
import { refreshLastEvent } from './last-event';
import { insertSource } from './sources';
import { assertWriteIn } from './write-access';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError } from '@/lib/errors';
import type { UpdateRow } from '@/lib/import/updates-csv';

/** Writes checked rows (lib/import/updates-csv.ts) as updates, each with its source: all in one transaction. */
export function importUpdates(db: DB, user: CurrentUser, negotiationId: number, rows: UpdateRow[]): number {
  assertRole(user, 'analyst');
  return db.transaction(
    (tx) => {
      assertWriteIn(tx, user, negotiationId, 'The negotiation');
      // The rows were checked against this negotiation; check again inside the transaction in case it changed.
      const issueIds = [...new Set(rows.flatMap((r) => r.issueIds))];
      const partyIds = [...new Set(rows.flatMap((r) => r.partyIds))];
      const known = issueIds.length
        ? tx.select({ id: issues.id }).from(issues).where(and(eq(issues.negotiationId, negotiationId), inArray(issues.id, issueIds))).all().length
        : 0;
      const seated = partyIds.length
        ? tx
            .select({ id: negotiationParties.partyId })
            .from(negotiationParties)
            .where(and(eq(negotiationParties.negotiationId, negotiationId), inArray(negotiationParties.partyId, partyIds)))
            .all().length
        : 0;
      if (known !== issueIds.length || seated !== partyIds.length) {
        throw new InvalidInputError('The negotiation changed while the file was being checked; upload it again.');
      }
      const touched = new Set<number>();
      for (const r of rows) {
        const updateId = tx
          .insert(updates)
          .values({ negotiationId, occurredOn: r.occurredOn, body: r.body, authorId: user.id })
          .returning({ id: updates.id })
          .get().id;
        for (const targetId of r.issueIds) {
          tx.insert(updateIssues).values({ updateId, targetId }).run();
          touched.add(targetId);
        }
        for (const targetId of r.partyIds) tx.insert(updateParties).values({ updateId, targetId }).run();
        tx.insert(updateSources).values({ updateId, targetId: insertSource(tx, user, r.source, negotiationId) }).run();
      }
      refreshLastEvent(tx, touched);
      recordAudit(tx, { userId: user.id, action: 'import', entity: 'update', entityId: negotiationId, after: { negotiationId, rows: rows.length } });
      return rows.length;
    },
    { behavior: 'immediate' },
  );
}
