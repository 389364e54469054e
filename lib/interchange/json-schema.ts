import { z } from 'zod';
import { COLLECTION_SCHEMA_URL, CollectionShape, NegotiationDocumentShape, SCHEMA_URL } from './schema';
import { COLLECTION_SCHEMA_V1_URL, CollectionV1Shape, NegotiationDocumentV1Shape, SCHEMA_V1_URL } from './schema-v1';
import { COLLECTION_SCHEMA_V2_URL, CollectionV2Shape, NegotiationDocumentV2Shape, SCHEMA_V2_URL } from './schema-v2';
import { COLLECTION_SCHEMA_V3_URL, CollectionV3Shape, NegotiationDocumentV3Shape, SCHEMA_V3_URL } from './schema-v3';

const generate = (shape: z.ZodType) => z.toJSONSchema(shape, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;

/** The published JSON Schema, generated from the zod schema (the one source of truth). */
export function negotiationJsonSchema(): Record<string, unknown> {
  return {
    ...generate(NegotiationDocumentShape),
    $id: SCHEMA_URL,
    title: 'Negotiation tracker: one negotiation, interchange format version 4',
    description:
      'A whole negotiation (parties, actors, outlets with their grading history, issues, positions with history, rounds, outcomes, homework, updates, sources). A party is one identity across negotiations: its description, role and note here are this negotiation\'s, and each actor lists whom they speak for in it, as what and when (affiliations). A round\'s start, an update\'s day, a due date and a publication date are a day ("2025-05-05") or, as precisely as the report gives it, { date, precision, label? }: "May 2025" is { "date": "2025-05-01", "precision": "month" }, "late 2025" { "date": "2025-09-01", "precision": "late" }, "in the coming weeks" said on 5 Feb 2026 { "date": "2026-02-05", "precision": "approx", "label": "in the coming weeks" }. References between records use the local keys of this document, never database ids.',
  };
}

/** The published JSON Schema of a collection, generated from the same zod schema. */
export function collectionJsonSchema(): Record<string, unknown> {
  return {
    ...generate(CollectionShape),
    $id: COLLECTION_SCHEMA_URL,
    title: 'Negotiation tracker: several negotiations imported together, interchange format version 4',
    description:
      'Negotiation documents (each as in negotiation-v4.schema.json) whose local keys name records across the whole file, so that a record of one negotiation may refer to a round, issue, update or source of another. A party or an actor listed in several documents is one party or one person, with what each negotiation says of them; every other key is listed once.',
  };
}

const V3_DESCRIPTION = "A whole negotiation (parties, actors, issues, positions with history, rounds, outcomes, homework, updates, sources). A party is one identity across negotiations: its description, role and note here are this negotiation\'s, and each actor lists whom they speak for in it, as what and when (affiliations). A round\'s start, an update\'s day, a due date and a publication date are a day (\"2025-05-05\") or, as precisely as the report gives it, { date, precision, label? }: \"May 2025\" is { \"date\": \"2025-05-01\", \"precision\": \"month\" }, \"late 2025\" { \"date\": \"2025-09-01\", \"precision\": \"late\" }, \"in the coming weeks\" said on 5 Feb 2026 { \"date\": \"2026-02-05\", \"precision\": \"approx\", \"label\": \"in the coming weeks\" }. References between records use the local keys of this document, never database ids.";
const V3_COLLECTION_DESCRIPTION = "Negotiation documents (each as in negotiation-v3.schema.json) whose local keys name records across the whole file, so that a record of one negotiation may refer to a round, issue, update or source of another. A party or an actor listed in several documents is one party or one person, with what each negotiation says of them; every other key is listed once.";

/** Version 3, still imported (lib/interchange/upgrade-v3.ts): its schemas as they were published. */
function v3JsonSchemas() {
  return [
    {
      file: `public${SCHEMA_V3_URL}`,
      schema: {
        ...generate(NegotiationDocumentV3Shape),
        $id: SCHEMA_V3_URL,
        title: 'Negotiation tracker: one negotiation, interchange format version 3',
        description: V3_DESCRIPTION,
      },
    },
    {
      file: `public${COLLECTION_SCHEMA_V3_URL}`,
      schema: {
        ...generate(CollectionV3Shape),
        $id: COLLECTION_SCHEMA_V3_URL,
        title: 'Negotiation tracker: several negotiations imported together, interchange format version 3',
        description: V3_COLLECTION_DESCRIPTION,
      },
    },
  ];
}

/** Version 2, still imported (lib/interchange/upgrade-v2.ts): its schemas as they were published. */
function v2JsonSchemas() {
  return [
    {
      file: `public${SCHEMA_V2_URL}`,
      schema: {
        ...generate(NegotiationDocumentV2Shape),
        $id: SCHEMA_V2_URL,
        title: 'Negotiation tracker: one negotiation, interchange format version 2',
        description:
          'A whole negotiation (parties, actors, issues, positions with history, rounds, outcomes, homework, updates, sources). A party is one identity across negotiations: its description, role and note here are this negotiation\'s, and each actor lists whom they speak for in it, as what and when (affiliations). References between records use the local keys of this document, never database ids.',
      },
    },
    {
      file: `public${COLLECTION_SCHEMA_V2_URL}`,
      schema: {
        ...generate(CollectionV2Shape),
        $id: COLLECTION_SCHEMA_V2_URL,
        title: 'Negotiation tracker: several negotiations imported together, interchange format version 2',
        description:
          'Negotiation documents (each as in negotiation-v2.schema.json) whose local keys name records across the whole file, so that a record of one negotiation may refer to a round, issue, update or source of another. A party or an actor listed in several documents is one party or one person, with what each negotiation says of them; every other key is listed once.',
      },
    },
  ];
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
    ...v3JsonSchemas(),
    ...v2JsonSchemas(),
    ...v1JsonSchemas(),
  ];
}
