'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextArea, type Option } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { DISTANCES, DISTANCE_LABELS } from '@/lib/convergence';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';

export function ConvergenceForm({
  action,
  issueId,
  rounds,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  issueId: number;
  /** Each round, with the version of its judgement when the page was opened (0: none yet). */
  rounds: (Option & { version: number })[];
}) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label="Record a convergence judgement" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="issueId" value={issueId} />
      {/* The round is chosen below, so the form carries each round's version and the chosen one is checked. */}
      {rounds.map((r) => (
        <VersionField key={r.value} name={`version.${r.value}`} version={r.version} />
      ))}
      <div className="grid-2">
        <SelectField label="Round" name="roundId" options={rounds.map(({ value, label }) => ({ value, label }))} placeholder="— choose a round —" defaultValue={v.roundId} errors={e.roundId} required />
        <SelectField
          label="How far apart are the parties?"
          name="distance"
          options={DISTANCES.map((d) => ({ value: String(d), label: DISTANCE_LABELS[d] }))}
          placeholder="— choose —"
          defaultValue={v.distance}
          errors={e.distance}
          required
        />
      </div>
      <TextArea label="Note (why; cite the report)" name="note" defaultValue={v.note} errors={e.note} rows={2} />
      <div>
        <SubmitButton>Record judgement</SubmitButton>
      </div>
    </form>
  );
}
