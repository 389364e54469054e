'use client';

import { PARTIAL_DATE_HINT, partialDateInput, storedDate } from '@/lib/partial-date';
import { useFormAction } from './useFormAction';
import { FormMessage, SelectField, TextArea, TextField, type Option } from '@/components/ui/Field';
import { CheckboxGroup } from '@/components/ui/CheckboxGroup';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { HOMEWORK_STATUSES, label } from '@/lib/domain';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';

export type HomeworkFormValues = {
  id: number;
  version: number;
  title: string;
  description: string;
  vague: boolean;
  issueId: number | null;
  ownerPartyIds: number[];
  assignedRoundId: number | null;
  dueRoundId: number | null;
  dueOn: string | null;
  dueOnPrecision: string;
  dueOnLabel: string;
  status: string;
  resolution: string;
};

const str = (n: number | null | undefined) => (n ? String(n) : '');

/** A new homework item, or the refinement of an existing one (every field, e.g. a vague item made specific). */
export function HomeworkForm({
  action,
  negotiationId,
  parties,
  issues,
  rounds,
  item,
  preset,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  negotiationId: number;
  parties: Option[];
  issues: Option[];
  rounds: Option[];
  item?: HomeworkFormValues;
  preset?: { assignedRoundId?: number; dueRoundId?: number };
}) {
  const [state, formAction, submissions] = useFormAction(action);
  const v = sentText(state.values);
  const e = state.errors ?? {};
  const sent = state.ok ? undefined : state.values;
  return (
    <form key={submissions} action={formAction} className="stack" aria-label={item ? 'Refine homework' : 'New homework'} noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="negotiationId" value={negotiationId} />
      {item && <input type="hidden" name="homeworkId" value={item.id} />}
      {item && <VersionField version={item.version} />}
      <TextField label="Title" name="title" defaultValue={v.title ?? item?.title} errors={e.title} required />
      <label className="checkbox">
        <input type="checkbox" name="vague" defaultChecked={sent ? sent.vague === 'on' : (item?.vague ?? false)} /> Vague: logged as reported, to be
        refined later
      </label>
      <TextArea label="Description" name="description" defaultValue={v.description ?? item?.description} errors={e.description} rows={3} />
      <CheckboxGroup
        legend="Owner parties"
        name="ownerPartyIds"
        options={parties}
        checked={(item?.ownerPartyIds ?? []).map(String)}
        values={sent}
        errors={e.ownerPartyIds}
        hint="The parties that took the homework away."
      />
      <div className="grid-2">
        <SelectField label="Issue" name="issueId" options={issues} placeholder="— not tied to one issue —" defaultValue={v.issueId ?? str(item?.issueId)} errors={e.issueId} />
        <SelectField
          label="Assigned at"
          name="assignedRoundId"
          options={rounds}
          placeholder="— no round —"
          defaultValue={v.assignedRoundId ?? str(item?.assignedRoundId ?? preset?.assignedRoundId)}
          errors={e.assignedRoundId}
        />
        <SelectField
          label="Due at round"
          name="dueRoundId"
          options={rounds}
          placeholder="— no round —"
          defaultValue={v.dueRoundId ?? str(item?.dueRoundId ?? preset?.dueRoundId)}
          errors={e.dueRoundId}
        />
        <TextField
          label="Due date"
          name="dueOn"
          defaultValue={v.dueOn ?? partialDateInput(storedDate(item?.dueOn, item?.dueOnPrecision, item?.dueOnLabel))}
          errors={e.dueOn}
          hint={`Instead of, or as well as, a due round; as precisely as reported: ${PARTIAL_DATE_HINT}.`}
        />
        <SelectField
          label="Status"
          name="status"
          options={HOMEWORK_STATUSES.map((s) => ({ value: s, label: label(s) }))}
          defaultValue={v.status ?? item?.status ?? 'open'}
          errors={e.status}
        />
      </div>
      <TextArea label="Resolution note" name="resolution" defaultValue={v.resolution ?? item?.resolution} errors={e.resolution} rows={2} />
      <div>
        <SubmitButton>{item ? 'Save changes' : 'Add homework'}</SubmitButton>
      </div>
    </form>
  );
}

export function HomeworkStatusForm({
  action,
  homeworkId,
  version,
  status,
  resolution,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  homeworkId: number;
  version: number;
  status: string;
  resolution: string;
}) {
  const [state, formAction, submissions] = useFormAction(action);
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form key={submissions} action={formAction} className="stack" aria-label="Change homework status" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="homeworkId" value={homeworkId} />
      <VersionField version={version} />
      <SelectField
        label="New status"
        name="status"
        options={HOMEWORK_STATUSES.map((s) => ({ value: s, label: label(s) }))}
        defaultValue={v.status ?? status}
        errors={e.status}
      />
      <TextArea label="Resolution note" name="resolution" defaultValue={v.resolution ?? resolution} errors={e.resolution} rows={2} hint="What was delivered, or why it was dropped." />
      <div>
        <SubmitButton>Change status</SubmitButton>
      </div>
    </form>
  );
}
