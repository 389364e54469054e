// What an analyst is told when a save is refused because someone saved the record first
// (db/mutations/versions.ts checks; this says): who changed it, and what each changed field now holds.

/** What a refusal shows of one field: its value now, as text or a list. */
export type Shown = string | readonly string[] | null | undefined;

export type Field = {
  /** How a sentence names it: "description" gives "the description now reads “…”". */
  label: string;
  /** The value an analyst reads, where the stored one is not it (an enum, a flag, ids). */
  show?: (value: unknown) => Shown;
  /** A sentence of its own, where "the label now reads" does not fit ("the password was reset"). */
  phrase?: (shown: Shown) => string;
};

const CLIP = 160;

/** A value as a refusal quotes it: on one line, and not a whole page of it. */
export function quote(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return `“${line.length > CLIP ? `${line.slice(0, CLIP - 1)}…` : line}”`;
}

/** One field's sentence: "the description now reads “…”", "the agenda now lists “A”, “B”", "the venue is now empty". */
export function changeSentence(field: Field, value: unknown): string {
  const shown = field.show ? field.show(value) : (value as Shown);
  if (field.phrase) return field.phrase(shown);
  if (Array.isArray(shown)) return shown.length ? `the ${field.label} now lists ${shown.map(quote).join(', ')}` : `the ${field.label} is now empty`;
  const text = typeof shown === 'string' ? shown.trim() : shown === null || shown === undefined ? '' : String(shown);
  return text ? `the ${field.label} now reads ${quote(text)}` : `the ${field.label} is now empty`;
}

/** The sentences for the fields in `keys`, in the form's order, each with the value it has now. */
export function describeFields(fields: Record<string, Field>, now: Record<string, unknown> | undefined, keys: ReadonlySet<string>): string[] {
  return Object.entries(fields)
    .filter(([key]) => keys.has(key))
    .map(([key, field]) => changeSentence(field, now?.[key]));
}

export type Refusal = {
  /** "this round", "the seat of Russia". */
  what: string;
  /** Said instead of "changed {what}" when the record did not exist when the form was opened: "seated Russia at this negotiation". */
  added?: string;
  /** The names of the others who saved since, in order. */
  others: string[];
  /** Whether the one refused saved it since themselves (in another window). */
  self: boolean;
  changes: string[];
};

/** "Ana Analyst changed this negotiation since you opened the form: the description now reads “…”. Review and save again." */
export function refusalMessage({ what, added, others, self, changes }: Refusal): string {
  const who = others.length ? others.join(' and ') : self ? 'You' : 'Someone';
  const when = others.length === 0 && self ? 'in another window since you opened this form' : 'since you opened the form';
  return `${who} ${added ?? `changed ${what}`} ${when}: ${changes.join('; ')}. Review and save again.`;
}
