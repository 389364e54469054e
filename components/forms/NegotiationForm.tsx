'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextArea, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { MARKING_PRESETS, type NegotiationAccess } from '@/lib/domain';
import { VersionField } from './VersionField';

const ACCESS_OPTIONS = [
  { value: 'restricted', label: 'Members only (and admins)' },
  { value: 'open', label: 'Every signed-in user' },
];

export function NegotiationForm({
  action,
  negotiation,
  submitLabel,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** The negotiation being edited, with the version it was read at; a new one is always its creator's alone at first, so it has no access field. */
  negotiation?: { name: string; description: string; marking: string; access: NegotiationAccess; version: number };
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label="Negotiation" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      {negotiation && <VersionField version={negotiation.version} />}
      <TextField label="Name" name="name" defaultValue={v.name ?? negotiation?.name} errors={e.name} required hint="For example “Russia–Ukraine peace talks (US-mediated)”." />
      <TextArea label="Description" name="description" defaultValue={v.description ?? negotiation?.description} errors={e.description} rows={3} />
      <TextField
        label="Handling marking"
        name="marking"
        defaultValue={v.marking ?? negotiation?.marking}
        errors={e.marking}
        suggestions={MARKING_PRESETS}
        hint="Shown on each of its pages and on every export: a TLP label, or your own words (“RESTRICTED — negotiation team only”). Empty for none."
      />
      {negotiation && (
        <SelectField
          label="Who may read it"
          name="access"
          defaultValue={v.access ?? negotiation.access}
          errors={e.access}
          options={ACCESS_OPTIONS}
          hint="Members only: the people on its members page, each with their role there, and the admins. Others do not see that it exists."
        />
      )}
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
