'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/server/db';
import { createIssue } from '@/db/mutations/issues';
import { handleForm } from '@/server/form-action';
import { IssueSchema } from '@/lib/validation/issues';
import type { FormState } from '@/lib/validation/fields';

export async function createIssueAction(_prev: FormState, formData: FormData): Promise<FormState> {
  let created: number | undefined;
  const state = await handleForm('analyst', IssueSchema, formData, (user, data) => {
    created = createIssue(getDb(), user, data);
  });
  if (created) redirect(`/issues/${created}`);
  return state;
}
