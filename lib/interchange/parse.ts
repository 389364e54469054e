import { validateDocument, type Validation } from './validate';

/** Size limits for uploads, stated in the UI, the API and the shell. */
export const JSON_IMPORT_LIMIT = 10 * 1024 * 1024;
export const CSV_IMPORT_LIMIT = 2 * 1024 * 1024;

export const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(n % (1024 * 1024) ? 1 : 0)} MB` : `${Math.ceil(n / 1024)} KB`);

export function tooLargeMessage(size: number, limit: number, what: string): string {
  return `The ${what} is ${formatBytes(size)}; the limit is ${formatBytes(limit)}. Split it or remove what is not needed.`;
}

/** JSON text → a validated interchange document, or errors with the path of each. */
export function parseDocumentText(text: string): Validation {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '/', message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  return validateDocument(value);
}
