'use client';

import { useState } from 'react';
import { FormMessage, SelectField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';
import type { NegotiationChoice, UpdateFormStart } from '@/components/forms/update/choices';
import type { CitableQuote } from '@/db/queries/source-search';
import { answersAtStart, answersIn, sameAnswers, type Answers } from '@/components/forms/update/answers';
import { WhatHappened } from '@/components/forms/update/WhatHappened';
import { WhatItConcerns } from '@/components/forms/update/WhatItConcerns';
import { ItsSources } from '@/components/forms/update/ItsSources';
import { ItsChanges } from '@/components/forms/update/ItsChanges';
import { VersionField } from './VersionField';
import { useFormAction } from './useFormAction';

/** Log an update (with optional changes it brings) or, with `start.edit`, edit one's text, date and links. */
export function UpdateForm({
  action,
  negotiations,
  cited = [],
  start,
}: {
  action: (state: FormState, data: FormData) => Promise<FormState>;
  negotiations: NegotiationChoice[];
  /** The sources the update cites when the form opens (an edited update's). */
  cited?: CitableQuote[];
  start: UpdateFormStart;
}) {
  const [state, formAction, submissions] = useFormAction(action);
  const editing = start.edit;
  // The issues, parties, rounds and homework offered follow the negotiation chosen.
  const [negotiationId, setNegotiationId] = useState(String(start.negotiationId));
  const negotiation = negotiations.find((n) => String(n.id) === negotiationId) ?? negotiations[0];
  // What the analyst has answered so far (date, issues, parties), so that the round and the changes' party and
  // issue follow it and nothing is asked twice. A refused save starts again from what it sent.
  const [watched, setWatched] = useState<{ state: FormState; answers: Answers } | null>(null);
  const answers = watched?.state === state ? watched.answers : answersAtStart(state, start);
  // The quotes picked live here, not in the form, which is mounted afresh after each save: a refused save keeps
  // them; a new update logged starts again with none.
  const [picked, setPicked] = useState<{ after: FormState; quotes: CitableQuote[] }>({ after: state, quotes: cited });
  const quotes = picked.after !== state && state.ok && !editing ? [] : picked.quotes;
  const watch = (form: HTMLFormElement) => {
    const now = answersIn(new FormData(form));
    if (!sameAnswers(now, answers)) setWatched({ state, answers: now });
  };
  return (
    <form
      // Mounted afresh after each save (useFormAction): React's reset would put the controlled selects (the round,
      // a change's party and issue) back to their first option, and they start again from what was sent.
      key={submissions}
      action={formAction}
      onChange={(event) => watch(event.currentTarget)}
      className="stack"
      aria-label={editing ? 'Edit update' : 'Log an update'}
      noValidate
    >
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      {editing ? (
        <>
          <input type="hidden" name="updateId" value={editing.updateId} />
          <VersionField version={editing.version} />
          <p className="small">Negotiation: {negotiation.name}</p>
        </>
      ) : (
        <SelectField
          label="Negotiation"
          name="negotiationId"
          options={negotiations.map((n) => ({ value: String(n.id), label: n.name }))}
          value={negotiationId}
          onChange={setNegotiationId}
          errors={state.errors?.negotiationId}
        />
      )}
      <WhatHappened state={state} start={start} negotiation={negotiation} occurredOn={answers.occurredOn} />
      <WhatItConcerns key={`links-${negotiation.id}`} state={state} start={start} negotiation={negotiation} />
      <ItsSources
        state={state}
        negotiationId={negotiation.id}
        picked={quotes}
        onPicked={(next) => setPicked({ after: state, quotes: next })}
        updateId={editing?.updateId}
        unsourced={start.unsourced}
      />
      {!editing && <ItsChanges key={`changes-${negotiation.id}`} state={state} negotiation={negotiation} answers={answers} />}
      <div>
        <SubmitButton>{editing ? 'Save changes' : 'Log update'}</SubmitButton>
      </div>
    </form>
  );
}
