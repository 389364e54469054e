import type { z } from 'zod';
import {
  ActorRecord,
  ConvergenceRecord,
  CorroborationRecord,
  HomeworkRecord,
  IssueRecord,
  OutletRecord,
  PartyRecord,
  PositionRecord,
  RoundRecord,
  SourceRecord,
  StatusChangeRecord,
  UpdateRecord,
  type NegotiationDocument,
} from './schema';
import { ActorRecordV1, type NegotiationDocumentV1 } from './schema-v1';

// What can be read of a document whose shape is wrong somewhere, so that its references are checked
// in the same pass as its shape (./validate.ts): an analyst fixing a file by hand sees every error at
// once, not the broken references only after mending the shape. Each field that has its shape is kept,
// also in a record where another field has not; each field that has not is left undefined (a list:
// only its readable items), and the reference checks pass over what is undefined.

type Shape = Record<string, z.ZodType>;
type Loose = Record<string, unknown>;

const LISTS = {
  parties: PartyRecord,
  outlets: OutletRecord,
  sources: SourceRecord,
  issues: IssueRecord,
  rounds: RoundRecord,
  updates: UpdateRecord,
  positions: PositionRecord,
  statusChanges: StatusChangeRecord,
  homework: HomeworkRecord,
  corroborations: CorroborationRecord,
  convergence: ConvergenceRecord,
} as const;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The schema of a list's items, under the default the list has (./schema.ts list()); null when the field is no list. */
function itemSchemaOf(schema: z.ZodType): z.ZodType | null {
  let inner = schema as unknown as { def: { type: string; innerType?: unknown; element?: z.ZodType } };
  while (inner.def.type === 'default') inner = inner.def.innerType as typeof inner;
  // Only an array's definition has an element.
  return inner.def.element ?? null;
}

/** A field as read: its parsed value, else for a list its items that parse, else undefined. */
function readField(schema: z.ZodType, raw: unknown): unknown {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const item = itemSchemaOf(schema);
  if (!item) return undefined;
  if (!Array.isArray(raw)) return [];
  return raw.map((x) => readRecordOrValue(item, x));
}

/** An item of a list: an object schema is read field by field, anything else whole or not at all. */
function readRecordOrValue(schema: z.ZodType, raw: unknown): unknown {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const shape = (schema as unknown as { shape?: Shape }).shape;
  return shape ? readRecord(shape, raw) : undefined;
}

function readRecord(shape: Shape, raw: unknown): Loose {
  const record = isObject(raw) ? raw : {};
  return Object.fromEntries(Object.entries(shape).map(([field, schema]) => [field, readField(schema, record[field])]));
}

/** What can be read of a version 2 document (or of a version 1 one, with `v1`): every list is a list, every record an object. */
export function readableDocument(raw: unknown, v1: boolean): NegotiationDocument | NegotiationDocumentV1 {
  const doc = isObject(raw) ? raw : {};
  const negotiation = isObject(doc.negotiation) ? doc.negotiation : {};
  const listOf = (value: unknown, shape: Shape) => (Array.isArray(value) ? value.map((item) => readRecord(shape, item)) : []);
  return {
    ...Object.fromEntries(Object.entries(LISTS).map(([list, record]) => [list, listOf(doc[list], record.shape)])),
    actors: listOf(doc.actors, (v1 ? ActorRecordV1 : ActorRecord).shape),
    negotiation: { name: typeof negotiation.name === 'string' ? negotiation.name.trim() : undefined, description: '' },
  } as unknown as NegotiationDocument | NegotiationDocumentV1;
}

/** The documents of a collection that can be read; none when its list of negotiations is no list. */
export function readableCollection(raw: unknown, v1: boolean): (NegotiationDocument | NegotiationDocumentV1)[] {
  const negotiations = isObject(raw) ? raw.negotiations : undefined;
  return Array.isArray(negotiations) ? negotiations.map((doc) => readableDocument(doc, v1)) : [];
}
