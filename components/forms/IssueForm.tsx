'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextArea, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { ISSUE_STATUSES, PRIORITIES, label } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';

type Issue = { id: number; version: number; title: string; description: string; priority: string; keyDate: string | null; keyDateLabel: string; keywords: string };

/** Creates an issue of a negotiation (`negotiationId`) or edits one (`issue`, with the version it was read at). */
export function IssueForm({
  action,
  negotiationId,
  issue,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  negotiationId?: number;
  issue?: Issue;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label={issue ? 'Edit issue' : 'New issue'} noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      {issue ? (
        <>
          <input type="hidden" name="issueId" value={issue.id} />
          <VersionField version={issue.version} />
        </>
      ) : (
        <input type="hidden" name="negotiationId" value={negotiationId} />
      )}
      <TextField label="Title" name="title" defaultValue={v.title ?? issue?.title} errors={e.title} required hint="The question on the table, e.g. “Security guarantees”." />
      <TextArea label="Description" name="description" defaultValue={v.description ?? issue?.description} errors={e.description} rows={3} />
      <div className="grid-2">
        {!issue && (
          <SelectField
            label="Status"
            name="status"
            options={ISSUE_STATUSES.map((s) => ({ value: s, label: label(s) }))}
            defaultValue={v.status ?? 'under_discussion'}
            errors={e.status}
          />
        )}
        <SelectField
          label="Priority"
          name="priority"
          options={PRIORITIES.map((p) => ({ value: p, label: label(p) }))}
          defaultValue={v.priority ?? issue?.priority ?? 'medium'}
          errors={e.priority}
        />
        <TextField label="Key date" name="keyDate" type="date" defaultValue={v.keyDate ?? issue?.keyDate ?? ''} errors={e.keyDate} hint="A deadline that matters for this issue; leave empty if none." />
        <TextField label="Key date label" name="keyDateLabel" defaultValue={v.keyDateLabel ?? issue?.keyDateLabel} errors={e.keyDateLabel} hint="What happens then, e.g. “New START expires”." />
      </div>
      <TextField
        label="Keywords and aliases"
        name="keywords"
        defaultValue={v.keywords ?? issue?.keywords.split('\n').join(', ')}
        errors={e.keywords}
        hint="Other words an article may use for this issue, separated by commas, e.g. “POWs, swap, prisoner exchange”: capture from an article matches them."
      />
      <div>
        <SubmitButton>{issue ? 'Save issue' : 'Create issue'}</SubmitButton>
      </div>
    </form>
  );
}
