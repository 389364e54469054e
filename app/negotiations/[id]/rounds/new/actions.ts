'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { createRound } from '@/db/mutations/rounds';
import { handleForm } from '@/server/form-action';
import { RoundSchema } from '@/lib/validation/rounds';
import { withCancellationSource } from '@/lib/validation/sources';
import type { FormState } from '@/lib/validation/fields';

export async function createRoundAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let created: number | undefined;
  const state = await handleForm('analyst', RoundSchema, formData, (user, data, values) =>
    withCancellationSource(data, values, (source) => {
      created = createRound(getDb(), user, data, source);
      return 'Round created.';
    }),
  );
  // Outside handleForm: redirect() works by throwing, which handleForm would report as a failure.
  if (created) redirect(`/rounds/${created}`);
  return state;
}
