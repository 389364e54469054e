import { z } from 'zod';
import { NegotiationDocumentShape, SCHEMA_URL } from './schema';

/** The published JSON Schema, generated from the zod schema (the one source of truth). */
export function negotiationJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(NegotiationDocumentShape, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  return {
    ...generated,
    $id: SCHEMA_URL,
    title: 'Negotiation tracker: one negotiation, interchange format version 1',
    description:
      'A whole negotiation (parties, actors, issues, positions with history, rounds, outcomes, homework, updates, sources). References between records use the local keys of this document, never database ids.',
  };
}
