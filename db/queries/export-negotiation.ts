import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { negotiations } from '@/db/schema';
import { INTERCHANGE_FORMAT, INTERCHANGE_VERSION, SCHEMA_URL } from '@/lib/interchange/schema';
import { readExportContext, type ExportContext } from './export/keys';
import { actorRecords, convergenceRecords, corroborationRecords, homeworkRecords, issueRecords, partyRecords, roundRecords } from './export/short-lists';
import { outletRecords, positionRecords, sourceRecords, statusChangeRecords, updateRecords } from './export/long-lists';
import { jsonField, jsonList, type Batches } from './export/stream';
import { sees, type ReaderScope } from './access';

// The JSON interchange export (lib/interchange/schema.ts), written as a stream of text chunks: the
// keys first (./export/keys.ts), then one section after another, each read only when the stream
// reaches it, the long ones in batches (./export/stream.ts).

/** The document's lists, in document order. */
const SECTIONS: [name: string, records: (context: ExportContext) => Batches<object>][] = [
  ['parties', partyRecords],
  ['actors', actorRecords],
  ['outlets', outletRecords],
  ['sources', sourceRecords],
  ['issues', issueRecords],
  ['rounds', roundRecords],
  ['updates', updateRecords],
  ['positions', positionRecords],
  ['statusChanges', statusChangeRecords],
  ['homework', homeworkRecords],
  ['corroborations', corroborationRecords],
  ['convergence', convergenceRecords],
];

/**
 * The export as JSON text chunks, or null when there is no such negotiation for the reader. What it refers to
 * outside the negotiation (actors, sources) is only what the reader sees.
 */
export function exportNegotiationChunks(db: DB, scope: ReaderScope, negotiationId: number, now = new Date()): Generator<string> | null {
  if (!sees(scope, negotiationId)) return null;
  const negotiation = db.select().from(negotiations).where(eq(negotiations.id, negotiationId)).get();
  if (!negotiation) return null;
  return generate(db, scope, negotiation, now);
}

/** The whole export as one string (tests, the shell). */
export function exportNegotiationJson(db: DB, scope: ReaderScope, negotiationId: number, now?: Date): string | null {
  const chunks = exportNegotiationChunks(db, scope, negotiationId, now);
  return chunks ? [...chunks].join('') : null;
}

function* generate(db: DB, scope: ReaderScope, negotiation: typeof negotiations.$inferSelect, now: Date): Generator<string> {
  const context = readExportContext(db, negotiation.id);
  yield '{\n';
  yield [
    jsonField('$schema', SCHEMA_URL),
    jsonField('format', INTERCHANGE_FORMAT),
    jsonField('version', INTERCHANGE_VERSION),
    jsonField('exportedAt', now.toISOString()),
    jsonField('negotiation', { name: negotiation.name, description: negotiation.description, marking: negotiation.marking }),
  ].join('');
  for (const [i, [name, records]] of SECTIONS.entries()) yield* jsonList(name, records(context), i === SECTIONS.length - 1);
  yield '}\n';
}
