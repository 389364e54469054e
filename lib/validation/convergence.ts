import { z } from 'zod';
import { id, optionalText } from './fields';

export const ConvergenceSchema = z.object({
  issueId: id('Issue'),
  roundId: id('Round'),
  distance: z.coerce
    .number({ error: 'Choose a distance from 0 to 4.' })
    .int('Choose a distance from 0 to 4.')
    .min(0, 'Choose a distance from 0 to 4.')
    .max(4, 'Choose a distance from 0 to 4.'),
  note: optionalText(1000),
});
export type ConvergenceInput = z.infer<typeof ConvergenceSchema>;
