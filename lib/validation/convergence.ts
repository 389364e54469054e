import { z } from 'zod';
import { id, openedVersion, optionalText } from './fields';

/**
 * A judgement of an issue at the round chosen in the form. The form carries the version of each round's
 * judgement as it was when opened (`version.<roundId>`, 0 where there was none): the chosen round's is the one checked.
 */
export const ConvergenceSchema = z.preprocess(
  (values) => {
    const sent = (values && typeof values === 'object' ? values : {}) as Record<string, unknown>;
    return { ...sent, version: sent[`version.${String(sent.roundId)}`] };
  },
  z.object({
    issueId: id('Issue'),
    roundId: id('Round'),
    distance: z.coerce
      .number({ error: 'Choose a distance from 0 to 4.' })
      .int('Choose a distance from 0 to 4.')
      .min(0, 'Choose a distance from 0 to 4.')
      .max(4, 'Choose a distance from 0 to 4.'),
    note: optionalText(1000),
    version: openedVersion,
  }),
);
export type ConvergenceInput = z.infer<typeof ConvergenceSchema>;
