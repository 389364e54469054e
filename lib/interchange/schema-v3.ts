import { z } from 'zod';
import { CollectionShape, COLLECTION_FORMAT, INTERCHANGE_FORMAT, NegotiationDocumentShape } from './schema';

// Version 3 of the interchange document, still read: it listed no outlets, each source carrying its outlet's
// name and its own grade. ./upgrade-v3.ts reads it as the version 4 it means (./schema.ts). Its published JSON
// Schemas (public/schema/negotiation-v3.schema.json, collection-v3.schema.json) stay as they were.

export const SCHEMA_V3_URL = '/schema/negotiation-v3.schema.json';
export const COLLECTION_SCHEMA_V3_URL = '/schema/collection-v3.schema.json';

export const NegotiationDocumentV3Shape = NegotiationDocumentShape.omit({ outlets: true }).extend({
  format: z.literal(INTERCHANGE_FORMAT),
  version: z.literal(3),
});

export type NegotiationDocumentV3 = z.infer<typeof NegotiationDocumentV3Shape>;

export const CollectionV3Shape = CollectionShape.extend({
  format: z.literal(COLLECTION_FORMAT),
  version: z.literal(3),
  negotiations: z.array(NegotiationDocumentV3Shape).min(1, 'A collection holds at least one negotiation.'),
});

export type NegotiationCollectionV3 = z.infer<typeof CollectionV3Shape>;
