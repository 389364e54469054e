import type { Metadata } from 'next';
import { partialDateInput, storedDate } from '@/lib/partial-date';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/server/db';
import { citableByIds } from '@/db/queries/source-search';
import { getUpdateForEdit, updateFormChoices } from '@/db/queries/updates';
import { requireReader } from '@/server/auth/reader';
import { roleIn } from '@/db/queries/access';
import { getNegotiation } from '@/db/queries/negotiations';
import { MarkingBanner } from '@/components/MarkingBanner';
import { hasRole } from '@/lib/roles';
import { parseId } from '@/lib/ids';
import { UpdateForm } from '@/components/forms/UpdateForm';
import { editUpdateAction } from '@/app/updates/actions';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Edit update' };

type Params = { params: Promise<{ id: string }> };

export default async function EditUpdatePage({ params }: Params) {
  const { user, scope } = await requireReader();
  const id = parseId((await params).id) ?? notFound();
  const db = getDb();
  const found = getUpdateForEdit(db, scope, id);
  if (!found) notFound();
  const { update } = found;
  const allowed = hasRole(roleIn(scope, update.negotiationId)!, 'analyst') && (update.authorId === user.id || user.role === 'admin');
  if (!allowed) {
    return (
      <>
        <h1>Edit update #{update.id}</h1>
        <p className="panel">
          Only the author of this update or an admin can edit it. <Link href={`/updates/${update.id}`}>Back to the update</Link>
        </p>
      </>
    );
  }
  const choices = updateFormChoices(db, scope);
  return (
    <>
      <MarkingBanner marking={getNegotiation(db, scope, update.negotiationId)?.marking} />
      <h1>Edit update #{update.id}</h1>
      <p className="small muted">The earlier text is kept. The changes this update brought (positions, statuses, homework) are not edited here.</p>
      <section className="panel">
        <UpdateForm
          action={editUpdateAction}
          negotiations={choices.negotiations.filter((n) => n.id === update.negotiationId)}
          cited={citableByIds(db, scope, found.sourceIds, update.negotiationId)}
          start={{
            negotiationId: update.negotiationId,
            body: update.body,
            occurredOn: partialDateInput(storedDate(update.occurredOn, update.occurredOnPrecision, update.occurredOnLabel)),
            occurredTime: update.occurredTime,
            roundId: update.roundId,
            issueIds: found.issueIds,
            partyIds: found.partyIds,
            actorIds: found.actorIds,
            sourceIds: found.sourceIds,
            edit: { updateId: update.id, version: update.version },
          }}
        />
      </section>
    </>
  );
}
