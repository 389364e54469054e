'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { handleForm } from '@/server/form-action';
import { confirmCapture } from '@/db/mutations/capture';
import { CaptureConfirmSchema } from '@/lib/validation/capture';
import type { FormState } from '@/lib/validation/fields';

/** Confirms a reviewed capture: every accepted proposal logged with the article kept, in one transaction, or nothing. */
export async function confirmCaptureAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const done = { negotiationId: 0, count: 0 };
  const state = await handleForm('analyst', CaptureConfirmSchema, formData, (user, data) => {
    const confirmed = confirmCapture(getDb(), user, data);
    done.negotiationId = data.negotiationId;
    done.count = confirmed.updateIds.length;
    return `${confirmed.updateIds.length} updates logged from the article.`;
  });
  // The timeline shows what was just logged, newest first, each with its source and quote.
  if (done.count) redirect(`/negotiations/${done.negotiationId}/timeline?captured=${done.count}`);
  return state;
}
