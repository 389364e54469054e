'use client';

import { useActionState, useId, useState } from 'react';
import { FormMessage, SelectField, TextArea, TextField, type Option } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { FLEXIBILITIES, HOMEWORK_STATUSES, ISSUE_STATUSES, STANCES, label } from '@/lib/domain';
import { NewSourceFields } from './SourcePicker';
import type { FormState } from '@/lib/validation/fields';

export type NegotiationChoice = {
  id: number;
  name: string;
  issues: { id: number; title: string; status: string }[];
  parties: { id: number; name: string; shortName: string }[];
  actors: { id: number; name: string; title: string }[];
  rounds: { id: number; name: string; status: string }[];
  homework: { id: number; title: string; status: string }[];
};
export type CitableSource = { id: number; outlet: string; title: string; publishedOn: string | null; reliability: string; credibility: number; quote: string };

function sourceLabel(s: CitableSource): string {
  const what = s.quote ? `“${s.quote}${s.quote.length >= 90 ? '…' : ''}”` : s.title;
  return `${s.outlet}${s.publishedOn ? ` (${s.publishedOn})` : ''} [${s.reliability}${s.credibility}]: ${what}`;
}

/** What the form starts with: a new update's context (from the URL), or the update being edited. */
export type UpdateFormStart = {
  negotiationId: number;
  body?: string;
  occurredOn: string;
  occurredTime?: string | null;
  roundId?: number | null;
  issueIds?: number[];
  partyIds?: number[];
  actorIds?: number[];
  sourceIds?: number[];
  edit?: { updateId: number; version: number };
};

const list = (v: string | undefined, fallback: number[] = []) => (v === undefined ? fallback.map(String) : v.split(',').filter(Boolean));

function CheckboxGroup({ legend, name, options, checked, errors }: { legend: string; name: string; options: Option[]; checked: string[]; errors?: string[] }) {
  const id = useId();
  if (options.length === 0) return null;
  return (
    <fieldset className="field checkbox-group" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="check">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} /> {o.label}
        </label>
      ))}
      {errors?.length ? (
        <span className="error" id={`${id}-error`} role="alert">
          {errors.join(' ')}
        </span>
      ) : null}
    </fieldset>
  );
}

