import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { and, eq, sql } from 'drizzle-orm';
import { freshDb, makeUser, position } from './factories';
import { recordPosition } from '@/db/mutations/positions';
import type { DB } from '@/db';
import { seedDemoData, DEMO_NEGOTIATION_NAME } from '@/db/seed';
import { auditLog, issues, negotiations, parties, positions, sources, updates } from '@/db/schema';
import { exportNegotiationChunks, exportNegotiationJson } from '@/db/queries/export-negotiation';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { parseDocumentText } from '@/lib/interchange/parse';
import { negotiationJsonSchema } from '@/lib/interchange/json-schema';
import type { NegotiationDocument } from '@/lib/interchange/schema';
import { InvalidInputError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/roles';

function demoDb() {
  const db = freshDb();
  const admin = makeUser(db, 'admin');
  seedDemoData(db, admin.id);
  const id = db.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.name, DEMO_NEGOTIATION_NAME)).get()!.id;
  // A second version of a position, so the export carries position history.
  const donbas = db.select().from(issues).where(eq(issues.title, 'Donbas status')).get()!;
  const ukraine = db.select().from(parties).where(eq(parties.shortName, 'UA')).get()!;
  const current = db
    .select()
    .from(positions)
    .where(and(eq(positions.issueId, donbas.id), eq(positions.partyId, ukraine.id), eq(positions.isCurrent, true)))
    .get();
  recordPosition(db, admin, position(donbas.id, ukraine.id, current?.id ?? null, 'Open to a freeze of the line, no recognition'));
  return { db, admin, id };
}

function exportDoc(db: DB, id: number): NegotiationDocument {
  const text = exportNegotiationJson(db, id);
  expect(text).not.toBeNull();
  const result = parseDocumentText(text!);
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result.document;
}

/** Ids never appear in the document; the timestamps and the name (when renamed) are what may differ. */
const comparable = (doc: NegotiationDocument) => ({ ...doc, exportedAt: undefined, negotiation: { ...doc.negotiation, name: undefined } });

const count = (db: DB, table: SQLiteTable) =>
  db.select({ n: sql<number>`count(*)` }).from(table).get()!.n;

describe('JSON interchange', () => {
  it('exports the demo negotiation completely, with keys instead of ids', () => {
    const { db, id } = demoDb();
    const doc = exportDoc(db, id);
    expect(doc.version).toBe(1);
    expect(doc.parties.map((p) => p.key)).toEqual(expect.arrayContaining(['party:US', 'party:RU', 'party:UA']));
    expect(doc.rounds.map((r) => r.name)).toEqual(expect.arrayContaining(['Istanbul', 'Round 3']));
    expect(doc.issues.find((i) => i.title === 'Donbas status')?.status).toBe('deadlocked');
    expect(doc.updates.length).toBeGreaterThan(3);
    expect(doc.positions.some((p) => p.supersedes !== null)).toBe(true);
    expect(doc.homework.length).toBeGreaterThan(0);
    expect(doc.sources.some((s) => s.cites !== null)).toBe(true);
    // No database id leaks into the document.
    expect(JSON.stringify(doc)).not.toMatch(/"(id|negotiationId|partyId|issueId)":/);
  });

  it('round trip into a fresh database: export, import, export gives the same document', () => {
    const { db, id } = demoDb();
    const first = exportDoc(db, id);

    const other = freshDb();
    const analyst = makeUser(other, 'analyst');
    const importedId = importNegotiation(other, analyst, first);
    const second = exportDoc(other, importedId);
    expect(second.negotiation.name).toBe(DEMO_NEGOTIATION_NAME);
    expect(comparable(second)).toEqual(comparable(first));

    const audit = other.select().from(auditLog).where(eq(auditLog.action, 'import')).all();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ userId: analyst.id, entity: 'negotiation', entityId: importedId });
  });

  it('round trip into the same database under a new name reuses the parties and actors', () => {
    const { db, id, admin } = demoDb();
    const first = exportDoc(db, id);
    const partiesBefore = count(db, parties);
    const copyId = importNegotiation(db, admin, first, { name: 'Copy of the peace talks' });
    expect(count(db, parties)).toBe(partiesBefore);
    const second = exportDoc(db, copyId);
    expect(second.negotiation.name).toBe('Copy of the peace talks');
    expect(comparable(second)).toEqual(comparable(first));
  });

  it('streams the export in chunks that join into one valid document', () => {
    const { db, id } = demoDb();
    const chunks = [...exportNegotiationChunks(db, id)!];
    expect(chunks.length).toBeGreaterThan(10);
    expect(() => JSON.parse(chunks.join(''))).not.toThrow();
    expect(exportNegotiationChunks(db, 999999)).toBeNull();
  });

  it('refuses an import whose name is taken, writing nothing', () => {
    const { db, id, admin } = demoDb();
    const doc = exportDoc(db, id);
    const before = [count(db, negotiations), count(db, updates), count(db, sources), count(db, auditLog)];
    expect(() => importNegotiation(db, admin, doc)).toThrow(InvalidInputError);
    expect(() => importNegotiation(db, admin, doc)).toThrow(/already exists.*new name/);
    expect([count(db, negotiations), count(db, updates), count(db, sources), count(db, auditLog)]).toEqual(before);
  });

  it('refuses viewers', () => {
    const { db, id } = demoDb();
    const doc = exportDoc(db, id);
    const viewer = makeUser(db, 'viewer');
    expect(() => importNegotiation(db, viewer, doc, { name: 'By a viewer' })).toThrow(ForbiddenError);
    expect(db.select().from(negotiations).where(eq(negotiations.name, 'By a viewer')).get()).toBeUndefined();
  });

  it('reports the path of each schema error', () => {
    const { db, id } = demoDb();
    const doc = JSON.parse(exportNegotiationJson(db, id)!);
    doc.issues[0].status = 'solved';
    doc.updates[1].occurredOn = '2026-02-30';
    doc.positions[0].party = 'party:NOPE';
    delete doc.rounds[0].name;
    const result = parseDocumentText(JSON.stringify(doc));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['/issues/0/status', '/updates/1/occurredOn', '/rounds/0/name']));

    // Reference errors are found once the shape is right.
    doc.issues[0].status = 'agreed';
    doc.updates[1].occurredOn = '2026-02-06';
    doc.rounds[0].name = 'Istanbul';
    const refs = parseDocumentText(JSON.stringify(doc));
    expect(refs.ok).toBe(false);
    if (!refs.ok) expect(refs.errors).toEqual([{ path: '/positions/0/party', message: '"party:NOPE" is not a key of this document.' }]);

    expect(parseDocumentText('{ not json').ok).toBe(false);
  });

  it('publishes the JSON Schema generated from the zod schema', () => {
    const published = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'public/schema/negotiation-v1.schema.json'), 'utf8'));
    expect(published).toEqual(negotiationJsonSchema());
  });
});
