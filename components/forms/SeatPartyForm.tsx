'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextArea, TextField, type Option } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { PARTY_ROLES, label } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';

const ROLE_OPTIONS = PARTY_ROLES.map((r) => ({ value: r, label: label(r) }));

/**
 * Seats a new party (choose it from `choices`) or changes the seat of a seated one (`seated`): its
 * role, what this negotiation says of it, and a note.
 */
export function SeatPartyForm({
  action,
  negotiationId,
  choices,
  seated,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  negotiationId: number;
  choices?: Option[];
  seated?: { id: number; name: string; role: string; description: string; note: string; version: number };
}) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className={seated ? 'inline-form' : 'stack'} aria-label={seated ? `Seat of ${seated.name}` : 'Seat a party'} noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="negotiationId" value={negotiationId} />
      {/* 0 on the form that seats a party: seating one another analyst seated meanwhile is refused too. */}
      <VersionField version={seated?.version ?? 0} />
      {seated ? (
        <input type="hidden" name="partyId" value={seated.id} />
      ) : (
        <SelectField label="Party" name="partyId" options={choices ?? []} placeholder="— choose a party —" defaultValue={v.partyId} errors={e.partyId} required />
      )}
      <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue={v.role ?? seated?.role ?? 'party'} errors={e.role} />
      <TextArea label="Description" name="description" defaultValue={v.description ?? seated?.description} errors={e.description} rows={2} hint="What this negotiation says of the party." />
      <TextField label="Note" name="note" defaultValue={v.note ?? seated?.note} errors={e.note} />
      <div>
        <SubmitButton>{seated ? 'Save' : 'Seat party'}</SubmitButton>
      </div>
    </form>
  );
}
