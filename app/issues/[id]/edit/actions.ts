'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { updateIssue } from '@/db/mutations/issues';
import { handleForm } from '@/server/form-action';
import { IssueEditSchema } from '@/lib/validation/issues';
import type { FormState } from '@/lib/validation/fields';

export async function updateIssueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let saved: number | undefined;
  const state = await handleForm('analyst', IssueEditSchema, formData, (user, { issueId, version, ...fields }) => {
    updateIssue(getDb(), user, issueId, version, fields);
    saved = issueId;
  });
  if (saved) redirect(`/issues/${saved}`);
  return state;
}
