import { z } from 'zod';
import { RELIABILITIES } from '@/lib/domain';
import { enumField, id, isoDate, openedVersion, optionalText } from './fields';

/** Regrading an outlet: the new grade, as of a day, and why; its earlier gradings are kept. */
export const RegradeOutletSchema = z.object({
  outletId: id('Outlet'),
  reliability: enumField(RELIABILITIES, 'reliability'),
  gradedOn: isoDate('Date of the grading'),
  note: optionalText(2000),
  version: openedVersion,
});
export type RegradeOutletInput = z.infer<typeof RegradeOutletSchema>;
