'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { changeHomeworkStatus, createHomework, editHomework } from '@/db/mutations/homework';
import { handleForm } from '@/server/form-action';
import { HomeworkEditSchema, HomeworkSchema, HomeworkStatusSchema } from '@/lib/validation/homework';
import type { FormState } from '@/lib/validation/fields';

export async function createHomeworkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let created: number | undefined;
  const state = await handleForm('analyst', HomeworkSchema, formData, (user, data) => {
    created = createHomework(getDb(), user, data);
    return 'Homework added.';
  });
  if (created) redirect(`/homework/${created}`);
  return state;
}

export async function editHomeworkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', HomeworkEditSchema, formData, (user, data) => {
    const { homeworkId, version, ...input } = data;
    editHomework(getDb(), user, homeworkId, version, input);
    return 'Homework saved; the earlier version is kept in its history.';
  });
}

export async function changeHomeworkStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', HomeworkStatusSchema, formData, (user, data) => {
    changeHomeworkStatus(getDb(), user, data);
    return 'Status changed.';
  });
}
