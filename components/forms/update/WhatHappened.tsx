import { SelectField, TextArea, TextField } from '@/components/ui/Field';
import { label } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import type { NegotiationChoice, UpdateFormStart } from './choices';

/** The update itself: what happened, when (not when it was logged), and at which round. */
export function WhatHappened({ state, start, negotiation }: { state: FormState; start: UpdateFormStart; negotiation: NegotiationChoice }) {
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
        {/* Typed, not a time picker: one Tab stop instead of three on the common path. */}
        <TextField label="Time (optional)" name="occurredTime" defaultValue={v.occurredTime ?? start.occurredTime ?? ''} errors={e.occurredTime} hint="24-hour HH:MM, if known." />
        <SelectField
          key={`round-${negotiation.id}`}
          label="Round"
          name="roundId"
          options={negotiation.rounds.map((r) => ({ value: String(r.id), label: `${r.name} (${label(r.status)})` }))}
          placeholder="— not tied to a round —"
          defaultValue={v.roundId ?? (start.roundId ? String(start.roundId) : '')}
          errors={e.roundId}
        />
      </div>
    </>
  );
}
