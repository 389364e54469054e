import { describe, expect, it } from 'vitest';
import { freshDb, makeUser } from './factories';
import { cancelledRoundTalks } from './fixtures/cancelled-round-talks';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { listIssuesOf, listRoundsOf } from '@/db/queries/negotiations';
import { validateCollection, validateDocument } from '@/lib/interchange/validate';
import { wholeInstance } from '@/db/queries/access';

// A document as a new analyst writes one by hand (lib/interchange/): what they may leave out, and
// the messages they get, one a field, references and shape in the same pass.

const minimal = () => ({
  format: 'negotiation-tracker/negotiation',
  version: 2,
  negotiation: { name: 'Written by hand' },
  parties: [{ key: 'party:IR', name: 'Iran', shortName: 'IR' }],
  issues: [{ key: 'issue:1', title: 'Enrichment', status: 'under_discussion' }],
  rounds: [{ key: 'round:1', sequence: 1, name: 'Muscat', status: 'held', startsOn: '2025-04-12' }],
  updates: [{ key: 'update:1', occurredOn: '2025-04-12', body: 'Talks opened.', issues: ['issue:1'] }],
  positions: [{ key: 'position:1', issue: 'issue:1', party: 'party:IR', summary: 'Keeps enriching.', stance: 'opposes', asOf: '2025-04-12' }],
  homework: [{ title: 'A written text' }],
});

const errorsOf = (value: unknown) => {
  const result = validateDocument(value);
  return result.ok ? [] : result.errors;
};

describe('what a document may leave out', () => {
  it('takes a document with only what matters, and fills in the rest as an analyst would expect', () => {
    const result = validateDocument(minimal());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const doc = result.document;
    expect(doc.negotiation.description).toBe('');
    expect(doc.parties[0]).toMatchObject({ description: '', role: 'party', note: '' });
    expect(doc.issues[0]).toMatchObject({ priority: 'medium', keyDate: null, keyDateLabel: '', description: '', sortOrder: 0 });
    expect(doc.rounds[0]).toMatchObject({ format: 'direct', venue: '', endsOn: null, approxDate: '', agenda: [], delegations: [], outcomes: [], summary: '' });
    expect(doc.updates[0]).toMatchObject({ occurredTime: null, round: null, parties: [], actors: [], sources: [] });
    expect(doc.positions[0]).toMatchObject({ flexibility: 'unknown', redLines: '', source: null, round: null, update: null, supersedes: null, isCurrent: true });
    expect(doc.homework[0]).toMatchObject({ status: 'open', owners: [], vague: false, issue: null, dueRound: null, dueOn: null, resolution: '' });
    expect([doc.actors, doc.sources, doc.statusChanges, doc.corroborations, doc.convergence]).toEqual([[], [], [], [], []]);
  });

  it('imports it', () => {
    const db = freshDb();
    const result = validateDocument(minimal());
    const id = importNegotiation(db, makeUser(db), result.ok ? result.document : cancelledRoundTalks()).id;
    expect(listIssuesOf(db, wholeInstance(db), id).map((i) => [i.title, i.priority])).toEqual([['Enrichment', 'medium']]);
    expect(listRoundsOf(db, wholeInstance(db), id).map((r) => [r.name, r.format])).toEqual([['Muscat', 'direct']]);
  });

  it('rates a source nobody graded as the Admiralty scale does: cannot be judged', () => {
    const result = validateDocument({ ...minimal(), sources: [{ key: 'source:1', outlet: 'Reuters' }] });
    expect(result.ok && result.document.sources[0]).toMatchObject({ reliability: 'F', credibility: 6, url: null, publishedOn: null, cites: null, quote: '', title: '' });
  });
});

describe('one message a bad field', () => {
  it('says once what is wrong with a date', () => {
    const bad = (asOf: string) => errorsOf({ ...minimal(), positions: [{ ...minimal().positions[0], asOf }] });
    expect(bad('12 April 2025')).toEqual([{ path: '/positions/0/asOf', message: 'Expected a date as YYYY-MM-DD.' }]);
    expect(bad('2025-02-30')).toEqual([{ path: '/positions/0/asOf', message: 'Expected a real calendar date.' }]);
  });

  it('says a required field is missing, in words', () => {
    const { title: _, ...untitled } = minimal().issues[0];
    expect(errorsOf({ ...minimal(), issues: [untitled] })).toEqual([{ path: '/issues/0/title', message: 'Required: this field is missing.' }]);
    const { negotiation: __, ...nameless } = minimal();
    expect(errorsOf(nameless)).toEqual([{ path: '/negotiation', message: 'Required: this field is missing.' }]);
  });

  it('says what was expected instead of what was found', () => {
    expect(errorsOf({ ...minimal(), issues: [{ ...minimal().issues[0], title: 7 }] })).toEqual([{ path: '/issues/0/title', message: 'Expected text, not a number.' }]);
    expect(errorsOf({ ...minimal(), rounds: [{ ...minimal().rounds[0], sequence: '1' }] })).toEqual([{ path: '/rounds/0/sequence', message: 'Expected a number, not text.' }]);
    expect(errorsOf({ ...minimal(), updates: {} })).toEqual([{ path: '/updates', message: 'Expected a list, not an object.' }]);
    expect(errorsOf({ ...minimal(), homework: [{ title: 'x', vague: 'yes' }] })).toEqual([{ path: '/homework/0/vague', message: 'Expected true or false, not text.' }]);
    expect(errorsOf({ ...minimal(), issues: [{ ...minimal().issues[0], status: 'solved' }] })).toEqual([
      { path: '/issues/0/status', message: expect.stringMatching(/^Expected one of "proposed", "under_discussion", .*"dropped"\.$/) },
    ]);
    expect(errorsOf({ ...minimal(), version: 5 })).toEqual([{ path: '/version', message: 'Expected 4.' }]);
    expect(errorsOf({ ...minimal(), issues: [{ ...minimal().issues[0], titel: 'x' }] })).toEqual([
      { path: '/issues/0', message: 'Not part of the format: "titel". Check the spelling, or remove it.' },
    ]);
  });
});

