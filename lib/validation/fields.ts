import { z } from 'zod';
import type { FormValues } from './form-values';
import { todayIso } from '@/lib/dates';
import { parsePartialDate, type PartialDate } from '@/lib/partial-date';

// Shared field rules for every form: trimmed text, real calendar dates, http(s) URLs only.

export const requiredText = (name: string, max = 500) =>
  z
    .string({ error: `${name} is required.` })
    .trim()
    .min(1, `${name} is required.`)
    .max(max, `${name} must be at most ${max} characters.`);

export const optionalText = (max = 5000) => z.string().trim().max(max, `At most ${max} characters.`).default('');

function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

export const isoDate = (name = 'Date') =>
  z.string({ error: `${name} is required.` }).trim().refine(isRealDate, `${name} must be a real date (YYYY-MM-DD).`);

/** An optional date: an empty field becomes null. */
export const optionalIsoDate = (name = 'Date') =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || isRealDate(v), `${name} must be a real date (YYYY-MM-DD).`)
    .transform((v) => (v === '' ? null : v));

/**
 * An optional date as precisely as the report gives it, typed as an analyst says it ("5 May 2025", "May 2025",
 * "late 2025", "in the coming weeks"); lib/partial-date.ts reads it. A phrase is counted from the day it is
 * entered unless the text names the report's day ("in the coming weeks (from 5 Feb 2026)"). Empty: null.
 */
export const optionalPartialDate = (name = 'Date') =>
  z
    .string()
    .trim()
    .default('')
    .transform((v, ctx): PartialDate | null => {
      if (v === '') return null;
      const parsed = parsePartialDate(v, todayIso());
      if (parsed.ok) return parsed.value;
      ctx.addIssue({ code: 'custom', message: parsed.message === 'Give a date.' ? `${name} is required.` : parsed.message });
      return z.NEVER;
    });

/** A required date as precisely as the report gives it (optionalPartialDate, but not empty). */
export const partialDate = (name = 'Date') =>
  optionalPartialDate(name).refine((v) => v !== null, `${name} is required.`).transform((v) => v as PartialDate);

export const optionalUrl = z
  .string()
  .trim()
  .max(2000, 'At most 2000 characters.')
  .default('')
  .refine((v) => {
    if (v === '') return true;
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'Give a full http:// or https:// address.')
  .transform((v) => (v === '' ? null : v));

/**
 * The version of the record an edit form was opened on (0: the record did not exist yet), sent in a hidden
 * field (db/mutations/versions.ts). Required: a form without one could otherwise save over anything.
 */
export const openedVersion = z.coerce
  .number({ error: 'This form is missing the version it was opened on; reload the page and try again.' })
  .int('This form is missing the version it was opened on; reload the page and try again.')
  .min(0, 'This form is missing the version it was opened on; reload the page and try again.');

export const id = (name = 'Value') => z.coerce.number({ error: `${name} is required.` }).int().positive(`${name} is required.`);

/** An optional id from a select: '' becomes null. */
export const optionalId = z
  .union([z.literal(''), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (v === '' || v === undefined ? null : v));

export const enumField = <T extends readonly [string, ...string[]]>(values: T, name: string) =>
  z.enum(values, { error: `Choose a ${name}.` });

export type FieldErrors = Record<string, string[] | undefined>;

/** The state every form's server action returns; `values` echoes what was sent, so a refused form shows it again. */
export type FormState = { ok?: boolean; message?: string; errors?: FieldErrors; values?: FormValues };

/** A multi-value field (its encoding: form-values.ts): one value or several, or an array from JSON; trimmed, empty ones and repeats dropped. */
export const multiValue = () =>
  z
    .union([z.string(), z.number(), z.array(z.union([z.string(), z.number()]))])
    .optional()
    .transform((v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).map((x) => String(x).trim()).filter(Boolean))]);

/** A multi-value field of ids (`name` says what they are in the message). */
export const idList = (name: string) =>
  multiValue().transform((values, ctx) => {
    const ids = values.map(Number);
    if (ids.every((n) => Number.isInteger(n) && n > 0)) return [...new Set(ids)];
    ctx.addIssue({ code: 'custom', message: `Choose ${name} from the list.` });
    return z.NEVER;
  });

export function fieldErrors(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}
