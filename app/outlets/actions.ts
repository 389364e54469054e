'use server';

import { getDb } from '@/server/db';
import { regradeOutlet } from '@/db/mutations/outlets';
import { handleForm } from '@/server/form-action';
import { RegradeOutletSchema } from '@/lib/validation/outlets';
import { RELIABILITY_LABELS } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';

export async function regradeOutletAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('analyst', RegradeOutletSchema, formData, (user, data) => {
    regradeOutlet(getDb(), user, data);
    return `Regraded ${RELIABILITY_LABELS[data.reliability]}. Its articles already stored keep their grade.`;
  });
}
