import { z } from 'zod';
import { ROUND_FORMATS, ROUND_STATUSES } from '@/lib/domain';
import { enumField, id, idList, openedVersion, optionalId, optionalIsoDate, optionalText, requiredText } from './fields';

const roundFields = z.object({
  negotiationId: id('Negotiation'),
  name: requiredText('Name', 200),
  venue: optionalText(200),
  startsOn: optionalIsoDate('Start date'),
  endsOn: optionalIsoDate('End date'),
  // "in the coming weeks": what is known before there are dates.
  approxDate: optionalText(200),
  format: enumField(ROUND_FORMATS, 'format'),
  status: enumField(ROUND_STATUSES, 'status'),
  summary: optionalText(10000),
});

type RoundFields = z.infer<typeof roundFields>;

/** Date rules every round keeps, reported beside the field to fix. */
function checkDates(round: RoundFields, ctx: z.RefinementCtx) {
  if (round.startsOn && round.endsOn && round.endsOn < round.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'The end date comes before the start date.' });
  }
  if (round.endsOn && !round.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'Give a start date as well as an end date.' });
  }
  if (round.status === 'held' && !round.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['startsOn'], message: 'A held round needs a start date.' });
  }
}

export const RoundSchema = roundFields.superRefine(checkDates);
export type RoundInput = z.infer<typeof RoundSchema>;

export const RoundEditSchema = roundFields
  .extend({ roundId: id('Round'), version: openedVersion })
  .superRefine(checkDates);

const HEAD = 'head.';

/**
 * Delegation heads: one text field per party, `head.<partyId>`, each a single value (a map from party to
 * name, not a multi-value field); an empty field removes that party's head.
 */
export const DelegationsSchema = z.preprocess(
  (values) => ({
    roundId: (values as Record<string, unknown>)?.roundId,
    version: (values as Record<string, unknown>)?.version,
    heads: Object.entries((values ?? {}) as Record<string, unknown>)
      .filter(([k, v]) => k.startsWith(HEAD) && typeof v === 'string' && v.trim() !== '')
      .map(([k, v]) => ({ partyId: Number(k.slice(HEAD.length)), head: (v as string).trim() }))
      .filter((e) => Number.isInteger(e.partyId) && e.partyId > 0),
  }),
  z.object({
    roundId: id('Round'),
    version: openedVersion,
    heads: z.array(z.object({ partyId: z.number().int().positive(), head: z.string().max(300, 'At most 300 characters.') })),
  }),
);
export type DelegationsInput = z.infer<typeof DelegationsSchema>;

/** The issues on a round's agenda (a multi-value field). */
export const AgendaSchema = z.object({ roundId: id('Round'), version: openedVersion, issueIds: idList('issues') });
export type AgendaInput = z.infer<typeof AgendaSchema>;

export const OutcomeSchema = z.object({
  roundId: id('Round'),
  text: requiredText('Outcome', 2000),
  issueId: optionalId,
  sourceId: optionalId,
});
export type OutcomeInput = z.infer<typeof OutcomeSchema>;

export const RemoveOutcomeSchema = z.object({ outcomeId: id('Outcome') });

export const MoveRoundSchema = z.object({ roundId: id('Round'), version: openedVersion, direction: z.enum(['earlier', 'later'], { error: 'Choose earlier or later.' }) });
export type MoveRoundInput = z.infer<typeof MoveRoundSchema>;
