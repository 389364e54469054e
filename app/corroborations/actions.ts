'use server';

import { getDb } from '@/server/db';
import { addToCorroboration, createCorroboration, groupPair, markCorroboration, removeFromCorroboration } from '@/db/mutations/corroborations';
import { handleForm } from '@/server/form-action';
import { GroupPairSchema, MarkSchema, MemberSchema, NewCorroborationSchema } from '@/lib/validation/corroborations';
import type { FormState } from '@/lib/validation/fields';

export async function createCorroborationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', NewCorroborationSchema, formData, (user, data) => {
    createCorroboration(getDb(), user, data);
    return `Group “${data.label}” created.`;
  });
}

export async function groupPairAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', GroupPairSchema, formData, (user, data) => {
    groupPair(getDb(), user, data);
    return 'Grouped.';
  });
}

export async function addMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', MemberSchema, formData, (user, data) => {
    addToCorroboration(getDb(), user, data);
    return `Update ${data.updateId} added to the group.`;
  });
}

export async function removeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', MemberSchema, formData, (user, data) => {
    removeFromCorroboration(getDb(), user, data);
    return `Update ${data.updateId} removed from the group.`;
  });
}

export async function markAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', MarkSchema, formData, (user, data) => {
    markCorroboration(getDb(), user, data);
    return 'Verdict saved.';
  });
}
