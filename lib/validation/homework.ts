import { z } from 'zod';
import { HOMEWORK_STATUSES } from '@/lib/domain';
import { enumField, id, optionalId, optionalIsoDate, optionalText, requiredText } from './fields';

const ownerIds = z
  .union([z.array(z.coerce.number().int().positive()), z.coerce.number().int().positive()])
  .transform((v) => (Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.number()).min(1, 'Choose at least one owner party.'));

export const HomeworkSchema = z.object({
  negotiationId: id('Negotiation'),
  title: requiredText('Title', 300),
  description: optionalText(5000),
  issueId: optionalId,
  ownerPartyIds: ownerIds,
  assignedRoundId: optionalId,
  dueRoundId: optionalId,
  dueOn: optionalIsoDate('Due date'),
  status: enumField(HOMEWORK_STATUSES, 'status'),
  resolution: optionalText(5000),
  vague: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
});
export type HomeworkInput = z.infer<typeof HomeworkSchema>;

export const HomeworkStatusSchema = z.object({
  homeworkId: id('Homework item'),
  status: enumField(HOMEWORK_STATUSES, 'status'),
  resolution: optionalText(5000),
  version: optionalId,
});
export type HomeworkStatusInput = z.infer<typeof HomeworkStatusSchema>;

/** A form's owner checkboxes are named `owner.<partyId>` (a form keeps one value per name). */
function withOwners(values: unknown) {
  if (!values || typeof values !== 'object') return values;
  const v = values as Record<string, unknown>;
  const owners = Object.keys(v)
    .filter((k) => k.startsWith('owner.'))
    .map((k) => Number(k.slice('owner.'.length)))
    .filter((n) => Number.isInteger(n) && n > 0);
  return { ...v, ownerPartyIds: owners };
}

export const HomeworkFormSchema = z.preprocess(withOwners, HomeworkSchema);

export const HomeworkEditFormSchema = z.preprocess(
  withOwners,
  HomeworkSchema.extend({ homeworkId: id('Homework item'), version: id('Version') }),
);
