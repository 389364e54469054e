'use server';

import { getDb } from '@/server/db';
import { revokeApiToken } from '@/db/mutations/tokens';
import { handleForm } from '@/server/form-action';
import { RevokeTokenSchema } from '@/lib/validation/tokens';
import type { FormState } from '@/lib/validation/fields';

/** An admin ends anyone's token (a leaked one, or one of someone who left). */
export async function revokeAnyTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('admin', RevokeTokenSchema, formData, (user, data) => {
    revokeApiToken(getDb(), user, data.tokenId);
    return 'Token revoked: it no longer works.';
  });
}
