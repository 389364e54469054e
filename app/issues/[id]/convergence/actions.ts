'use server';

import { getDb } from '@/server/db';
import { setConvergence } from '@/db/mutations/convergence';
import { handleForm } from '@/server/form-action';
import { ConvergenceSchema } from '@/lib/validation/convergence';
import type { FormState } from '@/lib/validation/fields';

export async function recordConvergenceAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', ConvergenceSchema, formData, (user, data) => {
    setConvergence(getDb(), user, data);
    return 'Judgement recorded; it replaces any earlier one for that round.';
  });
}
