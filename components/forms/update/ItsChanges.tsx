import { useState } from 'react';
import { CheckboxGroup } from '@/components/ui/CheckboxGroup';
import { SelectField, TextArea, TextField, type Option } from '@/components/ui/Field';
import { FLEXIBILITIES, HOMEWORK_STATUSES, ISSUE_STATUSES, STANCES, label } from '@/lib/domain';
import type { FieldErrors, FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { formatDate } from '@/lib/dates';
import type { NegotiationChoice } from './choices';
import { onlyOne, type Answers } from './answers';

// Each change is a section of fields named `<section>.<field>` (lib/validation/updates.ts), used when filled in.
// Only an open section is sent: its fields are disabled while it is folded, so a section prefilled from the
// update (a position started from the current one) is applied only when the analyst opens it, and folding it
// again sets the change aside without losing what was typed in it.

type Section = { v: Record<string, string>; e: FieldErrors; state: FormState; negotiation: NegotiationChoice; answers: Answers };
type Choices = { issues: Option[]; parties: Option[]; rounds: Option[] };
const SECTIONS = [
  ['position', 'New position'],
  ['statusChange', 'Status change'],
  ['newHomework', 'New homework'],
  ['homeworkStatus', 'Homework status'],
] as const;
type Prefix = (typeof SECTIONS)[number][0];
/** Fields named under a prefix (`p3.` on the capture page, where each proposal carries its own changes). */
type Prefixed = { prefix?: string };

const choose = '— choose —';
const optionsOf = (values: readonly string[]) => values.map((x) => ({ value: x, label: label(x) }));

/** The changes this update brings, each optional, applied with the update or not at all. */
export function ItsChanges({ state, negotiation, answers }: { state: FormState; negotiation: NegotiationChoice; answers: Answers }) {
  const section: Section = { v: sentText(state.values), e: state.errors ?? {}, state, negotiation, answers };
  const choices: Choices = {
    issues: negotiation.issues.map((i) => ({ value: String(i.id), label: i.title })),
    parties: negotiation.parties.map((p) => ({ value: String(p.id), label: p.name })),
    rounds: negotiation.rounds.map((r) => ({ value: String(r.id), label: `${r.name} (${label(r.status)})` })),
  };
  // A section sent with a refused save opens again: it carries a value (flexibility always does) or a message.
  const sent = (prefix: string) =>
    Object.entries(section.v).some(([k, val]) => k.startsWith(`${prefix}.`) && val !== '' && !/flexibility$/.test(k)) || Object.keys(section.e).some((k) => k.startsWith(`${prefix}.`));
  const [open, setOpen] = useState<Record<Prefix | 'all', boolean>>(() => {
    const each = Object.fromEntries(SECTIONS.map(([prefix]) => [prefix, sent(prefix)])) as Record<Prefix, boolean>;
    return { ...each, all: Object.values(each).some(Boolean) };
  });
  const toggle = (which: Prefix | 'all') => (event: React.SyntheticEvent<HTMLDetailsElement>) => {
    const now = event.currentTarget.open;
    setOpen((was) => (was[which] === now ? was : { ...was, [which]: now }));
  };
  const body = (prefix: Prefix) => {
    switch (prefix) {
      case 'position':
        return <NewPosition {...section} {...choices} />;
      case 'statusChange':
        return <StatusChange {...section} {...choices} />;
      case 'newHomework':
        return <NewHomework {...section} {...choices} />;
      default:
        return <HomeworkStatus {...section} />;
    }
  };
  // Folded as one, so the common path (text, date, issue, party, source) passes it with one key.
  return (
    <details className="stack changes" open={open.all} onToggle={toggle('all')}>
      <summary>Changes this update brings (optional)</summary>
      <p className="small muted">
        They take the update&apos;s date, round and first source, and its party and issue unless you choose others, and are applied with it or not at all.
      </p>
      {SECTIONS.map(([prefix, title]) => (
        <details key={prefix} open={open[prefix]} onToggle={toggle(prefix)}>
          <summary>{title}</summary>
          <fieldset className="change-fields" disabled={!(open.all && open[prefix])}>
            {body(prefix)}
          </fieldset>
        </details>
      ))}
    </details>
  );
}

/** The update's one issue or party, while the analyst has not picked one of the change's own. */
function usePicked(sent: string | undefined, fromUpdate: string): [string, (value: string) => void] {
  const [picked, setPicked] = useState<string | null>(sent ?? null);
  return [picked ?? fromUpdate, setPicked];
}

/**
 * A party's new position, started from its current one on the issue (prefilled, shown as "now"), so that what
 * the analyst leaves untouched (the red lines, say) is kept rather than wiped. `basedOn` is the version the form
 * started from: a position changed by someone else meanwhile is refused, not overwritten.
 */
export function NewPosition({ v, e, parties, issues, negotiation, answers, prefix = '' }: Omit<Section, 'answers'> & { answers?: Answers } & Choices & Prefixed) {
  const [partyId, setPartyId] = usePicked(v[`${prefix}position.partyId`], answers ? onlyOne(answers.partyIds, parties) : '');
  const [issueId, setIssueId] = usePicked(v[`${prefix}position.issueId`], answers ? onlyOne(answers.issueIds, issues) : '');
  const current = negotiation.positions.find((p) => String(p.partyId) === partyId && String(p.issueId) === issueId);
  // Values sent with a refused save win over the current position: nothing typed is lost either.
  const typed = v[`${prefix}position.summary`] !== undefined;
  const start = (field: 'stance' | 'flexibility' | 'summary' | 'redLines', fallback = '') => (typed ? v[`${prefix}position.${field}`] : undefined) ?? current?.[field] ?? fallback;
  return (
    <>
      <div className="grid-2">
        <SelectField label="Party" name={`${prefix}position.partyId`} options={parties} placeholder={choose} value={partyId} onChange={setPartyId} errors={e[`${prefix}position.partyId`]} />
        <SelectField label="Issue" name={`${prefix}position.issueId`} options={issues} placeholder={choose} value={issueId} onChange={setIssueId} errors={e[`${prefix}position.issueId`]} />
      </div>
      {current ? (
        <div className="panel small" aria-label="Current position">
          <strong>Now</strong> (as of {formatDate(current.asOf)}): {label(current.stance)}, flexibility {label(current.flexibility)} — {current.summary}
          {current.redLines && <div>Red lines: {current.redLines}</div>}
          <div className="muted">Below, the position after this update: change what moved, keep the rest.</div>
        </div>
      ) : (
        partyId && issueId && <p className="small muted">No position recorded yet for this party on this issue: this will be its first.</p>
      )}
      {/* Mounted again for each party and issue, so the fields start from that pair's current position. */}
      <div key={`${partyId}:${issueId}`} className="stack">
        <input type="hidden" name={`${prefix}position.basedOn`} value={current ? String(current.id) : ''} />
        <div className="grid-2">
          <SelectField label="Stance" name={`${prefix}position.stance`} options={optionsOf(STANCES)} placeholder={choose} defaultValue={start('stance')} errors={e[`${prefix}position.stance`]} />
          <SelectField label="Flexibility" name={`${prefix}position.flexibility`} options={optionsOf(FLEXIBILITIES)} defaultValue={start('flexibility', 'unknown')} errors={e[`${prefix}position.flexibility`]} />
        </div>
        <TextArea label="Position summary" name={`${prefix}position.summary`} defaultValue={start('summary')} errors={e[`${prefix}position.summary`]} rows={2} />
        <TextArea label="Red lines" name={`${prefix}position.redLines`} defaultValue={start('redLines')} errors={e[`${prefix}position.redLines`]} rows={2} />
      </div>
    </>
  );
}

export function StatusChange({ v, e, issues, answers, prefix = '' }: Pick<Section, 'v' | 'e'> & { answers?: Answers } & Pick<Choices, 'issues'> & Prefixed) {
  const [issueId, setIssueId] = usePicked(v[`${prefix}statusChange.issueId`], answers ? onlyOne(answers.issueIds, issues) : '');
  return (
    <>
      <div className="grid-2">
        <SelectField label="Issue" name={`${prefix}statusChange.issueId`} options={issues} placeholder={choose} value={issueId} onChange={setIssueId} errors={e[`${prefix}statusChange.issueId`]} />
        <SelectField
          label="New status"
          name={`${prefix}statusChange.status`}
          options={optionsOf(ISSUE_STATUSES)}
          placeholder={choose}
          defaultValue={v[`${prefix}statusChange.status`]}
          errors={e[`${prefix}statusChange.status`]}
        />
      </div>
      <TextArea label="Note on the status change" name={`${prefix}statusChange.note`} defaultValue={v[`${prefix}statusChange.note`]} errors={e[`${prefix}statusChange.note`]} rows={2} />
    </>
  );
}

function NewHomework({ v, e, state, parties, issues, rounds }: Section & Choices) {
  return (
    <>
      <TextField label="Homework title" name="newHomework.title" defaultValue={v['newHomework.title']} errors={e['newHomework.title']} />
      {parties.length > 0 && (
        <CheckboxGroup legend="Owner parties" name="newHomework.ownerPartyIds" options={parties} checked={[]} values={state.values} errors={e['newHomework.ownerPartyIds']} />
      )}
      <div className="grid-2">
        <SelectField label="Homework issue" name="newHomework.issueId" options={issues} placeholder="— none —" defaultValue={v['newHomework.issueId']} errors={e['newHomework.issueId']} />
        <SelectField label="Due by round" name="newHomework.dueRoundId" options={rounds} placeholder="— none —" defaultValue={v['newHomework.dueRoundId']} errors={e['newHomework.dueRoundId']} />
        <TextField label="Due date" name="newHomework.dueOn" type="date" defaultValue={v['newHomework.dueOn']} errors={e['newHomework.dueOn']} />
      </div>
      <TextArea label="Homework description" name="newHomework.description" defaultValue={v['newHomework.description']} errors={e['newHomework.description']} rows={2} />
    </>
  );
}

function HomeworkStatus({ v, e, negotiation }: Section) {
  return (
    <>
      <div className="grid-2">
        <SelectField
          label="Homework item"
          name="homeworkStatus.homeworkId"
          options={negotiation.homework.map((h) => ({ value: String(h.id), label: `${h.title} (${label(h.status)})` }))}
          placeholder={choose}
          defaultValue={v['homeworkStatus.homeworkId']}
          errors={e['homeworkStatus.homeworkId']}
        />
        <SelectField
          label="New homework status"
          name="homeworkStatus.status"
          options={optionsOf(HOMEWORK_STATUSES)}
          placeholder={choose}
          defaultValue={v['homeworkStatus.status']}
          errors={e['homeworkStatus.status']}
        />
      </div>
      <TextArea label="Resolution" name="homeworkStatus.resolution" defaultValue={v['homeworkStatus.resolution']} errors={e['homeworkStatus.resolution']} rows={2} />
    </>
  );
}
