import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import { and, eq, sql } from 'drizzle-orm';
import { freshDb, makeUser, position } from './factories';
import { recordPosition } from '@/db/mutations/positions';
import type { DB } from '@/db';
import { loadDemoData, DEMO_NEGOTIATION_NAME } from '@/db/demo/load';
import { auditLog, issues, negotiations, parties, positions, sources, updates } from '@/db/schema';
import { exportNegotiationChunks, exportNegotiationJson } from '@/db/queries/export-negotiation';
import { importCollection, importNegotiation } from '@/db/mutations/import-negotiation';
import { createNegotiation } from '@/db/mutations/negotiations';
import demoCollection from '@/db/demo/negotiations.json';
import { parseDocumentText } from '@/lib/interchange/parse';
import { publishedSchemas } from '@/lib/interchange/json-schema';
import { validateCollection } from '@/lib/interchange/validate';
import type { NegotiationCollection, NegotiationDocument } from '@/lib/interchange/schema';
import { InvalidInputError } from '@/lib/errors';
import { GAZA, IRAN } from './shared-parties-fixture';
import { ForbiddenError } from '@/lib/roles';
import { wholeInstance } from '@/db/queries/access';

function demoDb() {
  const db = freshDb();
  const admin = makeUser(db, 'admin');
  loadDemoData(db, admin);
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
  const text = exportNegotiationJson(db, wholeInstance(db), id);
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
    expect(doc.version).toBe(4);
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
    const importedId = importNegotiation(other, analyst, first).id;
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
    const copyId = importNegotiation(db, admin, first, { name: 'Copy of the peace talks' }).id;
    expect(count(db, parties)).toBe(partiesBefore);
    const second = exportDoc(db, copyId);
    expect(second.negotiation.name).toBe('Copy of the peace talks');
    expect(comparable(second)).toEqual(comparable(first));
  });

  it('streams the export in chunks that join into one valid document', () => {
    const { db, id } = demoDb();
    const chunks = [...exportNegotiationChunks(db, wholeInstance(db), id)!];
    expect(chunks.length).toBeGreaterThan(10);
    expect(() => JSON.parse(chunks.join(''))).not.toThrow();
    expect(exportNegotiationChunks(db, wholeInstance(db), 999999)).toBeNull();
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
    const doc = JSON.parse(exportNegotiationJson(db, wholeInstance(db), id)!);
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

  it('refuses positions of a party on an issue that are not listed as one chain, at the path of each', () => {
    const { db, id } = demoDb();
    const doc = JSON.parse(exportNegotiationJson(db, wholeInstance(db), id)!) as NegotiationDocument;
    // Ukraine on Donbas has two versions (demoDb): the first superseded by the second.
    const later = doc.positions.findIndex((p) => p.supersedes !== null && p.party === 'party:UA');
    const earlier = doc.positions.findIndex((p) => p.key === doc.positions[later].supersedes);
    const [k1, k2] = [doc.positions[earlier].key, doc.positions[later].key];
    const errorsOf = (change: (d: NegotiationDocument) => void) => {
      const copy = structuredClone(doc);
      change(copy);
      const result = parseDocumentText(JSON.stringify(copy));
      return result.ok ? [] : result.errors;
    };
    expect(errorsOf(() => {})).toEqual([]);

    expect(errorsOf((d) => (d.positions[later].supersedes = null))).toEqual([
      { path: `/positions/${later}/supersedes`, message: `Expected "${k1}": each position of party:UA on issue:1 supersedes the one listed before it.` },
    ]);
    expect(errorsOf((d) => (d.positions[earlier].isCurrent = true))).toEqual([
      { path: `/positions/${earlier}/isCurrent`, message: `Expected false: "${k2}", listed after it, supersedes it.` },
    ]);
    expect(errorsOf((d) => (d.positions[later].isCurrent = false))).toEqual([
      { path: `/positions/${later}/isCurrent`, message: 'Expected true: the last position of party:UA on issue:1 listed is the current one.' },
    ]);
    // Listed the other way round, the history cannot be appended: the importer never sees it.
    const swapped = errorsOf((d) => ([d.positions[earlier], d.positions[later]] = [d.positions[later], d.positions[earlier]]));
    expect(swapped.map((e) => e.path)).toEqual([
      `/positions/${earlier}/supersedes`,
      `/positions/${earlier}/isCurrent`,
      `/positions/${later}/supersedes`,
      `/positions/${later}/isCurrent`,
    ]);
  });

  it('publishes the JSON Schemas generated from the zod schema', () => {
    for (const { file, schema } of publishedSchemas()) {
      const published = JSON.parse(fs.readFileSync(path.join(process.cwd(), file), 'utf8'));
      expect(published, file).toEqual(schema);
    }
  });
});

