'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/server/db';
import { addOutcome, editRound, moveRound, removeOutcome, setAgenda, setDelegations } from '@/db/mutations/rounds';
import { handleForm } from '@/server/form-action';
import { AgendaSchema, DelegationsSchema, MoveRoundSchema, OutcomeSchema, RemoveOutcomeSchema, RoundEditSchema } from '@/lib/validation/rounds';
import { parseNewSource } from '@/lib/validation/sources';
import type { FormState } from '@/lib/validation/fields';

function refresh(roundId: number) {
  revalidatePath(`/rounds/${roundId}`);
  revalidatePath(`/rounds/${roundId}/edit`);
  revalidatePath('/homework');
}

export async function editRoundAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', RoundEditSchema, formData, (user, data) => {
    const { roundId, version, ...input } = data;
    editRound(getDb(), user, roundId, version, input);
    refresh(roundId);
    revalidatePath(`/negotiations/${input.negotiationId}`);
    return 'Round saved.';
  });
}

export async function delegationsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', DelegationsSchema, formData, (user, data) => {
    setDelegations(getDb(), user, data);
    refresh(data.roundId);
    return 'Delegation heads saved.';
  });
}

export async function agendaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', AgendaSchema, formData, (user, data) => {
    setAgenda(getDb(), user, data);
    refresh(data.roundId);
    return 'Agenda saved.';
  });
}

export async function addOutcomeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', OutcomeSchema, formData, (user, data, values) => {
    const { source, errors } = parseNewSource(values);
    if (errors) return { ok: false, message: 'Please correct the source fields.', errors };
    addOutcome(getDb(), user, data, source);
    refresh(data.roundId);
    return 'Outcome added.';
  });
}

export async function removeOutcomeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', RemoveOutcomeSchema, formData, (user, data) => {
    const roundId = removeOutcome(getDb(), user, data.outcomeId);
    refresh(roundId);
    return 'Outcome removed.';
  });
}

export async function moveRoundAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', MoveRoundSchema, formData, (user, data) => {
    const moved = moveRound(getDb(), user, data);
    refresh(data.roundId);
    revalidatePath('/negotiations', 'layout');
    return moved ? 'Round moved.' : { ok: false, message: `It is already the ${data.direction === 'earlier' ? 'first' : 'last'} round.` };
  });
}
