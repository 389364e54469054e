import { CheckboxGroup, type CheckboxOption } from '@/components/ui/CheckboxGroup';
import type { FormState } from '@/lib/validation/fields';
import { sentList } from '@/lib/validation/form-values';
import { ids, type NegotiationChoice, type UpdateFormStart } from './choices';

const tickedActors = (state: FormState, start: UpdateFormStart) => (state.values ? sentList(state.values, 'actorIds').length > 0 : (start.actorIds ?? []).length > 0);

/**
 * The issues, parties and actors the update concerns (a group is left out when the negotiation has none). The
 * people are folded unless some are ticked: most updates name a party, fewer tag who spoke.
 */
export function WhatItConcerns({ state, start, negotiation }: { state: FormState; start: UpdateFormStart; negotiation: NegotiationChoice }) {
  const e = state.errors ?? {};
  const group = (legend: string, name: 'issueIds' | 'partyIds' | 'actorIds', options: CheckboxOption[]) =>
    options.length > 0 && <CheckboxGroup legend={legend} name={name} options={options} checked={ids(start[name])} values={state.values} errors={e[name]} />;
  return (
    <div className="grid-2">
      {group('Issues', 'issueIds', negotiation.issues.map((i) => ({ value: String(i.id), label: i.title })))}
      {group('Parties', 'partyIds', negotiation.parties.map((p) => ({ value: String(p.id), label: p.name })))}
      {negotiation.actors.length > 0 && (
        <details open={tickedActors(state, start) || Boolean(e.actorIds)}>
          <summary>People it names (optional)</summary>
          {group('Actors', 'actorIds', negotiation.actors.map((a) => ({ value: String(a.id), label: a.name })))}
        </details>
      )}
    </div>
  );
}