describe('references and shape in one pass', () => {
  it('lists a reference to nothing beside a field of the wrong shape', () => {
    const doc = { ...minimal(), positions: [{ ...minimal().positions[0], party: 'party:XX', asOf: 'soon' }] };
    expect(errorsOf(doc)).toEqual([
      { path: '/positions/0/asOf', message: 'Expected a date as YYYY-MM-DD.' },
      { path: '/positions/0/party', message: '"party:XX" is not a key of this document.' },
    ]);
  });

  it('checks the references of every record, wrong-shaped ones included, and counts a wrong-shaped record’s key as listed', () => {
    const doc = {
      ...minimal(),
      // Its date is wrong, but it is round:2 all the same: the update citing it is fine.
      rounds: [...minimal().rounds, { key: 'round:2', sequence: 2, name: 'Rome', status: 'held', startsOn: 'May' }],
      updates: [{ ...minimal().updates[0], round: 'round:2' }, { key: 'update:2', occurredOn: 'June', body: 'x', issues: ['issue:9'] }],
    };
    expect(errorsOf(doc)).toEqual([
      { path: '/rounds/1/startsOn', message: 'Expected a date as YYYY-MM-DD.' },
      { path: '/updates/1/occurredOn', message: 'Expected a date as YYYY-MM-DD.' },
      { path: '/updates/1/issues/0', message: '"issue:9" is not a key of this document.' },
    ]);
  });

  it('says nothing more of a field whose shape is already wrong, and checks the readable items of a list that is not', () => {
    const doc = { ...minimal(), updates: [{ ...minimal().updates[0], issues: 'issue:1' }], homework: [{ title: 'x', owners: ['party:XX', 5, 'party:IR'] }] };
    expect(errorsOf(doc)).toEqual([
      { path: '/updates/0/issues', message: 'Expected a list, not text.' },
      { path: '/homework/0/owners/1', message: 'Expected text, not a number.' },
      { path: '/homework/0/owners/0', message: '"party:XX" is not a key of this document.' },
    ]);
  });

  it('reads past a record that is not even an object', () => {
    const doc = { ...minimal(), issues: [null, ...minimal().issues, 'issue:2'], rounds: 'none' };
    expect(errorsOf(doc)).toEqual([
      { path: '/issues/0', message: 'Expected an object, not null.' },
      { path: '/issues/2', message: 'Expected an object, not text.' },
      { path: '/rounds', message: 'Expected a list, not text.' },
    ]);
    expect(errorsOf(7)).toEqual([{ path: '/', message: 'Expected an object, not a number.' }]);
  });

  it('does the same in a collection, and in a version 1 document', () => {
    const doc = { ...minimal(), positions: [{ ...minimal().positions[0], party: 'party:XX', asOf: 'soon' }] };
    const spoken = { ...doc, actors: [{ key: 'actor:1', name: 'Araghchi', affiliations: [{ party: 'party:YY', title: 'Foreign minister' }] }] };
    const collection = validateCollection({ format: 'negotiation-tracker/collection', version: 2, negotiations: [spoken] });
    expect(collection.ok ? [] : collection.errors.map((e) => e.path)).toEqual([
      '/negotiations/0/positions/0/asOf',
      '/negotiations/0/actors/0/affiliations/0/party',
      '/negotiations/0/positions/0/party',
    ]);
    expect(validateCollection({ format: 'negotiation-tracker/collection', version: 2, negotiations: 'none' })).toEqual({
      ok: false,
      errors: [{ path: '/negotiations', message: 'Expected a list, not text.' }],
    });
    const v1 = { ...doc, version: 1, actors: [{ key: 'actor:1', name: 'Araghchi', title: 7, party: 'party:XX' }] };
    expect(errorsOf(v1)).toEqual([
      { path: '/actors/0/title', message: 'Expected text, not a number.' },
      { path: '/positions/0/asOf', message: 'Expected a date as YYYY-MM-DD.' },
      { path: '/actors/0/party', message: '"party:XX" is not a key of this document.' },
      { path: '/positions/0/party', message: '"party:XX" is not a key of this document.' },
    ]);
  });
});
