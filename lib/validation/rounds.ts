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
  // Only a cancelled round keeps these (`cancellationFacts`); the source is an existing one, or a new one typed
  // in the same form (withNewSource).
  cancelledOn: optionalIsoDate('Date of cancellation'),
  cancellationReason: optionalText(2000),
  sourceId: optionalId,
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
  // No rule ties the date to the planned dates: talks are usually called off before they would have begun.
  if (round.status === 'cancelled' && !round.cancelledOn) {
    ctx.addIssue({ code: 'custom', path: ['cancelledOn'], message: 'A cancelled round needs the date it was called off.' });
  }
  if (round.status === 'cancelled' && !round.cancellationReason) {
    ctx.addIssue({ code: 'custom', path: ['cancellationReason'], message: 'Say why the round was cancelled, as reported.' });
  }
}

/** What the form sent about a cancellation, kept only when the round is cancelled (a round back on is not cancelled). */
function cancellationFacts<T extends RoundFields>({ sourceId, ...round }: T): Omit<T, 'sourceId'> & { cancellationSourceId: number | null } {
  return round.status === 'cancelled'
    ? { ...round, cancellationSourceId: sourceId }
    : { ...round, cancelledOn: null, cancellationReason: '', cancellationSourceId: null };
}

export const RoundSchema = roundFields.superRefine(checkDates).transform(cancellationFacts);
type CancellationField = 'cancelledOn' | 'cancellationReason' | 'cancellationSourceId';
/** A round's facts as a caller gives them: a round that is not cancelled need say nothing of a cancellation. */
export type RoundInput = Omit<z.infer<typeof RoundSchema>, CancellationField> & Partial<Pick<z.infer<typeof RoundSchema>, CancellationField>>;

export const RoundEditSchema = roundFields
  .extend({ roundId: id('Round'), version: openedVersion })
  .superRefine(checkDates)
  .transform(cancellationFacts);

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
