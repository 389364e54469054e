'use client';

import { useActionState } from 'react';
import { FormMessage, SelectField, TextField, type Option } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { VersionField } from './VersionField';

type Action = (state: FormState, data: FormData) => Promise<FormState>;

/** A party's own name and short name; what a negotiation says of it is set on its seat there. */
export function PartyForm({ action, party, submitLabel }: { action: Action; party?: { name: string; shortName: string; version: number }; submitLabel: string }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label={party ? 'Edit party' : 'New party'} noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      {party && <VersionField version={party.version} />}
      <div className="grid-2">
        <TextField label="Name" name="name" defaultValue={v.name ?? party?.name} errors={e.name} required hint="e.g. “United States”: one party in every negotiation." />
        <TextField label="Short name" name="shortName" defaultValue={v.shortName ?? party?.shortName} errors={e.shortName} required hint="Shown in the dashboard's columns, e.g. “US”." />
      </div>
      <div>
        <SubmitButton>{submitLabel}</SubmitButton>
      </div>
    </form>
  );
}

/**
 * Someone who speaks for a party in a negotiation, with their title there. Either choice list may
 * hold a single fixed option (the party page fixes the party).
 */
export function ActorForm({ action, negotiations, parties }: { action: Action; negotiations: Option[]; parties: Option[] }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  const only = (options: Option[]) => (options.length === 1 ? String(options[0].value) : undefined);
  return (
    <form action={formAction} className="stack" aria-label="New actor" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <div className="grid-2">
        <TextField
          label="Name"
          name="name"
          defaultValue={v.name}
          errors={e.name}
          required
          hint="A person, e.g. “Sergei Lavrov”. Someone of this name already here is the same person."
        />
        <TextField label="Title" name="title" defaultValue={v.title} errors={e.title} hint="In this negotiation, e.g. “Foreign minister”." />
        <SelectField label="Negotiation" name="negotiationId" options={negotiations} placeholder="— choose a negotiation —" defaultValue={v.negotiationId ?? only(negotiations)} errors={e.negotiationId} required />
        <SelectField label="Party" name="partyId" options={parties} placeholder="— choose a party —" defaultValue={v.partyId ?? only(parties)} errors={e.partyId} required />
        <TextField label="From" name="startsOn" type="date" defaultValue={v.startsOn} errors={e.startsOn} hint="Optional." />
        <TextField label="To" name="endsOn" type="date" defaultValue={v.endsOn} errors={e.endsOn} hint="Optional." />
      </div>
      <div>
        <SubmitButton>Add actor</SubmitButton>
      </div>
    </form>
  );
}

/** Corrects someone's title in a negotiation, or when they held it. */
export function AffiliationForm({
  action,
  affiliation,
}: {
  action: Action;
  affiliation: { actorName: string; negotiationName: string; title: string; startsOn: string | null; endsOn: string | null; version: number };
}) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="inline-form" aria-label={`${affiliation.actorName} in ${affiliation.negotiationName}`} noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      <VersionField version={affiliation.version} />
      <TextField label="Title" name="title" defaultValue={v.title ?? affiliation.title} errors={e.title} />
      <TextField label="From" name="startsOn" type="date" defaultValue={v.startsOn ?? affiliation.startsOn ?? ''} errors={e.startsOn} />
      <TextField label="To" name="endsOn" type="date" defaultValue={v.endsOn ?? affiliation.endsOn ?? ''} errors={e.endsOn} />
      <div>
        <SubmitButton>Save</SubmitButton>
      </div>
    </form>
  );
}
