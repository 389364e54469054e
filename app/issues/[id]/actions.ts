'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/server/db';
import { recordPosition } from '@/db/mutations/positions';
import { changeIssueStatus } from '@/db/mutations/issues';
import { handleForm } from '@/server/form-action';
import { PositionSchema } from '@/lib/validation/positions';
import { StatusChangeSchema } from '@/lib/validation/issues';
import { parseNewSource } from '@/lib/validation/sources';
import type { FormState } from '@/lib/validation/fields';

export async function recordPositionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', PositionSchema, formData, (user, data, values) => {
    const { source, errors } = parseNewSource(values);
    if (errors) return { ok: false, message: 'Please correct the source fields.', errors };
    recordPosition(getDb(), user, data, source);
    revalidatePath(`/issues/${data.issueId}`);
    revalidatePath('/');
    return 'New position recorded; the previous one is kept in the history.';
  });
}

export async function changeStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', StatusChangeSchema, formData, (user, data, values) => {
    const { source, errors } = parseNewSource(values);
    if (errors) return { ok: false, message: 'Please correct the source fields.', errors };
    changeIssueStatus(getDb(), user, data, source);
    revalidatePath(`/issues/${data.issueId}`);
    revalidatePath('/');
    return 'Status changed.';
  });
}
