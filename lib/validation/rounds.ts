import { z } from 'zod';
import { ROUND_FORMATS, ROUND_STATUSES, type DatePrecision } from '@/lib/domain';
import { enumField, id, idList, openedVersion, optionalId, optionalIsoDate, optionalPartialDate, optionalText, requiredText } from './fields';
import { storedColumns } from '@/lib/partial-date';

const roundFields = z.object({
  negotiationId: id('Negotiation'),
  name: requiredText('Name', 200),
  venue: optionalText(200),
  // "5 May 2025", "May 2025", "in the coming weeks": as precisely as the report gives it.
  startsOn: optionalPartialDate('Start date'),
  endsOn: optionalIsoDate('End date'),
  // What reports said of the dates, kept beside them ("dates approximate").
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
  if (round.startsOn && round.endsOn && round.endsOn < round.startsOn.date) {
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

/** The start as it is stored: its window's first day, with its precision and label. */
type StoredStart = { startsOn: string | null; startsOnPrecision: DatePrecision; startsOnLabel: string };

/**
 * What the form sent, as stored: the start's precision beside its day, and a cancellation kept only when the
 * round is cancelled (a round back on is not cancelled).
 */
function cancellationFacts<T extends RoundFields>({ sourceId, startsOn, ...round }: T): Omit<T, 'sourceId' | 'startsOn'> & StoredStart & { cancellationSourceId: number | null } {
  const start = storedColumns(startsOn);
  const stored = { ...round, startsOn: start.date, startsOnPrecision: start.precision, startsOnLabel: start.label };
  return round.status === 'cancelled'
    ? { ...stored, cancellationSourceId: sourceId }
    : { ...stored, cancelledOn: null, cancellationReason: '', cancellationSourceId: null };
}

export const RoundSchema = roundFields.superRefine(checkDates).transform(cancellationFacts);
type OptionalField = 'cancelledOn' | 'cancellationReason' | 'cancellationSourceId' | 'startsOnPrecision' | 'startsOnLabel';
/** A round's facts as a caller gives them: a round that is not cancelled need say nothing of a cancellation, a start on a known day nothing of its precision. */
export type RoundInput = Omit<z.infer<typeof RoundSchema>, OptionalField> & Partial<Pick<z.infer<typeof RoundSchema>, OptionalField>>;

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
