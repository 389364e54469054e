'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextArea, TextField, type Option } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { SourcePicker, type SourceChoice } from './SourcePicker';
import { ISSUE_STATUSES, label } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';

export function StatusForm({
  action,
  issueId,
  status,
  version,
  sources,
  rounds,
  today,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  issueId: number;
  status: string;
  version: number;
  /** Omitted: fetched when the form first shows. */
  sources?: SourceChoice[];
  rounds: Option[];
  today: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label="Change status" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="issueId" value={issueId} />
      <VersionField version={version} />
      <div className="grid-2">
        <SelectField
          label="New status"
          name="status"
          options={ISSUE_STATUSES.map((s) => ({ value: s, label: label(s) }))}
          defaultValue={v.status ?? status}
          errors={e.status}
        />
        <TextField label="Date of the change" name="changedOn" type="date" defaultValue={v.changedOn ?? today} errors={e.changedOn} required />
        <SelectField label="Round" name="roundId" options={rounds} placeholder="— not tied to a round —" defaultValue={v.roundId} errors={e.roundId} />
      </div>
      <TextArea label="Note" name="note" defaultValue={v.note} errors={e.note} rows={2} />
      <SourcePicker sources={sources} state={state} />
      <div>
        <SubmitButton>Change status</SubmitButton>
      </div>
    </form>
  );
}
