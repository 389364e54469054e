'use client';

import { useActionState, useState } from 'react';
import { FormMessage, SelectField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';
import type { NegotiationChoice, UpdateFormStart } from '@/components/forms/update/choices';
import type { CitableQuote } from '@/db/queries/source-search';
import { WhatHappened } from '@/components/forms/update/WhatHappened';
import { WhatItConcerns } from '@/components/forms/update/WhatItConcerns';
import { ItsSources } from '@/components/forms/update/ItsSources';
import { ItsChanges } from '@/components/forms/update/ItsChanges';
import { VersionField } from './VersionField';

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
  const [state, formAction] = useActionState(action, {});
  const editing = start.edit;
  // The issues, parties, rounds and homework offered follow the negotiation chosen.
  const [negotiationId, setNegotiationId] = useState(String(start.negotiationId));
  const negotiation = negotiations.find((n) => String(n.id) === negotiationId) ?? negotiations[0];
  return (
    <form action={formAction} className="stack" aria-label={editing ? 'Edit update' : 'Log an update'} noValidate>
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
      <WhatHappened state={state} start={start} negotiation={negotiation} />
      <WhatItConcerns key={`links-${negotiation.id}`} state={state} start={start} negotiation={negotiation} />
      <ItsSources state={state} negotiationId={negotiation.id} cited={cited} updateId={editing?.updateId} />
      {!editing && <ItsChanges key={`changes-${negotiation.id}`} state={state} negotiation={negotiation} />}
      <div>
        <SubmitButton>{editing ? 'Save changes' : 'Log update'}</SubmitButton>
      </div>
    </form>
  );
}
