import { CheckboxGroup, type CheckboxOption } from '@/components/ui/CheckboxGroup';
import type { FormState } from '@/lib/validation/fields';
import { ids, type NegotiationChoice, type UpdateFormStart } from './choices';

/** The issues, parties and actors the update concerns (a group is left out when the negotiation has none). */
export function WhatItConcerns({ state, start, negotiation }: { state: FormState; start: UpdateFormStart; negotiation: NegotiationChoice }) {
  const e = state.errors ?? {};
  const group = (legend: string, name: 'issueIds' | 'partyIds' | 'actorIds', options: CheckboxOption[]) =>
    options.length > 0 && <CheckboxGroup legend={legend} name={name} options={options} checked={ids(start[name])} values={state.values} errors={e[name]} />;
  return (
    <div className="grid-2">
      {group('Issues', 'issueIds', negotiation.issues.map((i) => ({ value: String(i.id), label: i.title })))}
      {group('Parties', 'partyIds', negotiation.parties.map((p) => ({ value: String(p.id), label: p.name })))}
      {group('Actors', 'actorIds', negotiation.actors.map((a) => ({ value: String(a.id), label: a.name })))}
    </div>
  );
}
