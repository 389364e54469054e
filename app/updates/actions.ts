'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { editUpdate, logUpdate } from '@/db/mutations/updates';
import { handleForm } from '@/server/form-action';
import { joinMultiValues, UpdateEditSchema, UpdateSchema } from '@/lib/validation/updates';
import { parseNewSource } from '@/lib/validation/sources';
import type { FormState } from '@/lib/validation/fields';

export async function logUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const created = { id: 0 };
  const state = await handleForm('analyst', UpdateSchema, joinMultiValues(formData), (user, data, values) => {
    const { source, errors } = parseNewSource(values);
    if (errors) return { ok: false, message: 'Please correct the source fields.', errors };
    created.id = logUpdate(getDb(), user, data, source ? [source] : []).id;
    // The update may move the dashboard, issue pages, timelines and round views.
    revalidatePath('/', 'layout');
    return 'Update logged.';
  });
  if (created.id) redirect(`/updates/${created.id}?logged=1`);
  return state;
}

export async function editUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const edited = { id: 0 };
  const state = await handleForm('analyst', UpdateEditSchema, joinMultiValues(formData), (user, data, values) => {
    const { source, errors } = parseNewSource(values);
    if (errors) return { ok: false, message: 'Please correct the source fields.', errors };
    editUpdate(getDb(), user, data.updateId, data.version, data, source ? [source] : []);
    edited.id = data.updateId;
    revalidatePath('/', 'layout');
    return 'Update saved; the earlier text is kept.';
  });
  if (edited.id) redirect(`/updates/${edited.id}`);
  return state;
}
