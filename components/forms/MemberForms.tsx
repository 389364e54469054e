'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { MEMBER_ROLES, type MemberRole } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';

type Action = (state: FormState, data: FormData) => Promise<FormState>;
const ROLE_OPTIONS = MEMBER_ROLES.map((r) => ({ value: r, label: r }));

export function AddMemberForm({ action, negotiationId, users }: { action: Action; negotiationId: number; users: { value: string; label: string }[] }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form key={state.ok ? state.message : 'form'} action={formAction} className="stack" aria-label="Add a member" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="negotiationId" value={negotiationId} />
      <div className="grid-2">
        <SelectField label="User" name="userId" options={users} placeholder="Choose a user" defaultValue={state.ok ? '' : v.userId} errors={e.userId} />
        <SelectField
          label="Role in this negotiation"
          name="role"
          options={ROLE_OPTIONS}
          defaultValue={state.ok ? 'viewer' : (v.role ?? 'viewer')}
          errors={e.role}
          hint="Never above the user's own role: a viewer made an analyst here still only reads."
        />
      </div>
      <div>
        <SubmitButton>Add member</SubmitButton>
      </div>
    </form>
  );
}

export function MemberRoleForm({ action, negotiationId, member }: { action: Action; negotiationId: number; member: { userId: number; email: string; role: MemberRole } }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form" aria-label={`Role of ${member.email} in this negotiation`} noValidate>
      <input type="hidden" name="negotiationId" value={negotiationId} />
      <input type="hidden" name="userId" value={member.userId} />
      <SelectField label="Role here" name="role" options={ROLE_OPTIONS} defaultValue={sentText(state.values).role ?? member.role} errors={state.errors?.role} />
      <SubmitButton>Change role</SubmitButton>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
    </form>
  );
}

export function RemoveMemberForm({ action, negotiationId, member }: { action: Action; negotiationId: number; member: { userId: number; email: string } }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} className="inline-form" aria-label={`Remove ${member.email}`} noValidate>
      <input type="hidden" name="negotiationId" value={negotiationId} />
      <input type="hidden" name="userId" value={member.userId} />
      <SubmitButton pendingLabel="Removing…">Remove</SubmitButton>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
    </form>
  );
}
