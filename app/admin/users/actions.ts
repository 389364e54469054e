'use server';

import { getDb } from '@/server/db';
import { createUser, setPassword, updateUserAccess } from '@/db/mutations/users';
import { hashPassword } from '@/server/auth/password';
import { handleForm } from '@/server/form-action';
import { NewUserSchema, PasswordResetSchema, UserDisabledSchema, UserRoleSchema } from '@/lib/validation/users';
import type { FormState } from '@/lib/validation/fields';

/** A refused form echoes what was typed, so it can be shown again; never a password. */
function withoutPassword(state: FormState): FormState {
  if (!state.values) return state;
  const { password: _password, ...values } = state.values;
  return { ...state, values };
}

export async function createUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return withoutPassword(await handleForm('admin', NewUserSchema, formData, async (by, { password, ...user }) => {
    // Hashing is asynchronous: done before the synchronous transaction, never inside it.
    const passwordHash = await hashPassword(password);
    const row = createUser(getDb(), by, { ...user, passwordHash });
    return `Created ${row.role} ${row.email}. They can sign in now.`;
  }));
}

export async function changeRoleAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('admin', UserRoleSchema, formData, (by, { userId, version, role }) => {
    updateUserAccess(getDb(), by, userId, { role }, version);
    return `Role changed to ${role}; their sessions and API tokens have ended.`;
  });
}

export async function setDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('admin', UserDisabledSchema, formData, (by, { userId, version, disabled }) => {
    updateUserAccess(getDb(), by, userId, { disabled }, version);
    return disabled ? 'Disabled; their sessions and API tokens have ended.' : 'Enabled; they can sign in again (tokens made before stay ended).';
  });
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return withoutPassword(await handleForm('admin', PasswordResetSchema, formData, async (by, { userId, version, password }) => {
    const passwordHash = await hashPassword(password);
    setPassword(getDb(), by, userId, passwordHash, version);
    return 'Password reset; their sessions and API tokens have ended.';
  }));
}
