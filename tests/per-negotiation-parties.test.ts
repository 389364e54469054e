import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { actors, affiliations, negotiations, parties, rounds, updates } from '@/db/schema';
import { loadDemoData } from '@/db/demo/load';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { seatParty } from '@/db/mutations/negotiations';
import { addActor, createParty } from '@/db/mutations/parties';
import { logUpdate } from '@/db/mutations/updates';
import { exportNegotiationJson } from '@/db/queries/export-negotiation';
import { partyInNegotiations } from '@/db/queries/parties';
import { roundSummary } from '@/db/queries/round-summary';
import { getUpdateDetail, updateFormChoices } from '@/db/queries/updates';
import { renderMarkdown } from '@/lib/exports/markdown';
import { describeMatch } from '@/lib/interchange/matches';
import { validateCollection, validateDocument } from '@/lib/interchange/validate';
import type { NegotiationDocument } from '@/lib/interchange/schema';
import type { NegotiationCollectionV1, NegotiationDocumentV1 } from '@/lib/interchange/schema-v1';
import { datesInVersion2 } from './fixtures/dates-in-version-2';
import demoCollection from '@/db/demo/negotiations.json';
import { UpdateSchema } from '@/lib/validation/updates';
import { InvalidInputError } from '@/lib/errors';
import { freshDb, makeUser } from './factories';
import { GAZA, IRAN } from './shared-parties-fixture';
import { wholeInstance } from '@/db/queries/access';

// A party is one identity, but what a negotiation says of it and who speaks for it there are that
// negotiation's own (docs/decisions/0014): on its pages and forms, in its summaries, and on import.

const idOf = (db: DB, name: string) => db.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.name, name)).get()!.id;
const partyId = (db: DB, name: string) => db.select({ id: parties.id }).from(parties).where(eq(parties.name, name)).get()!.id;

function exported(db: DB, id: number): NegotiationDocument {
  const result = validateDocument(JSON.parse(exportNegotiationJson(db, wholeInstance(db), id)!));
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 5)));
  return result.document;
}

function shared() {
  const db = freshDb();
  const analyst = makeUser(db, 'analyst');
  const gaza = importNegotiation(db, analyst, GAZA);
  const iran = importNegotiation(db, analyst, IRAN);
  return { db, analyst, gaza, iran };
}

/** The Gaza document as version 1 wrote it: one title and party per actor, no dates. */
function gazaInVersion1(): NegotiationDocumentV1 {
  // Version 4 listed outlets; version 1 did not.
  const { outlets: _, ...gaza } = GAZA;
  return {
    ...gaza,
    version: 1,
    actors: GAZA.actors.map((a) => ({ key: a.key, name: a.name, title: a.affiliations[0].title, party: a.affiliations[0].party })),
    ...datesInVersion2(GAZA),
  };
}

