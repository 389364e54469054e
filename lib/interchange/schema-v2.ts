import { z } from 'zod';
import { COLLECTION_FORMAT, date, HomeworkRecord, INTERCHANGE_FORMAT, RoundRecord, SourceRecord, UpdateRecord } from './schema';
import { CollectionV3Shape, NegotiationDocumentV3Shape } from './schema-v3';

// Version 2 of the interchange document, still read: every date was a day. A source could be marked
// "published about that day" (publishedOnApprox), and a round planned without days said so in words
// only (approxDate: "in the coming weeks"). It differs from version 3 (./schema-v3.ts) only there;
// ./upgrade-v2.ts reads it as the version 3 it means. Its published JSON Schemas
// (public/schema/negotiation-v2.schema.json, collection-v2.schema.json) stay as they were.

export const SCHEMA_V2_URL = '/schema/negotiation-v2.schema.json';
export const COLLECTION_SCHEMA_V2_URL = '/schema/collection-v2.schema.json';

const none = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);

const source = SourceRecord.shape;
// Field by field, so that the published schema lists them in the order version 2 did.
export const SourceRecordV2 = z.strictObject({
  key: source.key,
  outlet: source.outlet,
  title: source.title,
  url: source.url,
  publishedOn: none(date),
  publishedOnApprox: z.boolean().default(false),
  quote: source.quote,
  reliability: source.reliability,
  credibility: source.credibility,
  cites: source.cites,
});
export const RoundRecordV2 = RoundRecord.extend({ startsOn: none(date) });
export const UpdateRecordV2 = UpdateRecord.extend({ occurredOn: date });
export const HomeworkRecordV2 = HomeworkRecord.extend({ dueOn: none(date) });

export const NegotiationDocumentV2Shape = NegotiationDocumentV3Shape.extend({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.literal(2),
  sources: z.array(SourceRecordV2).default([]),
  rounds: z.array(RoundRecordV2).default([]),
  updates: z.array(UpdateRecordV2).default([]),
  homework: z.array(HomeworkRecordV2).default([]),
});

export type NegotiationDocumentV2 = z.infer<typeof NegotiationDocumentV2Shape>;

export const CollectionV2Shape = CollectionV3Shape.extend({
  format: z.literal(COLLECTION_FORMAT),
  version: z.literal(2),
  negotiations: z.array(NegotiationDocumentV2Shape).min(1, 'A collection holds at least one negotiation.'),
});

export type NegotiationCollectionV2 = z.infer<typeof CollectionV2Shape>;
