import { z } from 'zod';
import { RELIABILITIES } from '@/lib/domain';
import { enumField, fieldErrors, optionalIsoDate, optionalText, optionalUrl, requiredText, type FieldErrors } from './fields';

export const NewSourceSchema = z.object({
  outlet: requiredText('Outlet', 200),
  title: optionalText(500),
  url: optionalUrl,
  publishedOn: optionalIsoDate('Publication date'),
  quote: optionalText(5000),
  reliability: enumField(RELIABILITIES, 'reliability'),
  credibility: z.coerce.number().int().min(1, 'Choose a credibility from 1 to 6.').max(6, 'Choose a credibility from 1 to 6.'),
});
export type NewSource = z.infer<typeof NewSourceSchema>;

/** Fields of a new source inside a bigger form are prefixed `source.`. */
export function sourceFieldsFrom(values: Record<string, string>, prefix = 'source.'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

/**
 * A new source typed into a bigger form (fields prefixed `source.`), used when its outlet is filled in.
 * Errors come back under the prefixed names so they show beside the right field.
 */
export function parseNewSource(values: Record<string, string>): { source: NewSource | null; errors?: undefined } | { source?: undefined; errors: FieldErrors } {
  const fields = sourceFieldsFrom(values);
  if (!fields.outlet?.trim()) return { source: null };
  const parsed = NewSourceSchema.safeParse(fields);
  if (parsed.success) return { source: parsed.data };
  return { errors: Object.fromEntries(Object.entries(fieldErrors(parsed.error)).map(([k, v]) => [`source.${k}`, v])) };
}
