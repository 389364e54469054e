'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextArea, TextField, type Option } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

export function PartyForm({ action, party, submitLabel }: { action: Action; party?: { name: string; shortName: string; description: string; version: number }; submitLabel: string }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label={party ? 'Edit party' : 'New party'} noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {party && <VersionField version={party.version} />}
      <div className="grid-2">
        <TextField label="Name" name="name" defaultValue={v.name ?? party?.name} errors={e.name} required hint="e.g. “United States”." />
        <TextField label="Short name" name="shortName" defaultValue={v.shortName ?? party?.shortName} errors={e.shortName} required hint="Shown in the dashboard's columns, e.g. “US”." />
      </div>
      <TextArea label="Description" name="description" defaultValue={v.description ?? party?.description} errors={e.description} rows={2} />
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

export function ActorForm({ action, parties, partyId }: { action: Action; parties: Option[]; partyId?: number }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label="New actor" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      <div className="grid-2">
        <TextField label="Name" name="name" defaultValue={v.name} errors={e.name} required hint="A person who speaks for a party, e.g. “Sergei Lavrov”." />
        <TextField label="Title" name="title" defaultValue={v.title} errors={e.title} hint="e.g. “Foreign minister”." />
        <SelectField label="Party" name="partyId" options={parties} placeholder="— choose a party —" defaultValue={v.partyId ?? (partyId ? String(partyId) : undefined)} errors={e.partyId} required />
      </div>
      <div>
        <SubmitButton>Add actor</SubmitButton>
      </div>
    </form>
  );
}
