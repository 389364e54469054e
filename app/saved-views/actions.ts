'use server';

import { getDb } from '@/server/db';
import { deleteView, saveView } from '@/db/mutations/saved-views';
import { handleForm } from '@/server/form-action';
import { DeleteViewSchema, SavedViewSchema } from '@/lib/validation/saved-views';
import type { FormState } from '@/lib/validation/fields';

// Viewers may save views: a view is their own bookmark of a filtered page and changes nothing anyone else sees.

export async function saveViewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('viewer', SavedViewSchema, formData, (user, data) => {
    const { replaced } = saveView(getDb(), user, data);
    return replaced ? `View “${data.name}” updated with the current filters.` : `View “${data.name}” saved.`;
  });
}

export async function deleteViewAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('viewer', DeleteViewSchema, formData, (user, data) => {
    deleteView(getDb(), user, data.viewId);
    return 'View deleted.';
  });
}
