import { z } from 'zod';
import { INTERCHANGE_FORMAT, COLLECTION_FORMAT, key, name, ref, text } from './schema';
import { CollectionV2Shape, NegotiationDocumentV2Shape, RoundRecordV2 } from './schema-v2';

// Version 1 of the interchange document, still read: a party had one description and an actor one
// party and one title for every negotiation. It differs from version 2 (./schema.ts) only in its
// actors, and in its rounds, which cannot say when or why they were cancelled; ./upgrade-v1.ts reads it
// as the version 2 it means (./schema-v2.ts), and ./upgrade-v2.ts that as version 3. Its published JSON Schemas (public/schema/negotiation-v1.schema.json,
// collection-v1.schema.json) stay as they were.

export const SCHEMA_V1_URL = '/schema/negotiation-v1.schema.json';
export const COLLECTION_SCHEMA_V1_URL = '/schema/collection-v1.schema.json';

export const ActorRecordV1 = z.strictObject({
  key: key('actor'),
  name: name(200),
  title: text(500),
  party: ref('party'),
});

export const RoundRecordV1 = RoundRecordV2.omit({ cancelledOn: true, cancellationReason: true, cancellationSource: true });

export const NegotiationDocumentV1Shape = NegotiationDocumentV2Shape.extend({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.literal(1),
  actors: z.array(ActorRecordV1),
  rounds: z.array(RoundRecordV1).default([]),
});

export type NegotiationDocumentV1 = z.infer<typeof NegotiationDocumentV1Shape>;

export const CollectionV1Shape = CollectionV2Shape.extend({
  format: z.literal(COLLECTION_FORMAT),
  version: z.literal(1),
  negotiations: z.array(NegotiationDocumentV1Shape).min(1, 'A collection holds at least one negotiation.'),
});

export type NegotiationCollectionV1 = z.infer<typeof CollectionV1Shape>;
