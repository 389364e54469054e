import { z } from 'zod';
import { RELIABILITIES } from '@/lib/domain';
import { enumField, fieldErrors, optionalIsoDate, optionalText, optionalUrl, requiredText, type FieldErrors, type FormState } from './fields';
import type { FormValues } from './form-values';

export const NewSourceSchema = z.object({
  outlet: requiredText('Outlet', 200),
  title: optionalText(500),
  url: optionalUrl,
  publishedOn: optionalIsoDate('Publication date'),
  quote: optionalText(5000),
  reliability: enumField(RELIABILITIES, 'reliability'),
  credibility: z.coerce.number().int().min(1, 'Choose a credibility from 1 to 6.').max(6, 'Choose a credibility from 1 to 6.'),
});
/** A new quote of an article the tracker holds (picked in the form): its outlet and headline are not typed again. */
export const NewQuoteSchema = z.object({
  articleId: z.coerce.number().int().positive('Choose the article from the list.'),
  quote: optionalText(5000),
  credibility: NewSourceSchema.shape.credibility,
});
export type NewArticleSource = z.infer<typeof NewSourceSchema>;
export type NewQuote = z.infer<typeof NewQuoteSchema>;
/** A source typed into a form: a whole new citation (outlet, article, quote), or a new quote of a known article. */
export type NewSource = NewArticleSource | NewQuote;

/** Fields of a new source inside a bigger form are prefixed `source.`. */
const PREFIX = 'source.';

/** What an analyst types about an article; the grades have defaults, so a form always sends them. */
const TYPED = ['outlet', 'title', 'url', 'publishedOn', 'quote'] as const;
export const HALF_FILLED_SOURCE = 'Give the outlet this source comes from, or clear the source’s other fields: a source without its outlet is not saved.';

/**
 * A new source typed into a bigger form (fields prefixed `source.`), used when anything of it is typed. Half a
 * source (a URL or a quote without its outlet) is refused, never dropped without a word.
 * Errors come back under the prefixed names so they show beside the right field.
 */
function parseNewSource(values: FormValues): { source: NewSource | null; errors?: undefined } | { source?: undefined; errors: FieldErrors } {
  const fields = Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (k.startsWith(PREFIX) ? [[k.slice(PREFIX.length), v]] : [])));
  const typed = (name: string) => String(fields[name] ?? '').trim() !== '';
  if (typed('articleId')) {
    const quote = NewQuoteSchema.safeParse(fields);
    if (quote.success) return { source: quote.data };
    return { errors: Object.fromEntries(Object.entries(fieldErrors(quote.error)).map(([k, v]) => [`${PREFIX}${k}`, v])) };
  }
  if (!typed('outlet')) return TYPED.some(typed) ? { errors: { [`${PREFIX}outlet`]: [HALF_FILLED_SOURCE] } } : { source: null };
  const parsed = NewSourceSchema.safeParse(fields);
  if (parsed.success) return { source: parsed.data };
  return { errors: Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [`${PREFIX}${k}`, v])) };
}

/**
 * A form that may carry a new source (SourcePicker, NewSourceFields): `write` runs with that source, or null
 * when none was typed; wrong source fields refuse the form before anything is written, their messages beside them.
 */
export function withNewSource<R>(values: FormValues, write: (source: NewSource | null) => R): R | FormState {
  const { source, errors } = parseNewSource(values);
  if (errors) return { ok: false, message: 'Please correct the source fields.', errors };
  return write(source);
}

/** A round's form: the new source it may carry is the cancellation's, so it counts only when the round is cancelled. */
export function withCancellationSource<R>(round: { status: string }, values: FormValues, write: (source: NewSource | null) => R): R | FormState {
  return round.status === 'cancelled' ? withNewSource(values, write) : write(null);
}
