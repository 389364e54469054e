import type { z } from 'zod';
import { requireRole } from '@/server/auth/current-user';
import { ForbiddenError, type CurrentUser } from '@/lib/roles';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';
import { fieldErrors, formValues, type FormState } from '@/lib/validation/fields';
import type { Role } from '@/lib/domain';

type Result = string | void | FormState;
// May be async for work that must happen before the synchronous transaction (hashing a password).
type Handler<T> = (user: CurrentUser, data: T, values: Record<string, string>) => Result | Promise<Result>;

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
    if (typeof result === 'object') return { values, ...result };
    return { ok: true, message: result ?? 'Saved.' };
  } catch (error) {
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
