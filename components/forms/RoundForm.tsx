'use client';

import { useState } from 'react';
import { useFormAction } from './useFormAction';
import { FormMessage, SelectField, TextArea, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { ROUND_FORMATS, ROUND_STATUSES, label } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';
import { PARTIAL_DATE_HINT, partialDateInput, storedDate } from '@/lib/partial-date';
import { SourcePicker, type SourceChoice } from './SourcePicker';

export type RoundFacts = {
  id: number;
  version: number;
  name: string;
  venue: string;
  startsOn: string | null;
  startsOnPrecision: string;
  startsOnLabel: string;
  endsOn: string | null;
  approxDate: string;
  format: string;
  status: string;
  summary: string;
  cancelledOn: string | null;
  cancellationReason: string;
  cancellationSourceId: number | null;
};

/** A new round, or the facts of an existing one (then `round` is given and its version travels with the form). */
export function RoundForm({
  action,
  negotiationId,
  round,
  sources,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  negotiationId: number;
  round?: RoundFacts;
  /** The sources a cancellation may cite; fetched when the round is first marked cancelled if not given. */
  sources?: SourceChoice[];
}) {
  const [state, formAction, submissions] = useFormAction(action);
  const v = sentText(state.values);
  const e = state.errors ?? {};
  const [status, setStatus] = useState(v.status ?? round?.status ?? 'planned');
  return (
    <form key={submissions} action={formAction} className="stack" aria-label={round ? 'Round facts' : 'New round'} noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="negotiationId" value={negotiationId} />
      {round && <input type="hidden" name="roundId" value={round.id} />}
      {round && <VersionField version={round.version} />}
      <div className="grid-2">
        <TextField label="Name" name="name" defaultValue={v.name ?? round?.name} errors={e.name} required />
        <TextField label="Venue" name="venue" defaultValue={v.venue ?? round?.venue} errors={e.venue} />
        <SelectField
          label="Format"
          name="format"
          options={ROUND_FORMATS.map((f) => ({ value: f, label: label(f) }))}
          defaultValue={v.format ?? round?.format ?? 'trilateral'}
          errors={e.format}
        />
        <SelectField
          label="Status"
          name="status"
          options={ROUND_STATUSES.map((s) => ({ value: s, label: label(s) }))}
          defaultValue={v.status ?? round?.status ?? 'planned'}
          onChange={setStatus}
          errors={e.status}
          hint="A held round needs a start date; a cancelled one, when and why it was called off."
        />
        <TextField
          label="Start date"
          name="startsOn"
          defaultValue={v.startsOn ?? (round ? partialDateInput(storedDate(round.startsOn, round.startsOnPrecision, round.startsOnLabel)) : '')}
          errors={e.startsOn}
          hint={`As precisely as reported: ${PARTIAL_DATE_HINT} (counted from today unless you add "(from 5 Feb 2026)").`}
        />
        <TextField label="End date" name="endsOn" type="date" defaultValue={v.endsOn ?? round?.endsOn ?? ''} errors={e.endsOn} />
      </div>
      <TextField
        label="Dates as reported"
        name="approxDate"
        defaultValue={v.approxDate ?? round?.approxDate}
        errors={e.approxDate}
        hint='What reports said of the dates, kept beside them, e.g. "dates approximate".'
      />
      {status === 'cancelled' && <CancellationFields round={round} sources={sources} state={state} />}
      <TextArea label="Summary" name="summary" defaultValue={v.summary ?? round?.summary} errors={e.summary} rows={5} />
      <div>
        <SubmitButton>{round ? 'Save round' : 'Create round'}</SubmitButton>
      </div>
    </form>
  );
}

/** When and why a cancelled round was called off, and the source that reports it (an existing one or a new one). */
function CancellationFields({ round, sources, state }: { round?: RoundFacts; sources?: SourceChoice[]; state: FormState }) {
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <fieldset>
      <legend>Cancellation</legend>
      <TextField
        label="Cancelled on"
        name="cancelledOn"
        type="date"
        defaultValue={v.cancelledOn ?? round?.cancelledOn ?? ''}
        errors={e.cancelledOn}
        hint="The day it was called off, often before it was due to start."
        required
      />
      <TextArea
        label="Why it was cancelled"
        name="cancellationReason"
        defaultValue={v.cancellationReason ?? round?.cancellationReason}
        errors={e.cancellationReason}
        rows={2}
        required
      />
      <SourcePicker sources={sources} state={state} chosen={round?.cancellationSourceId ?? null} />
    </fieldset>
  );
}
