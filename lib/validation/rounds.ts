import { z } from 'zod';
import { ROUND_FORMATS, ROUND_STATUSES } from '@/lib/domain';
import { enumField, id, optionalId, optionalIsoDate, optionalText, requiredText } from './fields';

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
  .extend({ roundId: id('Round'), version: id('Version') })
  .superRefine(checkDates);

/** Fields named `<prefix><id>` (checkboxes or per-party inputs) gathered into one list. */
function collect(values: unknown, prefix: string): { id: number; value: string }[] {
  if (!values || typeof values !== 'object') return [];
  return Object.entries(values as Record<string, unknown>)
    .filter(([k, v]) => k.startsWith(prefix) && typeof v === 'string')
    .map(([k, v]) => ({ id: Number(k.slice(prefix.length)), value: (v as string).trim() }))
    .filter((e) => Number.isInteger(e.id) && e.id > 0);
}

/** Delegation heads: one text field per party, `head.<partyId>`; an empty field removes that party's head. */
export const DelegationsSchema = z.preprocess(
  (values) => ({
    roundId: (values as Record<string, unknown>)?.roundId,
    heads: collect(values, 'head.')
      .filter((e) => e.value !== '')
      .map((e) => ({ partyId: e.id, head: e.value })),
  }),
  z.object({
    roundId: id('Round'),
    heads: z.array(z.object({ partyId: z.number().int().positive(), head: z.string().max(300, 'At most 300 characters.') })),
  }),
);
export type DelegationsInput = z.infer<typeof DelegationsSchema>;

/** The issues on a round's agenda: checkboxes `agenda.<issueId>`. */
export const AgendaSchema = z.preprocess(
  (values) => ({ roundId: (values as Record<string, unknown>)?.roundId, issueIds: collect(values, 'agenda.').map((e) => e.id) }),
  z.object({ roundId: id('Round'), issueIds: z.array(z.number().int().positive()) }),
);
export type AgendaInput = z.infer<typeof AgendaSchema>;

export const OutcomeSchema = z.object({
  roundId: id('Round'),
  text: requiredText('Outcome', 2000),
  issueId: optionalId,
  sourceId: optionalId,
});
export type OutcomeInput = z.infer<typeof OutcomeSchema>;

export const RemoveOutcomeSchema = z.object({ outcomeId: id('Outcome') });

export const MoveRoundSchema = z.object({ roundId: id('Round'), direction: z.enum(['earlier', 'later'], { error: 'Choose earlier or later.' }) });
export type MoveRoundInput = z.infer<typeof MoveRoundSchema>;
