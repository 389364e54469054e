import { CheckboxGroup, type CheckboxOption } from '@/components/ui/CheckboxGroup';
import { TextField } from '@/components/ui/Field';
import type { FormState } from '@/lib/validation/fields';
import { sentList, sentText } from '@/lib/validation/form-values';
import { ids, type NegotiationChoice, type UpdateFormStart } from './choices';

const tickedActors = (state: FormState, start: UpdateFormStart) => (state.values ? sentList(state.values, 'actorIds').length > 0 : (start.actorIds ?? []).length > 0);

/**
 * The issues and parties the update concerns (a group is left out when the negotiation has none), then, folded
 * unless filled in, the time of day and the people it names: most reports give neither, and folded as one they
 * cost the common path one Tab stop, not two.
 */
export function WhatItConcerns({ state, start, negotiation }: { state: FormState; start: UpdateFormStart; negotiation: NegotiationChoice }) {
  const e = state.errors ?? {};
  const time = sentText(state.values).occurredTime ?? start.occurredTime ?? '';
  const group = (legend: string, name: 'issueIds' | 'partyIds' | 'actorIds', options: CheckboxOption[]) =>
    options.length > 0 && <CheckboxGroup legend={legend} name={name} options={options} checked={ids(start[name])} values={state.values} errors={e[name]} />;
  return (
    <>
      <div className="grid-2">
        {group('Issues', 'issueIds', negotiation.issues.map((i) => ({ value: String(i.id), label: i.title })))}
        {group('Parties', 'partyIds', negotiation.parties.map((p) => ({ value: String(p.id), label: p.name })))}
      </div>
      <details open={time !== '' || tickedActors(state, start) || Boolean(e.occurredTime || e.actorIds)}>
        <summary>{negotiation.actors.length > 0 ? 'Time and people it names (optional)' : 'Time (optional)'}</summary>
        <div className="grid-2">
          {/* Typed, not a time picker: one Tab stop instead of three. */}
          <TextField label="Time (optional)" name="occurredTime" defaultValue={time} errors={e.occurredTime} hint="24-hour HH:MM, if known." />
          {group('Actors', 'actorIds', negotiation.actors.map((a) => ({ value: String(a.id), label: a.name })))}
        </div>
      </details>
    </>
  );
}
