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
  return handleForm('admin', UserRoleSchema, formData, (by, { userId, role }) => {
    updateUserAccess(getDb(), by, userId, { role });
    return `Role changed to ${role}; it applies from the user's next request.`;
  });
}

export async function setDisabledAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('admin', UserDisabledSchema, formData, (by, { userId, disabled }) => {
    updateUserAccess(getDb(), by, userId, { disabled });
    return disabled ? 'Disabled; their sessions have ended.' : 'Enabled; they can sign in again.';
  });
}

export async function resetPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return withoutPassword(await handleForm('admin', PasswordResetSchema, formData, async (by, { userId, password }) => {
    const passwordHash = await hashPassword(password);
    setPassword(getDb(), by, userId, passwordHash);
    return 'Password reset; their sessions have ended.';
  }));
}
