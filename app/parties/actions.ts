'use server';

import { getDb } from '@/server/db';
import { addActor, createParty, updateAffiliation, updateParty } from '@/db/mutations/parties';
import { handleForm } from '@/server/form-action';
import { ActorSchema, AffiliationEditSchema, PartyEditSchema, PartySchema } from '@/lib/validation/negotiations';
import type { FormState } from '@/lib/validation/fields';
import { describeMatch } from '@/lib/interchange/matches';

export async function createPartyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', PartySchema, formData, (user, data) => {
    createParty(getDb(), user, data);
    return `${data.name} added. Seat it at a negotiation from the negotiation's edit page.`;
  });
}

export async function updatePartyAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', PartyEditSchema, formData, (user, { version, ...data }) => {
    updateParty(getDb(), user, id, version, data);
    return 'Party saved.';
  });
}

export async function createActorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', ActorSchema, formData, (user, data) => {
    const { matched } = addActor(getDb(), user, data);
    if (!matched) return `${data.name} added.`;
    return `${data.name} added. ${describeMatch({ kind: 'actor', name: data.name, otherNegotiations: matched.otherNegotiations })}.`;
  });
}

export async function updateAffiliationAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', AffiliationEditSchema, formData, (user, { version, ...data }) => {
    updateAffiliation(getDb(), user, id, version, data);
    return 'Saved.';
  });
}