/** Log an update (with optional changes it brings) or, with `start.edit`, edit one's text, date and links. */
export function UpdateForm({
  action,
  negotiations,
  sources,
  start,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  negotiations: NegotiationChoice[];
  sources: CitableSource[];
  start: UpdateFormStart;
}) {
  const [state, formAction] = useActionState(action, {});
  const v = state.values ?? {};
  const e = state.errors ?? {};
  const editing = start.edit;
  const [negotiationId, setNegotiationId] = useState(String(start.negotiationId));
  const negotiation = negotiations.find((n) => String(n.id) === negotiationId) ?? negotiations[0];
  const bodyId = useId();
  const sourcesId = useId();
  const sectionOpen = (prefix: string) => Object.entries(v).some(([k, val]) => k.startsWith(`${prefix}.`) && val !== '' && !/flexibility$/.test(k)) || Object.keys(e).some((k) => k.startsWith(`${prefix}.`));
  const issueOptions = negotiation.issues.map((i) => ({ value: String(i.id), label: i.title }));
  const partyOptions = negotiation.parties.map((p) => ({ value: String(p.id), label: p.name }));
  const roundOptions = negotiation.rounds.map((r) => ({ value: String(r.id), label: `${r.name} (${label(r.status)})` }));
  const chosenSources = list(v.sourceIds, start.sourceIds);

  return (
    <form action={formAction} className="stack" aria-label={editing ? 'Edit update' : 'Log an update'} noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {editing ? (
        <>
          <input type="hidden" name="updateId" value={editing.updateId} />
          <input type="hidden" name="version" value={editing.version} />
          <p className="small">Negotiation: {negotiation.name}</p>
        </>
      ) : (
        <div className="field">
          <label htmlFor={`${bodyId}-neg`}>Negotiation</label>
          <select id={`${bodyId}-neg`} name="negotiationId" value={negotiationId} onChange={(ev) => setNegotiationId(ev.target.value)} aria-invalid={e.negotiationId ? true : undefined}>
            {negotiations.map((n) => (
              <option key={n.id} value={n.id}>
                {n.name}
              </option>
            ))}
          </select>
          {e.negotiationId && (
            <span className="error" role="alert">
              {e.negotiationId.join(' ')}
            </span>
          )}
        </div>
      )}

      <div className="field">
        <label htmlFor={bodyId}>What happened</label>
        <textarea
          id={bodyId}
          name="body"
          rows={6}
          autoFocus
          defaultValue={v.body ?? start.body}
          required
          aria-invalid={e.body ? true : undefined}
          aria-describedby={`${bodyId}-hint${e.body ? ` ${bodyId}-error` : ''}`}
        />
        <span className="hint" id={`${bodyId}-hint`}>
          Markdown: **bold**, _italic_, [links](https://…), &gt; quotes.
        </span>
        {e.body && (
          <span className="error" id={`${bodyId}-error`} role="alert">
            {e.body.join(' ')}
          </span>
        )}
      </div>

      <div className="grid-2">
        <TextField label="Date it happened" name="occurredOn" type="date" defaultValue={v.occurredOn ?? start.occurredOn} errors={e.occurredOn} required hint="Not when you log it." />
        <TextField label="Time (optional)" name="occurredTime" type="time" defaultValue={v.occurredTime ?? start.occurredTime ?? ''} errors={e.occurredTime} hint="24-hour, if known." />
        <SelectField
          key={`round-${negotiation.id}`}
          label="Round"
          name="roundId"
          options={roundOptions}
          placeholder="— not tied to a round —"
          defaultValue={v.roundId ?? (start.roundId ? String(start.roundId) : '')}
          errors={e.roundId}
        />
      </div>

      <div key={`links-${negotiation.id}`} className="grid-2">
        <CheckboxGroup legend="Issues" name="issueIds" options={issueOptions} checked={list(v.issueIds, start.issueIds)} errors={e.issueIds} />
        <CheckboxGroup legend="Parties" name="partyIds" options={partyOptions} checked={list(v.partyIds, start.partyIds)} errors={e.partyIds} />
        <CheckboxGroup
          legend="Actors"
          name="actorIds"
          options={negotiation.actors.map((a) => ({ value: String(a.id), label: a.name }))}
          checked={list(v.actorIds, start.actorIds)}
          errors={e.actorIds}
        />
      </div>

      <fieldset>
        <legend>Sources</legend>
        <div className="field">
          <label htmlFor={sourcesId}>Cite existing sources</label>
          <select id={sourcesId} name="sourceIds" multiple size={8} className="source-list" defaultValue={chosenSources} aria-describedby={`${sourcesId}-hint`} aria-invalid={e.sourceIds ? true : undefined}>
            {sources.map((s) => (
              <option key={s.id} value={s.id} title={s.title}>
                {sourceLabel(s)}
              </option>
            ))}
          </select>
          <span className="hint" id={`${sourcesId}-hint`}>
            Ctrl/⌘-click or Shift+arrows to pick several.
          </span>
          {e.sourceIds && (
            <span className="error" role="alert">
              {e.sourceIds.join(' ')}
            </span>
          )}
        </div>
        <NewSourceFields state={state} />
      </fieldset>

      {!editing && (
        <div key={`changes-${negotiation.id}`} className="stack">
          <p className="small muted">Changes this update brings (optional). They take the update&apos;s date, round and first source, and are applied with it or not at all.</p>
          <details open={sectionOpen('position')}>
            <summary>New position</summary>
            <div className="grid-2">
              <SelectField label="Party" name="position.partyId" options={partyOptions} placeholder="— choose —" defaultValue={v['position.partyId']} errors={e['position.partyId']} />
              <SelectField label="Issue" name="position.issueId" options={issueOptions} placeholder="— choose —" defaultValue={v['position.issueId']} errors={e['position.issueId']} />
              <SelectField
                label="Stance"
                name="position.stance"
                options={STANCES.map((s) => ({ value: s, label: label(s) }))}
                placeholder="— choose —"
                defaultValue={v['position.stance']}
                errors={e['position.stance']}
              />
              <SelectField
                label="Flexibility"
                name="position.flexibility"
                options={FLEXIBILITIES.map((f) => ({ value: f, label: label(f) }))}
                defaultValue={v['position.flexibility'] ?? 'unknown'}
                errors={e['position.flexibility']}
              />
            </div>
            <TextArea label="Position summary" name="position.summary" defaultValue={v['position.summary']} errors={e['position.summary']} rows={2} />
            <TextArea label="Red lines" name="position.redLines" defaultValue={v['position.redLines']} errors={e['position.redLines']} rows={2} />
          </details>
          <details open={sectionOpen('statusChange')}>
            <summary>Status change</summary>
            <div className="grid-2">
              <SelectField label="Issue" name="statusChange.issueId" options={issueOptions} placeholder="— choose —" defaultValue={v['statusChange.issueId']} errors={e['statusChange.issueId']} />
              <SelectField
                label="New status"
                name="statusChange.status"
                options={ISSUE_STATUSES.map((s) => ({ value: s, label: label(s) }))}
                placeholder="— choose —"
                defaultValue={v['statusChange.status']}
                errors={e['statusChange.status']}
              />
            </div>
            <TextArea label="Note on the status change" name="statusChange.note" defaultValue={v['statusChange.note']} errors={e['statusChange.note']} rows={2} />
          </details>
          <details open={sectionOpen('newHomework')}>
            <summary>New homework</summary>
            <TextField label="Homework title" name="newHomework.title" defaultValue={v['newHomework.title']} errors={e['newHomework.title']} />
            <CheckboxGroup legend="Owner parties" name="newHomework.ownerPartyIds" options={partyOptions} checked={list(v['newHomework.ownerPartyIds'])} errors={e['newHomework.ownerPartyIds']} />
            <div className="grid-2">
              <SelectField label="Homework issue" name="newHomework.issueId" options={issueOptions} placeholder="— none —" defaultValue={v['newHomework.issueId']} errors={e['newHomework.issueId']} />
              <SelectField label="Due by round" name="newHomework.dueRoundId" options={roundOptions} placeholder="— none —" defaultValue={v['newHomework.dueRoundId']} errors={e['newHomework.dueRoundId']} />
              <TextField label="Due date" name="newHomework.dueOn" type="date" defaultValue={v['newHomework.dueOn']} errors={e['newHomework.dueOn']} />
            </div>
            <TextArea label="Homework description" name="newHomework.description" defaultValue={v['newHomework.description']} errors={e['newHomework.description']} rows={2} />
          </details>
          <details open={sectionOpen('homeworkStatus')}>
            <summary>Homework status</summary>
            <div className="grid-2">
              <SelectField
                label="Homework item"
                name="homeworkStatus.homeworkId"
                options={negotiation.homework.map((h) => ({ value: String(h.id), label: `${h.title} (${label(h.status)})` }))}
                placeholder="— choose —"
                defaultValue={v['homeworkStatus.homeworkId']}
                errors={e['homeworkStatus.homeworkId']}
              />
              <SelectField
                label="New homework status"
                name="homeworkStatus.status"
                options={HOMEWORK_STATUSES.map((s) => ({ value: s, label: label(s) }))}
                placeholder="— choose —"
                defaultValue={v['homeworkStatus.status']}
                errors={e['homeworkStatus.status']}
              />
            </div>
            <TextArea label="Resolution" name="homeworkStatus.resolution" defaultValue={v['homeworkStatus.resolution']} errors={e['homeworkStatus.resolution']} rows={2} />
          </details>
        </div>
      )}
      <div>
        <SubmitButton>{editing ? 'Save changes' : 'Log update'}</SubmitButton>
      </div>
    </form>
  );
}
