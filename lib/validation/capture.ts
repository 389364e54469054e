import { z } from 'zod';
import { id, optionalIsoDate, optionalText } from './fields';

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
