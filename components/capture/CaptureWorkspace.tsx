'use client';

import { useState } from 'react';
import { useFormAction } from '@/components/forms/useFormAction';
import { FormMessage, SelectField, TextArea, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { NegotiationChoice } from '@/components/forms/update/choices';
import type { CaptureAnswer } from '@/db/queries/capture-context';
import { CREDIBILITY_LABELS, RELIABILITIES, RELIABILITY_LABELS } from '@/lib/domain';
import { formatDate } from '@/lib/dates';
import type { FieldErrors, FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { ArticleText } from './ArticleText';
import { ProposalCard, type Decision } from './ProposalCard';

type Action = (state: FormState, data: FormData) => Promise<FormState>;
/** A server action's form carries at most 1 MB (server/http/body-limits.ts): the text, and room for the review's fields. */
const CONFIRM_TEXT_BYTES = 900 * 1024;
type Asked = { state: 'idle' } | { state: 'asking' } | { state: 'refused'; message: string; errors?: FieldErrors };

/**
 * Paste an article, review what it proposes, confirm: the page of CAPTURE.md. Proposing asks POST /api/capture
 * (the same code a script calls; nothing is written); confirming sends every reviewed field to one server action,
 * which logs the accepted proposals in one transaction or refuses with every message beside its field, the page
 * keeping all that was decided and typed.
 */
export function CaptureWorkspace({ negotiations, startNegotiationId, today, action }: { negotiations: NegotiationChoice[]; startNegotiationId: number; today: string; action: Action }) {
  const [negotiationId, setNegotiationId] = useState(String(startNegotiationId));
  const [asked, setAsked] = useState<Asked>({ state: 'idle' });
  // Each capture is numbered: what a refused confirm sent back belongs to the capture it was sent for only.
  const [capture, setCapture] = useState<{ answer: CaptureAnswer; negotiationId: number; number: number } | null>(null);
  const [decisions, setDecisions] = useState<Record<number, Decision>>({});
  const [corroborating, setCorroborating] = useState<Record<number, boolean>>({});
  const [active, setActive] = useState<number | null>(null);
  // Remounted after each confirm (useFormAction), so a refused one shows every kept choice, selects included.
  const [state, formAction, submissions] = useFormAction(action);

  async function propose(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (field: string) => String(form.get(field) ?? '').trim() || undefined;
    setAsked({ state: 'asking' });
    try {
      const response = await fetch('/api/capture', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ negotiationId: Number(negotiationId), text: String(form.get('text') ?? ''), url: text('url'), outlet: text('outlet'), title: text('title'), publishedOn: text('publishedOn') }),
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        setAsked({ state: 'refused', message: body.error ?? `The article could not be read (${response.status}).`, errors: body.fieldErrors });
        return;
      }
      setCapture((before) => ({ answer: body as CaptureAnswer, negotiationId: Number(negotiationId), number: (before?.number ?? 0) + 1 }));
      setDecisions({});
      setCorroborating({});
      setActive(null);
      setAsked({ state: 'idle' });
    } catch {
      setAsked({ state: 'refused', message: 'The tracker could not be reached: nothing was lost, try again.' });
    }
  }

  const negotiation = negotiations.find((n) => n.id === capture?.negotiationId) ?? negotiations.find((n) => String(n.id) === negotiationId) ?? negotiations[0];
  const sentFor = state.values?.capture === String(capture?.number);
  const kept = { v: sentFor ? sentText(state.values) : {}, values: sentFor ? state.values : undefined, errors: sentFor ? (state.errors ?? {}) : {}, state: sentFor ? state : {} };
  const accepted = Object.values(decisions).filter((d) => d === 'accepted').length;
  const answer = capture?.answer;
  return (
    <div className="stack">
      <form onSubmit={propose} className="panel stack" aria-label="Paste an article" noValidate>
        <FormMessage ok={asked.state === 'refused' ? false : undefined} message={asked.state === 'refused' ? asked.message : undefined} errors={asked.state === 'refused' ? asked.errors : undefined} />
        <SelectField
          label="Negotiation"
          name="negotiationId"
          options={negotiations.map((n) => ({ value: String(n.id), label: n.name }))}
          value={negotiationId}
          onChange={setNegotiationId}
        />
        <TextArea label="Article text" name="text" rows={capture ? 4 : 12} hint="Paste the whole article, as text or as the page's HTML. Nothing is saved until you confirm." />
        <details>
          <summary>What you know of the article (optional: read from the text when it says)</summary>
          <div className="grid-2">
            <TextField label="URL" name="url" type="url" />
            <TextField label="Outlet" name="outlet" />
            <TextField label="Headline" name="title" />
            <TextField label="Publication date" name="publishedOn" type="date" />
          </div>
        </details>
        <div>
          <button type="submit" disabled={asked.state === 'asking'}>
            {asked.state === 'asking' ? 'Reading the article…' : capture ? 'Propose again from this text' : 'Propose updates'}
          </button>
        </div>
      </form>

      {capture && answer && (
        <form key={`${capture.number}:${submissions}`} action={formAction} className="stack capture-form" aria-label="Review the proposals" noValidate>
          <FormMessage ok={sentFor ? state.ok : undefined} message={sentFor ? state.message : undefined} errors={kept.errors} />
          <input type="hidden" name="capture" value={capture.number} />
          <input type="hidden" name="negotiationId" value={capture.negotiationId} />
          <input type="hidden" name="article.text" value={answer.text} />
          <fieldset className="panel stack">
            <legend>The source</legend>
            {answer.notes.length > 0 && (
              <ul className="small muted">
                {answer.notes.map((note) => (
                  <li key={note}>{note}</li>
                ))}
              </ul>
            )}
            <div className="grid-2">
              <TextField label="Outlet" name="article.outlet" defaultValue={kept.v['article.outlet'] ?? answer.source.outlet} errors={kept.errors['article.outlet']} required />
              <TextField label="Headline" name="article.title" defaultValue={kept.v['article.title'] ?? answer.source.title} errors={kept.errors['article.title']} />
              <TextField label="URL" name="article.url" type="url" defaultValue={kept.v['article.url'] ?? answer.source.url ?? ''} errors={kept.errors['article.url']} />
              <TextField label="Publication date" name="article.publishedOn" type="date" defaultValue={kept.v['article.publishedOn'] ?? answer.source.publishedOn ?? ''} errors={kept.errors['article.publishedOn']} />
              <SelectField
                label="Reliability of the outlet"
                name="article.reliability"
                options={RELIABILITIES.map((r) => ({ value: r, label: RELIABILITY_LABELS[r] }))}
                defaultValue={kept.v['article.reliability'] ?? answer.source.reliability}
                errors={kept.errors['article.reliability']}
                hint="Your choice; it starts from the outlet's current grade."
              />
              <SelectField
                label="Credibility of the quotes"
                name="article.credibility"
                options={Object.entries(CREDIBILITY_LABELS).map(([value, text]) => ({ value, label: text }))}
                defaultValue={kept.v['article.credibility'] ?? String(answer.source.credibility)}
                errors={kept.errors['article.credibility']}
              />
            </div>
            <p className="small muted">On confirming, the text below is kept with the article as its archived copy ({answer.text.length.toLocaleString('en-GB')} characters), with the time and its SHA-256.</p>
            {new TextEncoder().encode(answer.text).length > CONFIRM_TEXT_BYTES && (
              <p className="alert error">This text is longer than one confirmation can carry (1 MB with the review): paste the article in parts, each confirmed on its own.</p>
            )}
          </fieldset>

          {answer.proposals.length === 0 ? (
            <p className="panel">No quoted statement was found in this text: nothing to log from it.</p>
          ) : (
            <div className="capture-review">
              <ArticleText
                text={answer.text}
                active={active}
                highlights={answer.proposals.map((p, i) => ({ index: i, start: p.start, end: p.end, decision: decisions[i] ?? 'open' }))}
              />
              <div className="stack capture-proposals">
                <h2>
                  {answer.proposals.length} proposals, {accepted} accepted
                </h2>
                {answer.proposals.map((proposal, i) => (
                  <ProposalCard
                    key={i}
                    index={i}
                    proposal={proposal}
                    negotiation={negotiation}
                    kept={kept}
                    fallbackDate={formatDate(answer.source.publishedOn ?? today)}
                    decision={decisions[i] ?? 'open'}
                    onDecide={(d) => setDecisions((all) => ({ ...all, [i]: d }))}
                    corroborates={corroborating[i] ?? false}
                    onCorroborate={(on) => setCorroborating((all) => ({ ...all, [i]: on }))}
                    onFocus={() => setActive(i)}
                  />
                ))}
              </div>
            </div>
          )}
          <div className="capture-confirm">
            <SubmitButton pendingLabel="Logging…">{accepted === 1 ? 'Confirm: log 1 update' : `Confirm: log ${accepted} updates`}</SubmitButton>
            <span className="small muted"> All of them with the source, in one go, or none if anything is refused.</span>
          </div>
        </form>
      )}
    </div>
  );
}
