'use client';

import { useActionState, useRef, useState } from 'react';
import { FormMessage, SelectField, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';
import { DEFAULT_TOKEN_LIFETIME_DAYS, TOKEN_LIFETIME_DAYS } from '@/lib/domain';

const SCOPES = [
  { value: 'read', label: 'Read-only: reads, never writes (the only kind a feed or calendar link takes)' },
  { value: 'full', label: 'Full access: acts with your role (for scripts that import or log updates)' },
];
const LIFETIMES = TOKEN_LIFETIME_DAYS.map((d) => ({ value: String(d), label: d === 365 ? '1 year' : `${d} days` }));

type State = FormState & { token?: string };

export function CreateTokenForm({ action }: { action: (state: State, data: FormData) => Promise<State> }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  const e = state.errors ?? {};
  return (
    <form action={formAction} className="stack" aria-label="Create a token" noValidate>
      <FormMessage ok={state.ok} message={state.message} errors={state.errors} />
      {state.token && <NewToken token={state.token} />}
      <TextField
        key={state.token ?? 'form'}
        label="Name"
        name="name"
        defaultValue={v.name}
        errors={e.name}
        hint="What the token is for, e.g. “nightly export script”."
        required
      />
      <div className="grid-2">
        <SelectField label="Access" name="scope" options={SCOPES} defaultValue={v.scope ?? 'read'} errors={e.scope} />
        <SelectField
          label="Lasts"
          name="days"
          options={LIFETIMES}
          defaultValue={v.days ?? String(DEFAULT_TOKEN_LIFETIME_DAYS)}
          errors={e.days}
          hint="It stops working then; create a new one before it does."
        />
      </div>
      <div>
        <SubmitButton pendingLabel="Creating…">Create token</SubmitButton>
      </div>
    </form>
  );
}

function NewToken({ token }: { token: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    input.current?.select();
    try {
      await navigator.clipboard.writeText(token);
      setCopied(true);
    } catch {
      // Clipboard access can be refused; the text is selected for a manual copy.
    }
  };
  return (
    <div className="panel new-token" role="region" aria-label="Your new token">
      <p className="alert warning">
        <strong>Copy this token now.</strong> It is shown only once and cannot be recovered; if you lose it, revoke it and create another.
      </p>
      <label htmlFor="new-token">Token</label>
      <div className="row">
        <input id="new-token" ref={input} type="text" readOnly value={token} className="token-value" onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="secondary" onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="small muted">
        Send it as <code>Authorization: Bearer {'<token>'}</code>, or, if it is read-only, add <code>?token=</code> and the token to a feed or
        calendar link.
      </p>
    </div>
  );
}
