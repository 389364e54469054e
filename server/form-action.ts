import type { z } from 'zod';
import { refresh } from 'next/cache';
import { requireRole } from '@/server/auth/current-user';
import { ForbiddenError, type CurrentUser } from '@/lib/roles';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { fieldErrors, type FormState } from '@/lib/validation/fields';
import { formValues, type FormValues } from '@/lib/validation/form-values';
import type { Role } from '@/lib/domain';

type Result = string | void | FormState;
// May be async for work that must happen before the synchronous transaction (hashing a password).
type Handler<T> = (user: CurrentUser, data: T, values: FormValues) => Result | Promise<Result>;

/**
 * The start every form action shares: who is asking, may they, is the input valid;
 * then the write, with the errors a user can fix returned beside the form and the rest logged.
 */
export async function handleForm<S extends z.ZodType>(role: Role, schema: S, formData: FormData, write: Handler<z.infer<S>>): Promise<FormState> {
  let user: CurrentUser;
  try {
    user = await requireRole(role);
  } catch (error) {
    // The refusal echoes nothing back: the caller may not even be signed in.
    if (error instanceof ForbiddenError) return { ok: false, message: error.message };
    throw error;
  }
  // A hand-made request may send anything as the form.
  if (!(formData instanceof FormData)) return { ok: false, message: 'The form could not be read; reload the page and try again.' };
  const values = formValues(formData);
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, message: 'Please correct the fields marked below.', errors: fieldErrors(parsed.error), values };
  try {
    const result = await write(user, parsed.data, values);
    const state: FormState = typeof result === 'object' ? { values, ...result } : { ok: true, message: result ?? 'Saved.' };
    // The one place an action tells Next that it wrote, and all it needs. Every page is dynamic and reads the
    // database afresh (db/read-cache.ts empties itself on any write), so there is no Next cache to invalidate:
    // no revalidatePath, whose only use to us was its side effect. What the action must ask for is a new
    // rendering of the page the form is on, sent in the same response: without it that page shows the state
    // before the write until reloaded (seven e2e tests fail). refresh() does that and also drops the client's
    // back/forward cache; other pages are fetched afresh on navigation (staleTimes.dynamic is 0), and an action
    // that redirects gets its destination rendered afresh.
    if (state.ok !== false) refresh();
    return state;
  } catch (error) {
    // Refused because someone saved first (db/mutations/versions.ts): the page is rendered afresh, so the form
    // now holds the version it was refused on, beside what was typed (the values echo below), and the analyst
    // can review what changed and save again.
    if (error instanceof ConflictError) refresh();
    return { ...failure(error), values };
  }
}

/** What a user is told when a write is refused. */
export function failure(error: unknown): FormState {
  if (error instanceof InvalidInputError) return { ok: false, message: error.message, errors: error.errors };
  if (error instanceof ConflictError || error instanceof NotFoundError || error instanceof ForbiddenError) {
    return { ok: false, message: error.message };
  }
  console.error('Write failed', error);
  return { ok: false, message: 'Something went wrong and nothing was saved. Try again; if it persists, tell an admin.' };
}
