'use server';

import { getDb } from '@/server/db';
import { addOutcome, editRound, moveRound, removeOutcome, setAgenda, setDelegations } from '@/db/mutations/rounds';
import { handleForm } from '@/server/form-action';
import { AgendaSchema, DelegationsSchema, MoveRoundSchema, OutcomeSchema, RemoveOutcomeSchema, RoundEditSchema } from '@/lib/validation/rounds';
import { withCancellationSource, withNewSource } from '@/lib/validation/sources';
import type { FormState } from '@/lib/validation/fields';

export async function editRoundAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', RoundEditSchema, formData, (user, data, values) => {
    const { roundId, version, ...input } = data;
    return withCancellationSource(input, values, (source) => {
      editRound(getDb(), user, roundId, version, input, source);
      return 'Round saved.';
    });
  });
}

export async function delegationsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', DelegationsSchema, formData, (user, data) => {
    setDelegations(getDb(), user, data);
    return 'Delegation heads saved.';
  });
}

export async function agendaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', AgendaSchema, formData, (user, data) => {
    setAgenda(getDb(), user, data);
    return 'Agenda saved.';
  });
}

export async function addOutcomeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', OutcomeSchema, formData, (user, data, values) =>
    withNewSource(values, (source) => {
      addOutcome(getDb(), user, data, source);
      return 'Outcome added.';
    }),
  );
}

export async function removeOutcomeAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', RemoveOutcomeSchema, formData, (user, data) => {
    removeOutcome(getDb(), user, data.outcomeId);
    return 'Outcome removed.';
  });
}

export async function moveRoundAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', MoveRoundSchema, formData, (user, data) => {
    const moved = moveRound(getDb(), user, data);
    return moved ? 'Round moved.' : { ok: false, message: `It is already the ${data.direction === 'earlier' ? 'first' : 'last'} round.` };
  });
}
