'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextArea, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { RELIABILITIES, RELIABILITY_LABELS } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** Regrades an outlet: the grade its next articles start from; those already stored keep theirs. */
export function RegradeOutletForm({ action, outlet, today }: { action: Action; outlet: { id: number; name: string; reliability: string; version: number }; today: string }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label={`Regrade ${outlet.name}`} noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <VersionField version={outlet.version} />
      <input type="hidden" name="outletId" value={outlet.id} />
      <div className="grid-2">
        <SelectField
          label="Reliability (Admiralty)"
          name="reliability"
          options={RELIABILITIES.map((r) => ({ value: r, label: RELIABILITY_LABELS[r] }))}
          defaultValue={v.reliability ?? outlet.reliability}
          errors={e.reliability}
          hint="The default for its next articles; those already stored keep their grade."
        />
        <TextField label="Graded on" name="gradedOn" type="date" defaultValue={v.gradedOn ?? today} errors={e.gradedOn} required />
      </div>
      <TextArea label="Why" name="note" defaultValue={v.note} errors={e.note} rows={2} />
      <div>
        <SubmitButton>Regrade</SubmitButton>
      </div>
    </form>
  );
}
