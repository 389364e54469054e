'use client';

import { useActionState } from 'react';
import type { FormState } from '@/lib/validation/fields';

type Action = (state: FormState, data: FormData) => Promise<FormState>;
type Counted = FormState & { submissions?: number };

/**
 * useActionState plus a submission count to key the <form> with. React resets a form after its action
 * runs, and a reset <select> falls back to the option it was first rendered with, losing what was sent
 * (a refused "held" round came back "planned"). Remounting after each submission renders the kept values anew.
 */
export function useFormAction(action: Action) {
  const [state, formAction] = useActionState<Counted, FormData>(
    async (prev, data) => ({ ...(await action(prev, data)), submissions: (prev.submissions ?? 0) + 1 }),
    {},
  );
  return [state, formAction, state.submissions ?? 0] as const;
}