describe('the importer', () => {
  it('names every party and actor it found already here, and in how many other negotiations each is used', () => {
    const { db, analyst, gaza, iran } = shared();
    expect(gaza.matches).toEqual([]);
    expect(iran.matches).toEqual([
      { kind: 'party', name: 'United States', otherNegotiations: 1 },
      { kind: 'actor', name: 'Steve Witkoff', otherNegotiations: 1 },
    ]);
    expect(iran.matches.map(describeMatch)).toEqual([
      'United States: matched the existing party, used in 1 other negotiation',
      'Steve Witkoff: matched the existing actor, used in 1 other negotiation',
    ]);

    // A copy of Iran's talks finds all of it; a party keeps its own short name and says so.
    const copy = structuredClone(IRAN);
    copy.parties[0].shortName = 'USA';
    const again = importNegotiation(db, analyst, copy, { name: 'Iran nuclear talks, track 2' });
    expect(again.matches.map(describeMatch)).toEqual([
      'United States: matched the existing party (its short name US kept; the file says USA), used in 2 other negotiations',
      'Iran side: matched the existing party, used in 1 other negotiation',
      'Steve Witkoff: matched the existing actor, used in 2 other negotiations',
      'J. D. Vance: matched the existing actor, used in 1 other negotiation',
    ]);
    expect(db.select({ shortName: parties.shortName }).from(parties).where(eq(parties.name, 'United States')).get()).toEqual({ shortName: 'US' });
    expect(db.select().from(actors).all().map((a) => a.name)).toEqual(['Steve Witkoff', 'Marco Rubio', 'J. D. Vance']);

    // A party added here but in no negotiation yet is matched all the same.
    createParty(db, analyst, { name: 'Egypt', shortName: 'EG' });
    const withEgypt = structuredClone(GAZA);
    withEgypt.parties[1] = { ...withEgypt.parties[1], name: 'Egypt', shortName: 'EG', key: 'party:EG' };
    const cairo = importNegotiation(db, analyst, withEgypt, { name: 'Gaza talks in Cairo' });
    expect(cairo.matches.map(describeMatch)).toContain('Egypt: matched the existing party, used in no other negotiation');
  });

  it('keeps two people of one name apart, and matches each to one person already here', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const twins = structuredClone(GAZA);
    twins.actors[1].name = 'Steve Witkoff';
    importNegotiation(db, analyst, twins);
    expect(db.select().from(actors).all()).toHaveLength(2);
    const copy = importNegotiation(db, analyst, twins, { name: 'Gaza, again' });
    expect(copy.matches.filter((m) => m.kind === 'actor')).toHaveLength(2);
    expect(db.select().from(actors).all()).toHaveLength(2);
    expect(exported(db, copy.id).actors).toEqual(twins.actors);
  });

  it('imports a version 1 document unchanged: each actor speaks for their party, under their title, in its negotiation', () => {
    const db = freshDb();
    const result = validateDocument(gazaInVersion1());
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.document.version).toBe(4);
    const { id } = importNegotiation(db, makeUser(db, 'analyst'), result.document);
    const doc = exported(db, id);
    expect(doc.version).toBe(4);
    expect(doc.parties).toEqual(GAZA.parties);
    expect(doc.actors).toEqual(GAZA.actors.map((a) => ({ ...a, affiliations: a.affiliations.map((f) => ({ ...f, from: null, to: null })) })));
    expect({ ...doc, actors: [], $schema: undefined, exportedAt: undefined }).toEqual({ ...GAZA, actors: [] });

    // Its errors are reported where they are in the version 1 file.
    const broken = gazaInVersion1();
    broken.actors[1].party = 'party:NOPE';
    expect(validateDocument(broken)).toEqual({ ok: false, errors: [{ path: '/actors/1/party', message: '"party:NOPE" is not a key of this document.' }] });
    const demo = structuredClone(demoCollection) as NegotiationCollectionV1;
    demo.negotiations[0].actors[10].party = 'party:NOPE';
    expect(validateCollection(demo)).toEqual({ ok: false, errors: [{ path: '/negotiations/0/actors/10/party', message: '"party:NOPE" is not a key of this file.' }] });
  });

  it('reads the version 1 demo collection with each actor where they speak', () => {
    const db = freshDb();
    loadDemoData(db, makeUser(db, 'admin'));
    const arms = exported(db, idOf(db, 'US–Russia strategic stability'));
    // Listed once in the peace talks' document, these five speak in the arms-control talks' updates.
    expect(arms.actors.map((a) => [a.name, a.affiliations.map((f) => f.title)])).toEqual([
      ['Donald Trump', ['President of the United States']],
      ['Vladimir Putin', ['President of Russia']],
      ['Dmitry Peskov', ['Kremlin press secretary']],
      ['Gen. Alexus Grynkewich', ['Commander, US European Command (EUCOM); NATO Supreme Allied Commander Europe (SACEUR)']],
      ['Gen. Valery Gerasimov', ['Chief of the general staff of the Russian armed forces']],
    ]);
    expect(JSON.stringify(arms)).not.toContain('Witkoff');
    const peace = exported(db, idOf(db, 'Russia–Ukraine peace talks (US-mediated)'));
    expect(peace.actors).toHaveLength(11);
  });
});

