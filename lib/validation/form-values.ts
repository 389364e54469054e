/*
 * Multi-value fields (the parties owning homework, the issues on an agenda, an update's issues, parties,
 * actors and sources) have one encoding: the field's name repeated, once per value chosen — what a
 * browser sends for a group of checkboxes sharing a name, or for a <select multiple>. Chosen because it
 * needs no script and no invented syntax (no `name[]`, no `<name>.<id>` keys, no joined strings), so a
 * value is never split and may contain any character, commas included; and it reads back with
 * `FormData.getAll`. The client side is components/ui (CheckboxGroup, MultiSelectField), this file reads a form
 * (`formValues` keeps every value of a repeated name) and fields.ts validates one (`idList` takes one value or several).
 * No zod here: client components import this file.
 */

/** What a form sent: a field's text, or every value of a field sent more than once (in the order sent). */
export type FormValues = Record<string, string | string[]>;

/** FormData as FormValues; React's own `$ACTION…` fields and files are left out. */
export function formValues(formData: FormData): FormValues {
  const values: FormValues = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith('$ACTION')) continue;
    const sent = formData.getAll(key).filter((v): v is string => typeof v === 'string');
    if (sent.length > 0) values[key] = sent.length === 1 ? sent[0] : sent;
  }
  return values;
}

/** Every value sent under `name` (none: []). */
export function sentList(values: FormValues | undefined, name: string): string[] {
  const sent = values?.[name];
  return sent === undefined ? [] : Array.isArray(sent) ? sent : [sent];
}

/** The text of every single-value field sent (a repeated name gives its last value), for a form to show again. */
export function sentText(values: FormValues | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values ?? {})) out[k] = Array.isArray(v) ? (v.at(-1) ?? '') : v;
  return out;
}
