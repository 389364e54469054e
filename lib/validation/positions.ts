import { z } from 'zod';
import { FLEXIBILITIES, STANCES } from '@/lib/domain';
import { enumField, id, isoDate, optionalId, optionalText, requiredText } from './fields';

export const PositionSchema = z.object({
  issueId: id('Issue'),
  partyId: id('Party'),
  summary: requiredText('Summary', 2000),
  stance: enumField(STANCES, 'stance'),
  redLines: optionalText(2000),
  flexibility: enumField(FLEXIBILITIES, 'flexibility'),
  asOf: isoDate('As-of date'),
  sourceId: optionalId,
  roundId: optionalId,
  // The current position the analyst saw when opening the form ('' when there was none).
  basedOn: optionalId,
});
export type PositionInput = z.infer<typeof PositionSchema>;