describe('the interchange validator', () => {
  const errorsOf = (doc: unknown) => {
    const result = validateDocument(doc);
    return result.ok ? [] : result.errors;
  };
  const collectionErrorsOf = (docs: NegotiationDocument[]) => {
    const result = validateCollection({ format: 'negotiation-tracker/collection', version: 4, negotiations: docs });
    return result.ok ? [] : result.errors;
  };
  // Iran's talks without their issue, round and update, whose keys Gaza's document uses too.
  const iranPeople = (): NegotiationDocument => ({ ...structuredClone(IRAN), issues: [], rounds: [], updates: [] });

  it("refuses an affiliation that ends before it starts, and a person listed twice in one document", () => {
    expect(errorsOf(GAZA)).toEqual([]);
    const backwards = structuredClone(GAZA);
    backwards.actors[0].affiliations[0].to = '2025-01-19';
    expect(errorsOf(backwards)).toEqual([{ path: '/actors/0/affiliations/0/to', message: 'Expected a date on or after "from" (2025-01-20).' }]);
    backwards.actors[0].affiliations[0].to = '2025-01-20';
    expect(errorsOf(backwards)).toEqual([]);

    const twice = structuredClone(GAZA);
    twice.actors.push({ ...twice.actors[0], name: 'Someone else' });
    expect(errorsOf(twice)).toEqual([{ path: '/actors/2/key', message: 'Duplicate key "actor:1".' }]);
    expect(errorsOf(null)).not.toEqual([]);
  });

  it('reports every wrong reference at its path, and at most 200 errors, whatever the version', () => {
    const wrong = structuredClone(GAZA);
    wrong.parties.push({ ...wrong.parties[0] }, { ...wrong.parties[1], key: 'party:US-2' });
    wrong.sources.push({ key: 'source:1', outlet: 'FT', title: '', url: null, publishedOn: null, quote: '', reliability: 'B', credibility: 2, cites: 'source:nope' });
    wrong.rounds.push({ ...wrong.rounds[0], key: 'round:2', agenda: ['issue:nope'], delegations: [] });
    expect(errorsOf(wrong)).toEqual([
      { path: '/parties/2/key', message: 'Duplicate key "party:US".' },
      { path: '/parties/2/name', message: 'Duplicate party name.' },
      { path: '/parties/3/name', message: 'Duplicate party name.' },
      { path: '/rounds/1/sequence', message: 'Duplicate round sequence.' },
      { path: '/sources/0/cites', message: '"source:nope" is not a key of this document.' },
      { path: '/rounds/1/agenda/0', message: '"issue:nope" is not a key of this document.' },
    ]);

    const many = structuredClone(GAZA);
    many.updates = Array.from({ length: 201 }, (_, i) => ({ ...GAZA.updates[0], key: `update:${i}`, round: 'round:nope' }));
    const manyV1 = { ...gazaInVersion1(), updates: many.updates };
    expect(errorsOf(many)).toHaveLength(200);
    expect(errorsOf(manyV1)).toHaveLength(200);
    const collection = validateCollection({ ...demoCollection, negotiations: [manyV1] });
    expect(collection.ok ? [] : collection.errors).toHaveLength(200);
    for (const nothing of [undefined, null, 'text']) expect(errorsOf(nothing)).not.toEqual([]);
  });

  it('takes a person or a party listed in several documents of a collection under one key as one, each with what its negotiation says', () => {
    // Both documents use actor:1 for Steve Witkoff and party:US for the United States, with their own titles and descriptions.
    expect(collectionErrorsOf([GAZA, iranPeople()])).toEqual([
      { path: '/negotiations/1/actors/1/key', message: '"actor:2" is listed at /negotiations/0/actors/1 with another name: one key names one person.' },
    ]);
    const vance = iranPeople();
    vance.actors[1].key = 'actor:vance';
    expect(collectionErrorsOf([GAZA, vance])).toEqual([]);
    const otherShortName = structuredClone(vance);
    otherShortName.parties[0].shortName = 'USA';
    expect(collectionErrorsOf([GAZA, otherShortName])).toEqual([
      { path: '/negotiations/1/parties/0/key', message: '"party:US" is listed at /negotiations/0/parties/0 with another name or short name: one key names one party.' },
    ]);
    expect(collectionErrorsOf([GAZA, IRAN]).map((e) => e.path)).toEqual(expect.arrayContaining(['/negotiations/1/issues/0/key']));
  });
});

