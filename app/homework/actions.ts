'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { changeHomeworkStatus, createHomework, editHomework } from '@/db/mutations/homework';
import { handleForm } from '@/server/form-action';
import { HomeworkEditFormSchema, HomeworkFormSchema, HomeworkStatusSchema } from '@/lib/validation/homework';
import type { FormState } from '@/lib/validation/fields';

function refresh(homeworkId?: number) {
  revalidatePath('/homework');
  if (homeworkId) revalidatePath(`/homework/${homeworkId}`);
  revalidatePath('/rounds/[id]', 'page');
  revalidatePath('/negotiations/[id]', 'page');
}

export async function createHomeworkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let created: number | undefined;
  const state = await handleForm('analyst', HomeworkFormSchema, formData, (user, data) => {
    created = createHomework(getDb(), user, data);
    refresh(created);
    return 'Homework added.';
  });
  if (created) redirect(`/homework/${created}`);
  return state;
}

export async function editHomeworkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', HomeworkEditFormSchema, formData, (user, data) => {
    const { homeworkId, version, ...input } = data;
    editHomework(getDb(), user, homeworkId, version, input);
    refresh(homeworkId);
    return 'Homework saved; the earlier version is kept in its history.';
  });
}

export async function changeHomeworkStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', HomeworkStatusSchema, formData, (user, data) => {
    changeHomeworkStatus(getDb(), user, data);
    refresh(data.homeworkId);
    return 'Status changed.';
  });
}
