'use client';

import { useActionState, useState } from 'react';
import { FormMessage } from '@/components/ui/Field';
import { SubmitButton } from '@/components/ui/SubmitButton';
import type { FormState } from '@/lib/validation/fields';

/** Revoking asks for confirmation first: a revoked token cannot be brought back. */
export function RevokeTokenButton({ tokenId, name, action }: { tokenId: number; name: string; action: (state: FormState, data: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, {});
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <>
        <FormMessage ok={state.ok} message={state.ok ? undefined : state.message} />
        <button type="button" className="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke ${name}`}>
          Revoke
        </button>
      </>
    );
  }
  return (
    <form action={formAction} className="row" aria-label={`Confirm revoking ${name}`}>
      <input type="hidden" name="tokenId" value={tokenId} />
      <span>Revoke “{name}”? Scripts using it stop working.</span>
      <SubmitButton pendingLabel="Revoking…">Yes, revoke</SubmitButton>
      <button type="button" className="secondary" onClick={() => setConfirming(false)}>
        Cancel
      </button>
    </form>
  );
}
