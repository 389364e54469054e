import { eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { outletGradings, outlets } from '@/db/schema';
import type { Executor } from '@/db/types';
import { writeVersioned, type VersionedRecord } from './versions';
import { assertCanCite } from './write-access';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { RELIABILITY_LABELS, type Reliability } from '@/lib/domain';
import type { RegradeOutletInput } from '@/lib/validation/outlets';

/** The outlet as its grading form shows it. */
function outletRecord(tx: Executor, id: number): VersionedRecord<typeof outlets.$inferSelect> {
  return {
    what: 'this outlet',
    audit: { entities: ['outlet'], entityId: id },
    read: () => tx.select().from(outlets).where(eq(outlets.id, id)).get(),
    bump: () => tx.update(outlets).set({ version: sql`${outlets.version} + 1` }).where(eq(outlets.id, id)).run(),
    fields: { name: { label: 'name' }, reliability: { label: 'grade', show: (v) => RELIABILITY_LABELS[v as Reliability] ?? String(v) } },
  };
}

/**
 * Regrades an outlet: its grade becomes the default for its next articles, a grading with its day and note joins
 * its history, and the articles already stored keep the grade they were given. Refused when the outlet changed
 * since the form was opened (writeVersioned). An outlet the regrader cannot see is not found.
 */
export function regradeOutlet(db: DB, user: CurrentUser, input: RegradeOutletInput): void {
  assertRole(user, 'analyst');
  db.transaction(
    (tx) => {
      assertCanCite(tx, user, 'outlet', [input.outletId], 'The outlet');
      writeVersioned(tx, user, outletRecord(tx, input.outletId), input.version, () => {
        tx.update(outlets).set({ reliability: input.reliability }).where(eq(outlets.id, input.outletId)).run();
        tx.insert(outletGradings)
          .values({ outletId: input.outletId, reliability: input.reliability, gradedOn: input.gradedOn, note: input.note, createdBy: user.id })
          .run();
      });
    },
    { behavior: 'immediate' },
  );
}
