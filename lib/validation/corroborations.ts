import { z } from 'zod';
import { id, openedVersion, optionalText, requiredText } from './fields';

export const NewCorroborationSchema = z.object({
  label: requiredText('Label', 200),
  note: optionalText(2000),
  updateIds: z
    .string()
    .trim()
    .default('')
    .transform((v) => [...new Set(v.split(/[\s,]+/).filter(Boolean).map(Number))])
    .refine((ids) => ids.every((n) => Number.isInteger(n) && n > 0), 'Give update numbers separated by commas.')
    .refine((ids) => ids.length >= 2, 'A group needs at least two updates.'),
});
export type NewCorroborationInput = z.infer<typeof NewCorroborationSchema>;

/** "Group these" on a suggested pair. */
export const GroupPairSchema = z.object({
  updateA: id('Update'),
  updateB: id('Update'),
  label: requiredText('Label', 200),
});
export type GroupPairInput = z.infer<typeof GroupPairSchema>;

export const MemberSchema = z.object({
  corroborationId: id('Group'),
  updateId: id('Update number'),
});
export type MemberInput = z.infer<typeof MemberSchema>;

export const VERDICT_MARKS = ['consistent', 'inconsistent', 'unmarked'] as const;

export const MarkSchema = z.object({
  corroborationId: id('Group'),
  mark: z.enum(VERDICT_MARKS, { error: 'Choose whether the reports are consistent.' }),
  note: optionalText(2000),
  version: openedVersion,
});
export type MarkInput = z.infer<typeof MarkSchema>;
