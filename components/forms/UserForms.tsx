'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { ROLES } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;
const ROLE_OPTIONS = ROLES.map((r) => ({ value: r, label: r }));

export function NewUserForm({ action, passwordRules }: { action: Action; passwordRules: string }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    // Keyed on success so the fields empty for the next user.
    <form key={state.ok ? state.message : 'form'} action={formAction} className="stack" aria-label="New user" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <div className="grid-2">
        <TextField label="Email" name="email" type="email" autoComplete="off" defaultValue={state.ok ? '' : v.email} errors={e.email} required />
        <TextField label="Name" name="name" defaultValue={state.ok ? '' : v.name} errors={e.name} required />
        <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue={state.ok ? 'viewer' : (v.role ?? 'viewer')} errors={e.role} />
        <TextField label="Password" name="password" type="password" autoComplete="new-password" errors={e.password} required hint={`Use ${passwordRules}. Give it to the user by a safe channel.`} />
      </div>
      <div>
        <SubmitButton>Create user</SubmitButton>
      </div>
    </form>
  );
}

/** A user as the users page lists them; `version` is the account's, which its role, access and password forms carry. */
type Row = { id: number; email: string; role: string; disabled: boolean; version: number };

export function UserRoleForm({ action, user }: { action: Action; user: Row }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form" aria-label={`Role of ${user.email}`} noValidate>
      <input type="hidden" name="userId" value={user.id} />
      <VersionField version={user.version} />
      <SelectField label="Role" name="role" options={ROLE_OPTIONS} defaultValue={sentText(state.values).role ?? user.role} errors={state.errors?.role} />
      <SubmitButton>Change role</SubmitButton>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
    </form>
  );
}

export function UserDisabledForm({ action, user }: { action: Action; user: Row }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form" aria-label={`Access of ${user.email}`} noValidate>
      <input type="hidden" name="userId" value={user.id} />
      <VersionField version={user.version} />
      <input type="hidden" name="disabled" value={user.disabled ? 'false' : 'true'} />
      <SubmitButton>{user.disabled ? 'Enable' : 'Disable'}</SubmitButton>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
    </form>
  );
}

export function PasswordResetForm({ action, user }: { action: Action; user: Row }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form key={state.ok ? state.message : 'form'} action={formAction} className="inline-form" aria-label={`Password of ${user.email}`} noValidate>
      <input type="hidden" name="userId" value={user.id} />
      <VersionField version={user.version} />
      <TextField label="New password" name="password" type="password" autoComplete="new-password" errors={state.errors?.password} />
      <SubmitButton>Reset password</SubmitButton>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
    </form>
  );
}
