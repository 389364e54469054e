'use client';

import Link from 'next/link';
import { CheckboxGroup } from '@/components/ui/CheckboxGroup';
import { SelectField, TextArea, TextField } from '@/components/ui/Field';
import { NewPosition, StatusChange } from '@/components/forms/update/ItsChanges';
import type { NegotiationChoice } from '@/components/forms/update/choices';
import type { Proposal } from '@/lib/capture/types';
import { partialDateInput } from '@/lib/partial-date';
import { proposalField } from '@/lib/validation/capture';
import type { FieldErrors, FormState } from '@/lib/validation/fields';
import type { FormValues } from '@/lib/validation/form-values';

export type Decision = 'accepted' | 'dropped' | 'open';

type Props = {
  index: number;
  proposal: Proposal;
  negotiation: NegotiationChoice;
  /** What was sent with a refused confirm (it wins over the proposal), or nothing on a fresh capture. */
  kept: { v: Record<string, string>; values?: FormValues; errors: FieldErrors; state: FormState };
  /** The day the update dates from when the text says nothing of when (the publication date, else today). */
  fallbackDate: string;
  decision: Decision;
  onDecide: (decision: Decision) => void;
  corroborates: boolean;
  onCorroborate: (on: boolean) => void;
  onFocus: () => void;
};

/**
 * One proposal under review: accepted, dropped or still open, and every part of it editable before anything is
 * written: the quote, what the update says, who said it, when, which issues and parties, and the change it brings.
 * A dropped proposal's fields stay in the page (hidden), so restoring it brings back what was typed.
 */
export function ProposalCard({ index, proposal, negotiation, kept, fallbackDate, decision, onDecide, corroborates, onCorroborate, onFocus }: Props) {
  const name = (field: string) => proposalField(index, field);
  const { v, values, errors: e } = kept;
  const at = (field: string, fallback: string) => v[name(field)] ?? fallback;
  const seated = new Set(negotiation.parties.map((p) => p.id));
  const prefix = name('');
  const changesOpen = Object.keys(e).some((k) => k.startsWith(`${prefix}position.`) || k.startsWith(`${prefix}statusChange.`)) || Boolean(v[`${prefix}position.summary`] || v[`${prefix}statusChange.status`]);
  const duplicate = proposal.duplicateOfUpdateId;
  const title = `Proposal ${index + 1}: ${proposal.speaker.name}`;
  return (
    <section className={`panel stack capture-proposal ${decision}`} aria-label={title} onFocus={onFocus} onMouseEnter={onFocus}>
      <input type="hidden" name="proposal" value={index} />
      <input type="hidden" name={name('accepted')} value={decision === 'accepted' ? 'yes' : ''} />
      <input type="hidden" name={name('corroborates')} value={corroborates && duplicate ? String(duplicate) : ''} />
      <div className="capture-proposal-head">
        <h3>
          <span className="badge">{index + 1}</span> {proposal.speaker.name}
          <span className="small muted"> — {decision === 'accepted' ? 'accepted' : decision === 'dropped' ? 'dropped' : 'to review'}</span>
        </h3>
        <div className="actions">
          <button type="button" className={decision === 'accepted' ? undefined : 'secondary'} aria-pressed={decision === 'accepted'} onClick={() => onDecide(decision === 'accepted' ? 'open' : 'accepted')}>
            {decision === 'accepted' ? 'Accepted' : 'Accept'}
          </button>
          <button type="button" className="secondary" aria-pressed={decision === 'dropped'} onClick={() => onDecide(decision === 'dropped' ? 'open' : 'dropped')}>
            {decision === 'dropped' ? 'Restore' : 'Drop'}
          </button>
          <a href={`#capture-sentence-${index}`} className="small" onClick={onFocus}>
            Show in the article
          </a>
        </div>
      </div>
      {duplicate && (
        <div className="panel small capture-duplicate" role="note">
          Already logged as <Link href={`/updates/${duplicate}`}>update #{duplicate}</Link>.{' '}
          <button
            type="button"
            className={corroborates ? undefined : 'secondary'}
            aria-pressed={corroborates}
            onClick={() => {
              onCorroborate(!corroborates);
              if (!corroborates) onDecide('accepted');
            }}
          >
            {corroborates ? `Joins update #${duplicate}’s corroboration group (undo)` : `Add this report to update #${duplicate}’s corroboration group`}
          </button>
          {e[name('corroborates')] && <span className="error">{e[name('corroborates')]!.join(' ')}</span>}
        </div>
      )}
      <div className="stack" hidden={decision === 'dropped'}>
        <TextArea label="Quote" name={name('quote')} rows={2} defaultValue={at('quote', proposal.quote)} errors={e[name('quote')]} />
        <TextArea label="What happened" name={name('body')} rows={3} defaultValue={at('body', proposal.sentence)} errors={e[name('body')]} hint="The update’s text; the quote is kept with the source." />
        <div className="grid-2">
          <SelectField
            label="Speaker"
            name={name('actorIds')}
            options={negotiation.actors.map((a) => ({ value: String(a.id), label: a.title ? `${a.name} (${a.title})` : a.name }))}
            placeholder="— not an actor of this negotiation —"
            defaultValue={at('actorIds', proposal.speaker.actorId ? String(proposal.speaker.actorId) : '')}
            errors={e[name('actorIds')]}
            hint={`Read as “${proposal.speaker.name}”.`}
          />
          <TextField
            label="Date it happened"
            name={name('occurredOn')}
            defaultValue={at('occurredOn', partialDateInput(proposal.eventDate) || fallbackDate)}
            errors={e[name('occurredOn')]}
            hint={proposal.eventDate ? 'As the article dates it.' : 'The article does not say: its publication date.'}
          />
        </div>
        {negotiation.issues.length > 0 && (
          <CheckboxGroup
            legend="Issues"
            name={name('issueIds')}
            options={negotiation.issues.map((i) => ({ value: String(i.id), label: i.title }))}
            checked={proposal.issueIds.map(String)}
            values={values}
            errors={e[name('issueIds')]}
          />
        )}
        {negotiation.parties.length > 0 && (
          <CheckboxGroup
            legend="Parties"
            name={name('partyIds')}
            options={negotiation.parties.map((p) => ({ value: String(p.id), label: p.name }))}
            checked={proposal.partyIds.filter((p) => seated.has(p)).map(String)}
            values={values}
            errors={e[name('partyIds')]}
          />
        )}
        {proposal.figures.length > 0 && <p className="small">Figures: {proposal.figures.join(', ')}</p>}
        <details open={changesOpen}>
          <summary>A position or status change this report brings (optional)</summary>
          <details open={Object.keys(e).some((k) => k.startsWith(`${prefix}position.`)) || Boolean(v[`${prefix}position.summary`])}>
            <summary>New position</summary>
            <NewPosition
              v={v}
              e={e}
              state={kept.state}
              negotiation={negotiation}
              prefix={prefix}
              issues={negotiation.issues.map((i) => ({ value: String(i.id), label: i.title }))}
              parties={negotiation.parties.map((p) => ({ value: String(p.id), label: p.name }))}
              rounds={[]}
            />
          </details>
          <details open={Object.keys(e).some((k) => k.startsWith(`${prefix}statusChange.`)) || Boolean(v[`${prefix}statusChange.status`])}>
            <summary>Status change</summary>
            <StatusChange v={v} e={e} prefix={prefix} issues={negotiation.issues.map((i) => ({ value: String(i.id), label: i.title }))} />
          </details>
        </details>
      </div>
    </section>
  );
}
