import { useState } from 'react';
import { SelectField, TextArea, TextField } from '@/components/ui/Field';
import { label } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { parsePartialDate } from '@/lib/partial-date';
import { roundOfDate } from '@/lib/round-of-date';
import type { NegotiationChoice, UpdateFormStart } from './choices';

/** The update itself: what happened, when (not when it was logged), and at which round. */
export function WhatHappened({ state, start, negotiation, occurredOn }: { state: FormState; start: UpdateFormStart; negotiation: NegotiationChoice; occurredOn: string }) {
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <>
      <TextArea
        label="What happened"
        name="body"
        rows={6}
        autoFocus
        defaultValue={v.body ?? start.body}
        required
        errors={e.body}
        hint="Markdown: **bold**, _italic_, [links](https://…), > quotes."
      />
      <div className="grid-2">
        <TextField
          label="Date it happened"
          name="occurredOn"
          defaultValue={v.occurredOn ?? start.occurredOn}
          errors={e.occurredOn}
          required
          hint="Not when you log it; as precisely as reported: 5 Feb 2026, May 2025, late 2025."
        />
        {/* Mounted afresh for another negotiation: a round picked in one is no choice in the next. */}
        <RoundField key={`round-${negotiation.id}`} state={state} start={start} negotiation={negotiation} occurredOn={occurredOn} />
      </div>
    </>
  );
}

/**
 * The round, chosen from the date (the round it falls in, else the last one before it) and chosen again when the
 * date changes, until the analyst picks one: then their choice stays, "not tied to a round" included.
 */
function RoundField({ state, start, negotiation, occurredOn }: { state: FormState; start: UpdateFormStart; negotiation: NegotiationChoice; occurredOn: string }) {
  // A round sent with a refused save, given by the page (?round=) or kept by the update being edited was picked.
  const ofThis = (round: string | null | undefined): string | null =>
    typeof round === 'string' && (round === '' || negotiation.rounds.some((r) => String(r.id) === round)) ? round : null;
  const given = start.edit || start.roundId ? String(start.roundId ?? '') : null;
  const [picked, setPicked] = useState<string | null>(() => ofThis(sentText(state.values).roundId) ?? (negotiation.id === start.negotiationId ? ofThis(given) : null));
  const day = parsePartialDate(occurredOn);
  const fromDate = day.ok ? roundOfDate(negotiation.rounds, day.value.date) : null;
  return (
    <SelectField
      label="Round"
      name="roundId"
      options={negotiation.rounds.map((r) => ({ value: String(r.id), label: `${r.name} (${label(r.status)})` }))}
      placeholder="— not tied to a round —"
      value={picked ?? (fromDate ? String(fromDate) : '')}
      onChange={setPicked}
      errors={state.errors?.roundId}
      hint={picked === null && negotiation.rounds.length > 0 ? 'Chosen from the date: the round it falls in, or the last before it.' : undefined}
    />
  );
}
