import { z } from 'zod';
import { id, multiValue, optionalId, optionalIsoDate, optionalText, requiredText } from './fields';
import { NewSourceSchema } from './sources';
import { UpdateSchema, type UpdateInput } from './updates';

/** 1 MB of text: a whole long read with room to spare; more is refused with a message, not cut. */
export const MAX_ARTICLE_CHARACTERS = 1024 * 1024;

/** What the capture is asked: the article's text and what the analyst knows of it. */
// A script may send null for what it does not know.
const orNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === null ? undefined : v), schema);

export const CaptureRequestSchema = z.object({
  negotiationId: id('Negotiation'),
  text: z.string().max(MAX_ARTICLE_CHARACTERS, 'At most 1 MB of text: paste the article in parts.'),
  url: orNull(optionalText(2000)),
  outlet: orNull(optionalText(200)),
  title: orNull(optionalText(500)),
  publishedOn: orNull(optionalIsoDate('Publication date')),
});
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;

// Confirming a capture: the reviewed page sends the article (fields `article.…`) and every proposal it showed
// (`proposal` repeated, one index each), each proposal's fields under `p<index>.`: `p3.accepted`, `p3.quote`,
// `p3.body`, `p3.occurredOn`, `p3.issueIds`…, and its changes as the update form names them (`p3.position.summary`).
// An accepted proposal is read by the update form's own schema, so it is refused for what an update is refused for,
// each message beside its own field.

/** The field names of proposal `index` on the capture page. */
export const proposalField = (index: number, field: string) => `p${index}.${field}`;

const ArticleFields = NewSourceSchema.omit({ quote: true }).extend({
  text: z.string().trim().min(1, 'The article’s text is missing: propose from it again.').max(MAX_ARTICLE_CHARACTERS, 'At most 1 MB of text.'),
});

const ProposalExtras = z.object({
  quote: requiredText('Quote', 5000),
  // "Add this report to update #N's corroboration group".
  corroborates: optionalId,
});

/** What a confirmed capture writes: the article, kept, and one update per accepted proposal. */
export type CaptureConfirmInput = {
  negotiationId: number;
  article: z.infer<typeof ArticleFields>;
  reports: { index: number; quote: string; corroborates: number | null; update: UpdateInput }[];
};

function prefixed(values: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) if (k.startsWith(prefix)) out[k.slice(prefix.length)] = v;
  return out;
}

export const CaptureConfirmSchema = z
  .looseObject({ negotiationId: id('Negotiation'), proposal: multiValue() })
  .transform((data, ctx): CaptureConfirmInput => {
    const values = data as Record<string, unknown>;
    let failed = false;
    const fail = (path: string, message: string) => {
      failed = true;
      ctx.addIssue({ code: 'custom', message, path: [path] });
    };
    const article = ArticleFields.safeParse(prefixed(values, 'article.'));
    if (!article.success) for (const issue of article.error.issues) fail(`article.${String(issue.path[0] ?? 'outlet')}`, issue.message);
    const reports: CaptureConfirmInput['reports'] = [];
    for (const index of data.proposal.map(Number).filter((n) => Number.isInteger(n) && n >= 0)) {
      const fields = prefixed(values, proposalField(index, ''));
      if (fields.accepted !== 'yes') continue;
      const extras = ProposalExtras.safeParse(fields);
      // The round is left to the update form: a report dates itself, and the capture names none.
      const update = UpdateSchema.safeParse({ ...fields, negotiationId: data.negotiationId, sourceIds: [], roundId: '' });
      if (!extras.success) for (const issue of extras.error.issues) fail(proposalField(index, String(issue.path[0])), issue.message);
      if (!update.success) for (const issue of update.error.issues) fail(proposalField(index, String(issue.path[0])), issue.message);
      if (extras.success && update.success) reports.push({ index, ...extras.data, update: update.data });
    }
    if (!failed && reports.length === 0) fail('proposal', 'Accept at least one proposal: nothing is logged otherwise.');
    if (failed || !article.success) return z.NEVER;
    return { negotiationId: data.negotiationId, article: article.data, reports };
  });
