'use client';

import { useActionState } from 'react';
import { FormMessage, TextArea, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';

export function NegotiationForm({
  action,
  negotiation,
  submitLabel,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  /** Given when editing, with the version it was read at. */
  negotiation?: { name: string; description: string; version: number };
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label="Negotiation" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {negotiation && <VersionField version={negotiation.version} />}
      <TextField label="Name" name="name" defaultValue={v.name ?? negotiation?.name} errors={e.name} required hint="For example “Russia–Ukraine peace talks (US-mediated)”." />
      <TextArea label="Description" name="description" defaultValue={v.description ?? negotiation?.description} errors={e.description} rows={3} />
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}
