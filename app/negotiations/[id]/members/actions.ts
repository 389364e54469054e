'use server';

import { getDb } from '@/server/db';
import { removeMember, setMember } from '@/db/mutations/members';
import { handleForm } from '@/server/form-action';
import { MemberSchema, RemoveMemberSchema } from '@/lib/validation/negotiations';
import type { FormState } from '@/lib/validation/fields';

export async function setNegotiationMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('admin', MemberSchema, formData, (by, data) => {
    const { added } = setMember(getDb(), by, data);
    return `${added ? 'Member added' : 'Role changed'}: it applies from their next request.`;
  });
}

export async function removeNegotiationMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm('admin', RemoveMemberSchema, formData, (by, { negotiationId, userId }) => {
    removeMember(getDb(), by, negotiationId, userId);
    return 'Member removed: from their next request they no longer see it, if it is restricted.';
  });
}
