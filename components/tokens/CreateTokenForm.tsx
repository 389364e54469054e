'use client';

import { useActionState, useRef, useState } from 'react';
import { FormMessage, TextField } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';
import { sentText } from '@/lib/validation/form-values';

type State = FormState & { token?: string };

export function CreateTokenForm({ action }: { action: (state: State, data: FormData) => Promise<State> }) {
  const [state, formAction] = useActionState(action, {});
  const v = sentText(state.values);
  return (
    <form action={formAction} className="stack" aria-label="Create a token" noValidate>
      <FormMessage ok={state.ok} message={state.message} />
      {state.token && <NewToken token={state.token} />}
      <TextField
        key={state.token ?? 'form'}
        label="Name"
        name="name"
        defaultValue={v.name}
        errors={state.errors?.name}
        hint="What the token is for, e.g. “nightly export script”."
        required
      />
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
        Send it as <code>Authorization: Bearer {'<token>'}</code>. It acts with your role.
      </p>
    </div>
  );
}
