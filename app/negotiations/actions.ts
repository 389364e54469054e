'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { createNegotiation, seatParty, updateNegotiation } from '@/db/mutations/negotiations';
import { handleForm } from '@/server/form-action';
import { NegotiationEditSchema, NegotiationPartySchema, NegotiationSchema } from '@/lib/validation/negotiations';
import type { FormState } from '@/lib/validation/fields';

export async function createNegotiationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let created: number | undefined;
  const state = await handleForm('analyst', NegotiationSchema, formData, (user, data) => {
    created = createNegotiation(getDb(), user, data);
  });
  // Outside handleForm: redirect() works by throwing, which handleForm would report as a failure.
  if (created) redirect(`/negotiations/${created}/edit?created=1`);
  return state;
}

export async function updateNegotiationAction(id: number, _prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', NegotiationEditSchema, formData, (user, { version, ...data }) => {
    updateNegotiation(getDb(), user, id, version, data);
    return 'Negotiation saved.';
  });
}

export async function seatPartyAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', NegotiationPartySchema, formData, (user, data) => {
    seatParty(getDb(), user, data);
    return 'Seat saved.';
  });
}
