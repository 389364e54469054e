'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextArea, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function NewGroupForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label="Group updates" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <TextField label="Label" name="label" defaultValue={v.label} errors={e.label} required hint="The event the updates report, e.g. “Prisoner exchange at Abu Dhabi round 2”." />
      <TextField label="Update numbers" name="updateIds" defaultValue={v.updateIds} errors={e.updateIds} required hint="At least two, separated by commas: 12, 15." />
      <TextArea label="Note" name="note" defaultValue={v.note} errors={e.note} rows={2} />
      <div>
        <SubmitButton>Create group</SubmitButton>
      </div>
    </form>
  );
}

/** The verdict on a group; its version covers the updates in it too, so a verdict on fewer reports than it now holds is refused. */
export function MarkForm({
  action,
  corroborationId,
  version,
  consistent,
  note,
}: {
  action: Action;
  corroborationId: number;
  version: number;
  consistent: boolean | null;
  note: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  const current = consistent === true ? 'consistent' : consistent === false ? 'inconsistent' : 'unmarked';
  return (
    <form action={formAction} className="stack" aria-label="Judge the reports" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="corroborationId" value={corroborationId} />
      <VersionField version={version} />
      <SelectField
        label="Do the reports agree?"
        name="mark"
        options={[
          { value: 'consistent', label: 'Consistent (they describe the same facts, e.g. 314 in all = 157 per side)' },
          { value: 'inconsistent', label: 'Inconsistent (they differ on the facts or their reading)' },
          { value: 'unmarked', label: 'Not judged yet' },
        ]}
        defaultValue={v.mark ?? current}
        errors={e.mark}
      />
      <TextArea label="Note" name="note" defaultValue={v.note ?? note} errors={e.note} rows={2} />
      <div>
        <SubmitButton>Save verdict</SubmitButton>
      </div>
    </form>
  );
}

export function AddMemberForm({ action, corroborationId }: { action: Action; corroborationId: number }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label="Add an update to the group" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="corroborationId" value={corroborationId} />
      <TextField label="Update number" name="updateId" type="number" defaultValue={v.updateId} errors={e.updateId} required />
      <div>
        <SubmitButton>Add to group</SubmitButton>
      </div>
    </form>
  );
}

export function RemoveMemberForm({ action, corroborationId, updateId }: { action: Action; corroborationId: number; updateId: number }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} aria-label={`Remove update ${updateId} from the group`}>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="corroborationId" value={corroborationId} />
      <input type="hidden" name="updateId" value={updateId} />
      <ConfirmButton question={`Take update ${updateId} out of this group?`} yes="Yes, take it out">
        Remove update {updateId} from the group
      </ConfirmButton>
    </form>
  );
}

export function GroupPairForm({
  action,
  updateA,
  updateB,
  defaultLabel,
  existingGroup,
}: {
  action: Action;
  updateA: number;
  updateB: number;
  defaultLabel: string;
  existingGroup: { id: number; label: string } | null;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label={`Group updates ${updateA} and ${updateB}`} noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="updateA" value={updateA} />
      <input type="hidden" name="updateB" value={updateB} />
      {existingGroup ? (
        <input type="hidden" name="label" value={existingGroup.label} />
      ) : (
        <TextField label="Label for the new group" name="label" defaultValue={v.label ?? defaultLabel} errors={e.label} required />
      )}
      <div>
        <SubmitButton>{existingGroup ? `Add to “${existingGroup.label}”` : 'Group these'}</SubmitButton>
      </div>
    </form>
  );
}
