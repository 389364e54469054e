'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { editUpdate, logUpdate } from '@/db/mutations/updates';
import { handleForm } from '@/server/form-action';
import { UpdateEditSchema, UpdateSchema } from '@/lib/validation/updates';
import { withNewSource } from '@/lib/validation/sources';
import type { FormState } from '@/lib/validation/fields';

export async function logUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const created = { id: 0 };
  const state = await handleForm('analyst', UpdateSchema, formData, (user, data, values) =>
    withNewSource(values, (source) => {
      created.id = logUpdate(getDb(), user, data, source ? [source] : []).id;
      return 'Update logged.';
    }),
  );
  if (created.id) redirect(`/updates/${created.id}?logged=1`);
  return state;
}

export async function editUpdateAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const edited = { id: 0 };
  const state = await handleForm('analyst', UpdateEditSchema, formData, (user, data, values) =>
    withNewSource(values, (source) => {
      editUpdate(getDb(), user, data.updateId, data.version, data, source ? [source] : []);
      edited.id = data.updateId;
      return 'Update saved; the earlier text is kept.';
    }),
  );
  if (edited.id) redirect(`/updates/${edited.id}`);
  return state;
}
