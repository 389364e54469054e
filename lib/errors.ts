import type { FieldErrors } from '@/lib/validation/fields';

/** Someone else changed the record since the form was opened. */
export class ConflictError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConflictError';
  }
}

export class NotFoundError extends Error {
  constructor(what: string) {
    super(`${what} was not found; it may have been deleted.`);
    this.name = 'NotFoundError';
  }
}

/** A check only the database can make (a name already taken, dates out of order). */
export class InvalidInputError extends Error {
  constructor(
    message: string,
    readonly errors: FieldErrors = {},
  ) {
    super(message);
    this.name = 'InvalidInputError';
  }
}
