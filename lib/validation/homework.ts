import { z } from 'zod';
import { HOMEWORK_STATUSES } from '@/lib/domain';
import { enumField, id, idList, openedVersion, optionalId, optionalPartialDate, optionalText, requiredText } from './fields';
import { storedColumns, type DatePrecision, type PartialDate } from '@/lib/partial-date';

const ownerIds = idList('owner parties').pipe(z.array(z.number()).min(1, 'Choose at least one owner party.'));

const homeworkFields = z.object({
  negotiationId: id('Negotiation'),
  title: requiredText('Title', 300),
  description: optionalText(5000),
  issueId: optionalId,
  ownerPartyIds: ownerIds,
  assignedRoundId: optionalId,
  dueRoundId: optionalId,
  // "by 5 May 2025", "May 2025", "in the coming weeks": as precisely as the report gives it.
  dueOn: optionalPartialDate('Due date'),
  status: enumField(HOMEWORK_STATUSES, 'status'),
  resolution: optionalText(5000),
  vague: z
    .union([z.boolean(), z.string()])
    .optional()
    .transform((v) => v === true || v === 'on' || v === 'true'),
});

/** The due date as stored: its window's first day, with its precision and label. */
function storedDue<T extends { dueOn: PartialDate | null }>({ dueOn, ...item }: T) {
  const due = storedColumns(dueOn);
  return { ...item, dueOn: due.date, dueOnPrecision: due.precision, dueOnLabel: due.label };
}

export const HomeworkSchema = homeworkFields.transform(storedDue);

/** An item as a caller gives it: a due date on a known day need say nothing of its precision. */
export type HomeworkInput = Omit<z.infer<typeof HomeworkSchema>, 'dueOnPrecision' | 'dueOnLabel'> & { dueOnPrecision?: DatePrecision; dueOnLabel?: string };

export const HomeworkStatusSchema = z.object({
  homeworkId: id('Homework item'),
  status: enumField(HOMEWORK_STATUSES, 'status'),
  resolution: optionalText(5000),
  version: openedVersion,
});
export type HomeworkStatusInput = z.infer<typeof HomeworkStatusSchema>;

export const HomeworkEditSchema = homeworkFields.extend({ homeworkId: id('Homework item'), version: openedVersion }).transform(storedDue);
