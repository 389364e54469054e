'use server';

import { getDb } from '@/server/db';
import { createApiToken, revokeApiToken } from '@/db/mutations/tokens';
import { handleForm } from '@/server/form-action';
import { RevokeTokenSchema, TokenSchema } from '@/lib/validation/tokens';
import type { FormState } from '@/lib/validation/fields';
import { formatDate } from '@/lib/dates';

export type TokenFormState = FormState & { token?: string };

// Any signed-in user may hold tokens: a full-access token acts with its owner's role, so a viewer's only reads anyway.
export async function createTokenAction(_prev: TokenFormState, formData: FormData): Promise<TokenFormState> {
  let token: string | undefined;
  const state = await handleForm('viewer', TokenSchema, formData, (user, data) => {
    const created = createApiToken(getDb(), user, data);
    token = created.token;
    return `Token “${data.name}” created: ${data.scope === 'read' ? 'read-only' : 'full access'}, until ${formatDate(created.expiresAt.slice(0, 10))}.`;
  });
  return state.ok ? { ...state, token, values: {} } : state;
}

export async function revokeTokenAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('viewer', RevokeTokenSchema, formData, (user, data) => {
    revokeApiToken(getDb(), user, data.tokenId);
    return 'Token revoked: it no longer works.';
  });
}
