import { z } from 'zod';
import { FLEXIBILITIES, HOMEWORK_STATUSES, ISSUE_STATUSES, STANCES } from '@/lib/domain';
import { enumField, id, idList, openedVersion, optionalId, optionalPartialDate, optionalText, partialDate, requiredText } from './fields';
import { storedColumns, type DatePrecision, type PartialDate } from '@/lib/partial-date';

// The update form is flat: the optional change sections use dotted field names
// (`position.summary`, `statusChange.status`…), so a message lands beside its own field.
// The JSON API flattens its nested body the same way (`flattenUpdateBody`) and is
// validated by this very schema.

const optionalTime = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(v), 'Time must be HH:MM (24-hour).')
  .transform((v) => (v === '' ? null : v));

/** A ticked box ('on' from a form, true from JSON). */
const ticked = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === 'on' || v === 'true');

/**
 * The round: '' (or null in JSON) is "not tied to a round"; left out altogether (a script's JSON), it is
 * chosen from the date by logUpdate (lib/round-of-date.ts), as the form chooses it.
 */
const roundField = z
  .union([z.literal(''), z.coerce.number().int().positive()])
  .optional()
  .transform((v) => (v === '' ? null : v));

const UpdateFields = {
  body: requiredText('Text', 20000),
  // "5 Feb 2026", "late 2025": as precisely as the report dates it.
  occurredOn: partialDate('Date it happened'),
  occurredTime: optionalTime,
  roundId: roundField,
  issueIds: idList('issues'),
  partyIds: idList('parties'),
  actorIds: idList('actors'),
  sourceIds: idList('sources'),
  // The analyst's word that there is no source yet (lib/update-sourcing.ts).
  unsourced: ticked,
};

/**
 * A party's new position, as the update form asks for it (date, round and source come from the update). Left
 * out, its party and issue are the update's (lib/change-concerns.ts).
 */
export const PositionChangeSchema = z.object({
  partyId: optionalId,
  issueId: optionalId,
  summary: requiredText('Summary', 2000),
  stance: enumField(STANCES, 'stance'),
  flexibility: enumField(FLEXIBILITIES, 'flexibility').default('unknown'),
  redLines: optionalText(2000),
  // The current position the analyst saw; empty means "whatever is current when I submit".
  basedOn: optionalId,
});

export const StatusChangePartSchema = z.object({
  issueId: optionalId,
  status: enumField(ISSUE_STATUSES, 'status'),
  note: optionalText(2000),
});

const ownerIds = idList('owner parties').pipe(z.array(z.number()).min(1, 'Choose at least one owner party.'));

export const NewHomeworkPartSchema = z.object({
  title: requiredText('Title', 300),
  description: optionalText(5000),
  ownerPartyIds: ownerIds,
  issueId: optionalId,
  dueRoundId: optionalId,
  dueOn: optionalPartialDate('Due date'),
});

export const HomeworkStatusPartSchema = z.object({
  homeworkId: id('Homework item'),
  status: enumField(HOMEWORK_STATUSES, 'status'),
  resolution: optionalText(5000),
});

/** The optional change sections, by the prefix of their fields and the field that says "this section is used". */
const SECTIONS = {
  position: { schema: PositionChangeSchema, trigger: ['partyId', 'summary'] },
  statusChange: { schema: StatusChangePartSchema, trigger: ['issueId', 'status'] },
  newHomework: { schema: NewHomeworkPartSchema, trigger: ['title'] },
  homeworkStatus: { schema: HomeworkStatusPartSchema, trigger: ['homeworkId'] },
} as const;
type Sections = typeof SECTIONS;
export type UpdateChanges = { [K in keyof Sections]: z.infer<Sections[K]['schema']> | null };

function sectionValues(values: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith(`${prefix}.`)) out[k.slice(prefix.length + 1)] = v;
  return out;
}

function parseSections(values: Record<string, unknown>, ctx: z.RefinementCtx): UpdateChanges | null {
  const changes = {} as Record<string, unknown>;
  let failed = false;
  for (const [prefix, { schema, trigger }] of Object.entries(SECTIONS)) {
    const fields = sectionValues(values, prefix);
    const used = trigger.some((t) => String(fields[t] ?? '').trim() !== '');
    if (!used) {
      changes[prefix] = null;
      continue;
    }
    const parsed = schema.safeParse(fields);
    if (parsed.success) changes[prefix] = parsed.data;
    else {
      failed = true;
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', message: issue.message, path: [`${prefix}.${String(issue.path[0] ?? '')}`] });
      }
    }
  }
  return failed ? null : (changes as UpdateChanges);
}

/** When it happened, as stored: its window's first day, with the precision and label. */
function storedOccurrence(when: PartialDate) {
  const stored = storedColumns(when);
  return { occurredOn: stored.date!, occurredOnPrecision: stored.precision, occurredOnLabel: stored.label };
}

/** Logging an update: the update itself, its links, and the changes it brings. */
export const UpdateSchema = z
  .looseObject({ negotiationId: id('Negotiation'), ...UpdateFields })
  // Checked even when a main field is wrong, so every message shows at once.
  .superRefine((data, ctx) => void parseSections(data, ctx), { when: () => true })
  .transform((data, ctx) => {
    const changes = parseSections(data, ctx);
    if (!changes) return z.NEVER;
    return {
      negotiationId: data.negotiationId,
      body: data.body,
      ...storedOccurrence(data.occurredOn),
      occurredTime: data.occurredTime,
      roundId: data.roundId,
      issueIds: data.issueIds,
      partyIds: data.partyIds,
      actorIds: data.actorIds,
      sourceIds: data.sourceIds,
      unsourced: data.unsourced,
      changes,
    };
  });
type Occurrence = 'occurredOnPrecision' | 'occurredOnLabel';
type Optional = 'roundId' | 'unsourced';
/**
 * An update as a caller gives it: one dated to a day need say nothing of the date's precision; one that leaves
 * out its round has it chosen from its date; one that cites a source need not say it is sourced.
 */
export type UpdateInput = Omit<z.infer<typeof UpdateSchema>, Occurrence | Optional> & {
  occurredOnPrecision?: DatePrecision;
  occurredOnLabel?: string;
  roundId?: number | null;
  unsourced?: boolean;
};

/** Editing an update: its text, date and links; the changes it brought stay as they were. */
export const UpdateEditSchema = z
  .object({ updateId: id('Update'), version: openedVersion, ...UpdateFields })
  .transform(({ occurredOn, ...rest }) => ({ ...rest, ...storedOccurrence(occurredOn) }));
export type UpdateEditInput = Omit<z.infer<typeof UpdateEditSchema>, Occurrence | Optional> & {
  occurredOnPrecision?: DatePrecision;
  occurredOnLabel?: string;
  roundId?: number | null;
  unsourced?: boolean;
};

/**
 * A JSON body as the flat values the form sends: nested objects become dotted keys,
 * arrays of ids are kept, other scalars become strings (as they would from a form).
 */
export function flattenUpdateBody(body: unknown, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!body || typeof body !== 'object' || Array.isArray(body)) return out;
  for (const [k, v] of Object.entries(body as Record<string, unknown>)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v === null || v === undefined) out[key] = '';
    else if (Array.isArray(v)) out[key] = v.map(String);
    else if (typeof v === 'object') Object.assign(out, flattenUpdateBody(v, key));
    else out[key] = String(v);
  }
  return out;
}
