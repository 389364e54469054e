import { z } from 'zod';
import { HOMEWORK_STATUSES } from '@/lib/domain';
import { enumField, id, idList, openedVersion, optionalId, optionalIsoDate, optionalText, requiredText } from './fields';

const ownerIds = idList('owner parties').pipe(z.array(z.number()).min(1, 'Choose at least one owner party.'));

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
  version: openedVersion,
});
export type HomeworkStatusInput = z.infer<typeof HomeworkStatusSchema>;

export const HomeworkEditSchema = HomeworkSchema.extend({ homeworkId: id('Homework item'), version: openedVersion });
