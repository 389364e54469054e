'use server';

import { getDb } from '@/server/db';
import { recordPosition } from '@/db/mutations/positions';
import { changeIssueStatus } from '@/db/mutations/issues';
import { handleForm } from '@/server/form-action';
import { PositionSchema } from '@/lib/validation/positions';
import { StatusChangeSchema } from '@/lib/validation/issues';
import { withNewSource } from '@/lib/validation/sources';
import type { FormState } from '@/lib/validation/fields';

export async function recordPositionAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', PositionSchema, formData, (user, data, values) =>
    withNewSource(values, (source) => {
      recordPosition(getDb(), user, data, source);
      return 'New position recorded; the previous one is kept in the history.';
    }),
  );
}

export async function changeStatusAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', StatusChangeSchema, formData, (user, data, values) =>
    withNewSource(values, (source) => {
      changeIssueStatus(getDb(), user, data, source);
      return 'Status changed.';
    }),
  );
}
