import { z } from 'zod';
import { COLLECTION_SCHEMA_URL, CollectionShape, NegotiationDocumentShape, SCHEMA_URL } from './schema';
import { COLLECTION_SCHEMA_V1_URL, CollectionV1Shape, NegotiationDocumentV1Shape, SCHEMA_V1_URL } from './schema-v1';

const generate = (shape: z.ZodType) => z.toJSONSchema(shape, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;

/** The published JSON Schema, generated from the zod schema (the one source of truth). */
export function negotiationJsonSchema(): Record<string, unknown> {
  return {
    ...generate(NegotiationDocumentShape),
    $id: SCHEMA_URL,
    title: 'Negotiation tracker: one negotiation, interchange format version 2',
    description:
      'A whole negotiation (parties, actors, issues, positions with history, rounds, outcomes, homework, updates, sources). A party is one identity across negotiations: its description, role and note here are this negotiation\'s, and each actor lists whom they speak for in it, as what and when (affiliations). References between records use the local keys of this document, never database ids.',
  };
}

/** The published JSON Schema of a collection, generated from the same zod schema. */
export function collectionJsonSchema(): Record<string, unknown> {
  return {
    ...generate(CollectionShape),
    $id: COLLECTION_SCHEMA_URL,
    title: 'Negotiation tracker: several negotiations imported together, interchange format version 2',
    description:
      'Negotiation documents (each as in negotiation-v2.schema.json) whose local keys name records across the whole file, so that a record of one negotiation may refer to a round, issue, update or source of another. A party or an actor listed in several documents is one party or one person, with what each negotiation says of them; every other key is listed once.',
  };
}

/** Version 1, still imported (lib/interchange/upgrade-v1.ts): its schemas as they were published. */
function v1JsonSchemas() {
  return [
    {
      file: `public${SCHEMA_V1_URL}`,
      schema: {
        ...generate(NegotiationDocumentV1Shape),
        $id: SCHEMA_V1_URL,
        title: 'Negotiation tracker: one negotiation, interchange format version 1',
        description:
          'A whole negotiation (parties, actors, issues, positions with history, rounds, outcomes, homework, updates, sources). References between records use the local keys of this document, never database ids.',
      },
    },
    {
      file: `public${COLLECTION_SCHEMA_V1_URL}`,
      schema: {
        ...generate(CollectionV1Shape),
        $id: COLLECTION_SCHEMA_V1_URL,
        title: 'Negotiation tracker: several negotiations imported together, interchange format version 1',
        description:
          'Negotiation documents (each as in negotiation-v1.schema.json) whose local keys name records across the whole file, so that a record of one negotiation may refer to a round, issue, update or source of another. A party listed in several documents is one party, seated in each; every other key is listed once.',
      },
    },
  ];
}

/** Every published schema: its file under public/ and its content. */
export function publishedSchemas(): { file: string; schema: Record<string, unknown> }[] {
  return [
    { file: `public${SCHEMA_URL}`, schema: negotiationJsonSchema() },
    { file: `public${COLLECTION_SCHEMA_URL}`, schema: collectionJsonSchema() },
    ...v1JsonSchemas(),
  ];
}
