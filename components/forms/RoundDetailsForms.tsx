'use client';

import { useFormAction } from './useFormAction';
import { FormMessage, SelectField, TextArea, TextField, type Option } from '@/components/ui/Field';
import { CheckboxGroup } from '@/components/ui/CheckboxGroup';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { SourcePicker, type SourceChoice } from './SourcePicker';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';
import { ConfirmButton } from '@/components/ui/ConfirmButton';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** One text field per party at the table; an empty field means no head recorded. */
export function DelegationsForm({
  action,
  roundId,
  version,
  parties,
  heads,
}: {
  action: Action;
  roundId: number;
  /** The round's: its delegation heads are part of it. */
  version: number;
  parties: { id: number; name: string }[];
  heads: Record<number, string>;
}) {
  const [state, formAction, submissions] = useFormAction(action);
  const v = state.values && sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form key={submissions} action={formAction} className="stack" aria-label="Delegation heads" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="roundId" value={roundId} />
      <VersionField version={version} />
      <div className="grid-2">
        {parties.map((p) => (
          <TextField
            key={p.id}
            label={`Head of the ${p.name} delegation`}
            name={`head.${p.id}`}
            defaultValue={v ? v[`head.${p.id}`] : (heads[p.id] ?? '')}
            errors={e[`head.${p.id}`]}
          />
        ))}
      </div>
      <div>
        <SubmitButton>Save delegation heads</SubmitButton>
      </div>
    </form>
  );
}

export function AgendaForm({
  action,
  roundId,
  version,
  issues,
  onAgenda,
}: {
  action: Action;
  roundId: number;
  /** The round's: its agenda is part of it. */
  version: number;
  issues: { id: number; title: string }[];
  onAgenda: number[];
}) {
  const [state, formAction, submissions] = useFormAction(action);
  const e = state.errors ?? {};
  return (
    <form key={submissions} action={formAction} className="stack" aria-label="Agenda" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="roundId" value={roundId} />
      <VersionField version={version} />
      <CheckboxGroup
        legend="Issues on the agenda"
        name="issueIds"
        options={issues.map((i) => ({ value: String(i.id), label: i.title }))}
        checked={onAgenda.map(String)}
        values={state.ok ? undefined : state.values}
        errors={e.issueIds}
      />
      <div>
        <SubmitButton>Save agenda</SubmitButton>
      </div>
    </form>
  );
}

export function OutcomeForm({ action, roundId, issues, sources }: { action: Action; roundId: number; issues: Option[]; sources: SourceChoice[] }) {
  const [state, formAction, submissions] = useFormAction(action);
  const v = state.ok ? {} : sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form key={submissions} action={formAction} className="stack" aria-label="New outcome" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <input type="hidden" name="roundId" value={roundId} />
      <TextArea label="Outcome" name="text" defaultValue={v.text} errors={e.text} rows={2} required />
      <SelectField label="Issue" name="issueId" options={issues} placeholder="— not about one issue —" defaultValue={v.issueId} errors={e.issueId} />
      <SourcePicker sources={sources} state={state.ok ? {} : state} />
      <div>
        <SubmitButton>Add outcome</SubmitButton>
      </div>
    </form>
  );
}

/** "Move earlier" or "Move later": the round's place in the order is part of it, so the move carries its version. */
export function MoveRoundForm({ action, roundId, version, direction }: { action: Action; roundId: number; version: number; direction: 'earlier' | 'later' }) {
  const name = direction === 'earlier' ? 'Move earlier' : 'Move later';
  return (
    <ButtonForm action={action} fields={{ roundId, direction }} version={version} label={name}>
      {name}
    </ButtonForm>
  );
}

/** A one-button form; the server action says what happened. */
export function ButtonForm({
  action,
  fields,
  version,
  children,
  label,
  className = 'secondary',
  confirm,
}: {
  action: Action;
  fields: Record<string, string | number>;
  /** The version of the record the button changes, when it edits one. */
  version?: number;
  children: React.ReactNode;
  label: string;
  className?: string;
  /** For a removal: the question asked before it is made, and the confirming button's words. */
  confirm?: { question: string; yes: string };
}) {
  const [state, formAction, submissions] = useFormAction(action);
  return (
    <form key={submissions} action={formAction} aria-label={label} className="inline-form">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {version !== undefined && <VersionField version={version} />}
      {confirm ? (
        <ConfirmButton question={confirm.question} yes={confirm.yes} className={className}>
          {children}
        </ConfirmButton>
      ) : (
        <button type="submit" className={className}>
          {children}
        </button>
      )}
      {state.message && !state.ok && (
        <span className="error small" role="alert">
          {state.message}
        </span>
      )}
    </form>
  );
}
