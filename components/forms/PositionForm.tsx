'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextArea, TextField, type Option } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { SourcePicker, type SourceChoice } from './SourcePicker';
import { FLEXIBILITIES, STANCES, label } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';

type Current = { id: number; summary: string; stance: string; redLines: string; flexibility: string } | null;

export function PositionForm({
  action,
  issueId,
  partyId,
  partyName,
  current,
  sources,
  rounds,
  today,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  issueId: number;
  partyId: number;
  partyName: string;
  current: Current;
  /** Omitted: fetched when the form first shows. */
  sources?: SourceChoice[];
  rounds: Option[];
  today: string;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label={`New position of ${partyName}`} noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="issueId" value={issueId} />
      <input type="hidden" name="partyId" value={partyId} />
      <input type="hidden" name="basedOn" value={current?.id ?? ''} />
      <TextArea label="Summary" name="summary" defaultValue={v.summary ?? current?.summary} errors={e.summary} required />
      <div className="grid-2">
        <SelectField
          label="Stance"
          name="stance"
          options={STANCES.map((s) => ({ value: s, label: label(s) }))}
          defaultValue={v.stance ?? current?.stance ?? 'no_position'}
          errors={e.stance}
        />
        <SelectField
          label="Flexibility"
          name="flexibility"
          options={FLEXIBILITIES.map((f) => ({ value: f, label: label(f) }))}
          defaultValue={v.flexibility ?? current?.flexibility ?? 'unknown'}
          errors={e.flexibility}
        />
        <TextField label="As of" name="asOf" type="date" defaultValue={v.asOf ?? today} errors={e.asOf} required hint="When the party took this position." />
        <SelectField label="Round" name="roundId" options={rounds} placeholder="— not tied to a round —" defaultValue={v.roundId} errors={e.roundId} />
      </div>
      <TextArea label="Red lines" name="redLines" defaultValue={v.redLines ?? current?.redLines} errors={e.redLines} rows={2} />
      <SourcePicker sources={sources} state={state} />
      <div>
        <SubmitButton>Record position</SubmitButton>
      </div>
    </form>
  );
}