describe('JSON interchange of negotiations that share a party', () => {
  function shared() {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const gaza = importNegotiation(db, analyst, GAZA).id;
    const iran = importNegotiation(db, analyst, IRAN).id;
    return { db, analyst, gaza, iran };
  }
  const us = (doc: NegotiationDocument) => doc.parties.find((p) => p.name === 'United States')!;

  it("exports each negotiation with only its own description of the shared party and its own people", () => {
    const { db, gaza, iran } = shared();
    expect(count(db, parties)).toBe(3);
    for (const [id, source, other] of [
      [gaza, GAZA, IRAN],
      [iran, IRAN, GAZA],
    ] as const) {
      const doc = exportDoc(db, id);
      expect(us(doc).description).toBe(us(source).description);
      expect(doc.actors).toEqual(source.actors);
      const text = JSON.stringify(doc);
      expect(text).not.toContain(us(other).description);
      for (const person of other.actors.filter((a) => !source.actors.some((s) => s.name === a.name))) expect(text).not.toContain(person.name);
      for (const title of other.actors.flatMap((a) => a.affiliations.map((f) => f.title))) expect(text).not.toContain(title);
    }
  });

  it('round-trips each one, into a fresh database and into the same one under a new name', () => {
    const { db, analyst, gaza, iran } = shared();
    const before = [exportDoc(db, gaza), exportDoc(db, iran)];
    for (const id of [gaza, iran]) {
      const first = exportDoc(db, id);
      expect(comparable(first)).toEqual(comparable({ ...(id === gaza ? GAZA : IRAN), $schema: first.$schema, exportedAt: first.exportedAt }));

      const other = freshDb();
      const fresh = importNegotiation(other, makeUser(other, 'analyst'), first).id;
      expect(comparable(exportDoc(other, fresh))).toEqual(comparable(first));

      const copy = importNegotiation(db, analyst, first, { name: `${first.negotiation.name} (copy)` }).id;
      expect(comparable(exportDoc(db, copy))).toEqual(comparable(first));
    }
    // The copies, matching the shared party and people, changed nothing the first two say.
    expect([exportDoc(db, gaza), exportDoc(db, iran)].map(comparable)).toEqual(before.map(comparable));
  });
});

describe('JSON interchange collections', () => {
  const ARMS_CONTROL = 'US–Russia strategic stability';
  const errorsOf = (change: (c: NegotiationCollection) => void) => {
    const copy = structuredClone(demoCollection) as unknown as NegotiationCollection;
    change(copy);
    const result = validateCollection(copy);
    return result.ok ? [] : result.errors;
  };

  it('resolves keys across the documents of the file, and only there', () => {
    expect(errorsOf(() => {})).toEqual([]);
    // The strategic-stability talks cite a round of the peace talks; a key of neither is refused.
    expect(errorsOf((c) => (c.negotiations[1].updates[0].round = 'round:nowhere'))).toEqual([
      { path: '/negotiations/1/updates/0/round', message: '"round:nowhere" is not a key of this file.' },
    ]);
    expect(errorsOf((c) => c.negotiations[1].issues.push({ ...c.negotiations[0].issues[0] }))).toEqual([
      { path: '/negotiations/1/issues/3/key', message: `Duplicate key "${demoCollection.negotiations[0].issues[0].key}".` },
    ]);
    expect(errorsOf((c) => (c.negotiations[1].negotiation.name = c.negotiations[0].negotiation.name))).toEqual([
      { path: '/negotiations/1/negotiation/name', message: 'Duplicate negotiation name.' },
    ]);
  });

  it('takes a party listed by several documents as one party seated in each, if the listings agree', () => {
    const us = demoCollection.negotiations[1].parties.findIndex((p) => p.key === 'party:US');
    expect(errorsOf((c) => (c.negotiations[1].parties[us].name = 'United States of America'))).toEqual([
      {
        path: `/negotiations/1/parties/${us}/key`,
        message: '"party:US" is listed at /negotiations/0/parties/0 with another name or short name: one key names one party.',
      },
    ]);
    expect(errorsOf((c) => (c.negotiations[1].parties[us].key = 'party:USA'))).toEqual(
      expect.arrayContaining([
        { path: `/negotiations/1/parties/${us}/key`, message: '"United States" is listed at /negotiations/0/parties/0 as "party:US": one party has one key.' },
      ]),
    );
  });

  it('imports all the negotiations of a collection or none', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const result = validateCollection(demoCollection);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    createNegotiation(db, analyst, { name: ARMS_CONTROL, description: '' });
    const before = [count(db, negotiations), count(db, sources), count(db, auditLog)];
    expect(() => importCollection(db, analyst, result.collection)).toThrow(/already exists/);
    expect([count(db, negotiations), count(db, sources), count(db, auditLog)]).toEqual(before);
    expect(() => importCollection(freshDb(), makeUser(db, 'viewer'), result.collection)).toThrow(ForbiddenError);
  });
});