describe("a negotiation's pages and forms", () => {
  it("offer only the negotiation's own people on the update form, and refuse another's", () => {
    const { db, analyst, gaza, iran } = shared();
    const choices = updateFormChoices(db, wholeInstance(db)).negotiations;
    const people = (id: number) => choices.find((n) => n.id === id)!.actors.map((a) => a.name);
    expect(people(gaza.id)).toEqual(['Marco Rubio', 'Steve Witkoff']);
    expect(people(iran.id)).toEqual(['J. D. Vance', 'Steve Witkoff']);

    const vance = db.select({ id: actors.id }).from(actors).where(eq(actors.name, 'J. D. Vance')).get()!.id;
    const input = UpdateSchema.parse({ negotiationId: String(gaza.id), body: 'Vance in Cairo', occurredOn: '2026-01-12', actorIds: String(vance) });
    const before = db.select().from(updates).all().length;
    expect(() => logUpdate(db, analyst, input)).toThrow(InvalidInputError);
    expect(db.select().from(updates).all()).toHaveLength(before);
  });

  it("show an update's people with their title in its negotiation", () => {
    const { db, iran } = shared();
    const updateId = db.select({ id: updates.id }).from(updates).where(eq(updates.negotiationId, iran.id)).get()!.id;
    expect(getUpdateDetail(db, wholeInstance(db), updateId)!.actors).toEqual([
      expect.objectContaining({ name: 'Steve Witkoff', title: 'Special envoy for peace missions; leads the US side in Muscat' }),
    ]);
  });

  it("summarise a round without another negotiation's description or people", () => {
    const { db, gaza } = shared();
    const roundId = db.select({ id: rounds.id }).from(rounds).where(eq(rounds.negotiationId, gaza.id)).get()!.id;
    const markdown = renderMarkdown(roundSummary(db, wholeInstance(db), roundId, '2026-02-01')!);
    expect(markdown).toContain('Steve Witkoff');
    for (const other of ['J. D. Vance', 'Muscat', IRAN.parties[0].description]) expect(markdown).not.toContain(other);
  });

  it("change what one negotiation says of a party on its seat, and nothing another says", () => {
    const { db, analyst, gaza, iran } = shared();
    const us = partyId(db, 'United States');
    seatParty(db, analyst, { version: null, negotiationId: gaza.id, partyId: us, role: 'guarantor', description: 'Guarantor of the second phase.', note: '' });
    expect(partyInNegotiations(db, wholeInstance(db), us).map((p) => [p.negotiationName, p.role, p.description])).toEqual([
      ['Gaza ceasefire talks', 'guarantor', 'Guarantor of the second phase.'],
      ['Iran nuclear talks', 'mediator', IRAN.parties[0].description],
    ]);
    expect(exported(db, iran.id).parties).toEqual(IRAN.parties);
  });

  it('add a person to a party in a negotiation, reusing someone of that name', () => {
    const { db, analyst, gaza, iran } = shared();
    const us = partyId(db, 'United States');
    const added = addActor(db, analyst, { name: 'J. D. Vance', negotiationId: gaza.id, partyId: us, title: 'Vice President, in Cairo', startsOn: '2026-01-12', endsOn: null });
    expect(added.matched).toEqual({ otherNegotiations: 1 });
    expect(db.select().from(actors).all()).toHaveLength(3);
    expect(exported(db, gaza.id).actors.find((a) => a.name === 'J. D. Vance')!.affiliations).toEqual([
      { party: 'party:US', title: 'Vice President, in Cairo', from: '2026-01-12', to: null },
    ]);
    expect(exported(db, iran.id).actors).toEqual(IRAN.actors);

    const fresh = addActor(db, analyst, { name: 'Ahmed Aboul Gheit', negotiationId: gaza.id, partyId: us, title: '', startsOn: null, endsOn: null });
    expect(fresh.matched).toBeNull();
    expect(db.select().from(affiliations).where(eq(affiliations.actorId, fresh.actorId)).all()).toHaveLength(1);
  });
});
