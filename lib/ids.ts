/**
 * A record's id as it arrives from outside (a URL segment, a query parameter, a JSON field), or null.
 *
 * Only the canonical spelling of a positive safe integer is an id: "12" is, "012", "1e3", "12abc",
 * "+3", " 12", "-1", "0" and "" are not. `Number()` alone accepts most of those (and "" as 0), so two
 * URLs would name the same record and a typo would find a different one; a caller given null answers
 * "not found", as for an id that names nothing.
 */
export function parseId(value: unknown): number | null {
  if (typeof value === 'number') return Number.isSafeInteger(value) && value > 0 ? value : null;
  if (typeof value !== 'string' || !/^[1-9][0-9]*$/.test(value)) return null;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : null;
}
