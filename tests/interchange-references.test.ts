import { describe, expect, it } from 'vitest';
import demoCollection from '@/db/demo/negotiations.json';
import { pointer, validateCollection, validateDocument } from '@/lib/interchange/validate';
import { CSV_IMPORT_LIMIT, JSON_IMPORT_LIMIT, formatBytes, jsonErrorOffset, jsonSyntaxMessage, parseDocumentText, tooLargeMessage } from '@/lib/interchange/parse';
import type { NegotiationCollectionV1 as NegotiationCollection, NegotiationDocumentV1 as NegotiationDocument } from '@/lib/interchange/schema-v1';
// The demo is a version 1 collection: its actors still carry one party each.

// What an imported document must hold beyond its shape (lib/interchange/validate.ts): every reference
// resolves, every key is listed once, positions form one chain. Each refusal names the field to fix.
// The demo collection is a version-1 document (one party and title per actor), read as version 2.

/** The demo's peace talks without what they cite of the arms-control talks (the mil-to-mil issue, two of its updates): a document on its own. */
const peaceTalks = (() => {
  const doc = structuredClone(demoCollection.negotiations[0]) as unknown as NegotiationDocument;
  const elsewhere = new Set(['issue:mil-mil', 'update:19', 'update:20']);
  for (const r of doc.rounds) {
    r.agenda = r.agenda.filter((k) => !elsewhere.has(k));
    for (const o of r.outcomes) if (o.issue && elsewhere.has(o.issue)) o.issue = null;
  }
  doc.corroborations = doc.corroborations.filter((c) => !c.updates.some((u) => elsewhere.has(u)));
  return doc;
})();

function errorsOf(change: (d: NegotiationDocument) => void) {
  const doc = structuredClone(peaceTalks);
  change(doc);
  const result = validateDocument(doc);
  return result.ok ? [] : result.errors;
}

describe('references inside an imported negotiation', () => {
  it('takes the demo document as it is', () => {
    expect(errorsOf(() => {})).toEqual([]);
    const result = validateDocument(structuredClone(peaceTalks));
    expect(result.ok && result.document.issues.map((i) => i.key)).toEqual(peaceTalks.issues.map((i) => i.key));
  });

  const cases: [string, string, (d: NegotiationDocument) => void][] = [
    ['an actor of a party not listed', '/actors/0/party', (d) => (d.actors[0].party = 'party:X')],
    ['a source citing a source not listed', '/sources/0/cites', (d) => (d.sources[0].cites = 'source:X')],
    ['a round whose agenda names an issue not listed', '/rounds/1/agenda/2', (d) => (d.rounds[1].agenda[2] = 'issue:X')],
    ['a delegation of a party not listed', '/rounds/0/delegations/0/party', (d) => (d.rounds[0].delegations[0].party = 'party:X')],
    ['an outcome on an issue not listed', '/rounds/2/outcomes/1/issue', (d) => (d.rounds[2].outcomes[1].issue = 'issue:X')],
    ['an outcome citing a source not listed', '/rounds/2/outcomes/1/source', (d) => (d.rounds[2].outcomes[1].source = 'source:X')],
    ['an update at a round not listed', '/updates/2/round', (d) => (d.updates[2].round = 'round:X')],
    ['an update on an issue not listed', '/updates/2/issues/1', (d) => (d.updates[2].issues[1] = 'issue:X')],
    ['an update on a party not listed', '/updates/1/parties/1', (d) => (d.updates[1].parties[1] = 'party:X')],
    ['an update quoting an actor not listed', '/updates/2/actors/1', (d) => (d.updates[2].actors[1] = 'actor:X')],
    ['an update citing a source not listed', '/updates/2/sources/0', (d) => (d.updates[2].sources[0] = 'source:X')],
    ['a position on an issue not listed', '/positions/0/issue', (d) => (d.positions[0].issue = 'issue:X')],
    ['a position of a party not listed', '/positions/0/party', (d) => (d.positions[0].party = 'party:X')],
    ['a position citing a source not listed', '/positions/1/source', (d) => (d.positions[1].source = 'source:X')],
    ['a position at a round not listed', '/positions/1/round', (d) => (d.positions[1].round = 'round:X')],
    ['a position from an update not listed', '/positions/1/update', (d) => (d.positions[1].update = 'update:X')],
    ['a position superseding one not listed', '/positions/2/supersedes', (d) => (d.positions[2].supersedes = 'position:X')],
    ['a status change of an issue not listed', '/statusChanges/1/issue', (d) => (d.statusChanges[1].issue = 'issue:X')],
    ['a status change at a round not listed', '/statusChanges/1/round', (d) => (d.statusChanges[1].round = 'round:X')],
    ['a status change from an update not listed', '/statusChanges/1/update', (d) => (d.statusChanges[1].update = 'update:X')],
    ['a status change citing a source not listed', '/statusChanges/1/source', (d) => (d.statusChanges[1].source = 'source:X')],
    ['homework on an issue not listed', '/homework/1/issue', (d) => (d.homework[1].issue = 'issue:X')],
    ['homework assigned at a round not listed', '/homework/1/assignedRound', (d) => (d.homework[1].assignedRound = 'round:X')],
    ['homework due at a round not listed', '/homework/1/dueRound', (d) => (d.homework[1].dueRound = 'round:X')],
    ['homework owned by a party not listed', '/homework/0/owners/2', (d) => (d.homework[0].owners[2] = 'party:X')],
    ['a corroboration of an update not listed', '/corroborations/0/updates/1', (d) => (d.corroborations[0].updates[1] = 'update:X')],
    ['a convergence judgement on an issue not listed', '/convergence/0/issue', (d) => (d.convergence[0].issue = 'issue:X')],
    ['a convergence judgement at a round not listed', '/convergence/0/round', (d) => (d.convergence[0].round = 'round:X')],
  ];
  for (const [what, path, change] of cases) {
    it(`refuses ${what}, at ${path}`, () => {
      expect(errorsOf(change)).toEqual([{ path, message: expect.stringMatching(/^"\w+:X" is not a key of this document\.$/) }]);
    });
  }

  it('takes a reference left empty as no reference', () => {
    expect(
      errorsOf((d) => {
        d.sources[0].cites = null;
        d.positions[0].source = null;
        d.positions[0].round = null;
        d.positions[0].update = null;
        d.homework[1].issue = null;
      }),
    ).toEqual([]);
  });
});

describe('keys and names listed once', () => {
  const duplicate = (list: 'actors' | 'sources' | 'issues' | 'rounds' | 'updates' | 'positions', i: number, j: number) =>
    errorsOf((d) => ((d[list][j] as { key: string }).key = (d[list][i] as { key: string }).key));

  it('refuses a key listed twice, at the second listing', () => {
    expect(duplicate('actors', 0, 1)[0]).toEqual({ path: '/actors/1/key', message: `Duplicate key "${peaceTalks.actors[0].key}".` });
    expect(duplicate('sources', 0, 3)).toEqual(expect.arrayContaining([{ path: '/sources/3/key', message: `Duplicate key "${peaceTalks.sources[0].key}".` }]));
    expect(duplicate('issues', 0, 2)[0]).toEqual({ path: '/issues/2/key', message: `Duplicate key "${peaceTalks.issues[0].key}".` });
    expect(duplicate('rounds', 0, 1)[0]).toEqual({ path: '/rounds/1/key', message: `Duplicate key "${peaceTalks.rounds[0].key}".` });
    expect(duplicate('updates', 0, 1)[0]).toEqual({ path: '/updates/1/key', message: `Duplicate key "${peaceTalks.updates[0].key}".` });
    expect(duplicate('positions', 0, 1)[0]).toEqual({ path: '/positions/1/key', message: `Duplicate key "${peaceTalks.positions[0].key}".` });
  });

  it('refuses a party key listed twice in one document', () => {
    expect(errorsOf((d) => (d.parties[1].key = d.parties[0].key))[0]).toEqual({ path: '/parties/1/key', message: 'Duplicate key "party:US".' });
  });

  // Two parties of one name in one document are one duplicate name, not a second key for a party.
  it('refuses a party, a round sequence, a delegation, an agenda item, a link, an owner or an update listed twice', () => {
    expect(errorsOf((d) => (d.parties[1].name = d.parties[0].name))).toEqual([{ path: '/parties/1/name', message: 'Duplicate party name.' }]);
    expect(errorsOf((d) => (d.rounds[1].sequence = d.rounds[0].sequence))).toEqual([{ path: '/rounds/1/sequence', message: 'Duplicate round sequence.' }]);
    expect(errorsOf((d) => d.rounds[2].delegations.push({ ...d.rounds[2].delegations[0] }))).toEqual([
      { path: `/rounds/2/delegations/${peaceTalks.rounds[2].delegations.length}/party`, message: 'Duplicate delegation.' },
    ]);
    expect(errorsOf((d) => (d.rounds[1].agenda[1] = d.rounds[1].agenda[0]))).toEqual([{ path: '/rounds/1/agenda/1', message: 'Duplicate agenda item.' }]);
    for (const list of ['issues', 'parties', 'actors', 'sources'] as const) {
      const at = peaceTalks.updates[2][list].length;
      expect(errorsOf((d) => d.updates[2][list].push(d.updates[2][list][0])), list).toEqual([{ path: `/updates/2/${list}/${at}`, message: 'Duplicate link.' }]);
    }
    expect(errorsOf((d) => (d.homework[0].owners[1] = d.homework[0].owners[0]))).toEqual([{ path: '/homework/0/owners/1', message: 'Duplicate owner.' }]);
    expect(errorsOf((d) => (d.corroborations[0].updates[1] = d.corroborations[0].updates[0]))).toEqual([
      { path: '/corroborations/0/updates/1', message: 'Duplicate update.' },
    ]);
  });

  it('takes a round with a delegation from each of several parties', () => {
    expect(
      errorsOf((d) => d.rounds[2].delegations.push({ party: 'party:RU', head: 'Kirill Dmitriev' }, { party: 'party:UA', head: 'Rustem Umerov' })),
    ).toEqual([]);
  });

  it('refuses two convergence judgements of one issue at one round', () => {
    const [first] = peaceTalks.convergence;
    const other = peaceTalks.convergence.findIndex((c) => c.issue !== first.issue || c.round !== first.round);
    expect(
      errorsOf((d) => {
        d.convergence[other].issue = first.issue;
        d.convergence[other].round = first.round;
      }),
    ).toEqual([{ path: `/convergence/${other}`, message: 'Duplicate assessment of an issue at a round.' }]);
  });

  it('lists at most 200 errors, of references or of shape, in a document or a collection', () => {
    const errors = errorsOf((d) => {
      for (let i = 0; i < 250; i++) d.actors.push({ ...d.actors[0], key: `actor:extra-${i}`, party: 'party:X' });
    });
    expect(errors).toHaveLength(200);
    expect(errors[199]).toEqual({ path: `/actors/${peaceTalks.actors.length + 199}/party`, message: '"party:X" is not a key of this document.' });
    const shape = errorsOf((d) => {
      for (let i = 0; i < 250; i++) d.actors.push({ ...d.actors[0], key: 'not a key' });
    });
    expect(shape).toHaveLength(200);
    const collection = structuredClone(demoCollection) as unknown as NegotiationCollection;
    for (let i = 0; i < 250; i++) collection.negotiations[1].actors.push({ ...peaceTalks.actors[0], key: `actor:extra-${i}`, party: 'party:X' });
    const result = validateCollection(collection);
    expect(!result.ok && result.errors.length).toBe(200);
    const upgraded = validateCollection(structuredClone(demoCollection));
    if (!upgraded.ok) throw new Error('the demo collection is refused');
    const version2 = upgraded.collection;
    const [someone] = version2.negotiations[1].actors;
    for (let i = 0; i < 250; i++) version2.negotiations[1].actors.push({ ...someone, key: `actor:extra-${i}`, affiliations: [{ party: 'party:X', title: '', from: null, to: null }] });
    const inVersion2 = validateCollection(version2);
    expect(!inVersion2.ok && inVersion2.errors.length).toBe(200);
  });
});

describe('a party’s positions on an issue, as one chain', () => {
  it('refuses a first position that supersedes another of its chain', () => {
    const chain = peaceTalks.positions.map((p, i) => ({ p, i }));
    const [{ i: a }] = chain;
    const b = chain.find(({ p }) => p.issue !== peaceTalks.positions[a].issue || p.party !== peaceTalks.positions[a].party)!.i;
    const bKey = peaceTalks.positions[b].key;
    const pair = `${peaceTalks.positions[a].party} on ${peaceTalks.positions[a].issue}`;
    expect(errorsOf((d) => (d.positions[a].supersedes = bKey))).toEqual([
      { path: `/positions/${a}/supersedes`, message: `Expected null: this is the first position of ${pair} listed, so it supersedes none.` },
    ]);
  });

  it('leaves a supersedes key that names nothing to the reference check, and a position of an unknown party out of the chains', () => {
    expect(errorsOf((d) => (d.positions[0].supersedes = 'position:X'))).toEqual([
      { path: '/positions/0/supersedes', message: '"position:X" is not a key of this document.' },
    ]);
    expect(errorsOf((d) => (d.positions[0].issue = 'issue:X'))).toEqual([{ path: '/positions/0/issue', message: '"issue:X" is not a key of this document.' }]);
  });
});

describe('a collection of negotiations', () => {
  const collectionErrors = (change: (c: NegotiationCollection) => void) => {
    const copy = structuredClone(demoCollection) as unknown as NegotiationCollection;
    change(copy);
    const result = validateCollection(copy);
    return result.ok ? [] : result.errors;
  };

  it('refuses a party listed twice within one of its documents, and takes one listed in two documents', () => {
    expect(collectionErrors(() => {})).toEqual([]);
    expect(collectionErrors((c) => (c.negotiations[1].parties[1].key = c.negotiations[1].parties[0].key))[0]).toEqual({
      path: '/negotiations/1/parties/1/key',
      message: 'Duplicate key "party:US".',
    });
  });

  it('refuses one party listed under two keys by two documents', () => {
    expect(collectionErrors((c) => (c.negotiations[1].parties[0].key = 'party:USA'))).toEqual(
      expect.arrayContaining([{ path: '/negotiations/1/parties/0/key', message: '"United States" is listed at /negotiations/0/parties/0 as "party:US": one party has one key.' }]),
    );
  });

  it('refuses a listing of a shared party with another short name, and takes another description (each negotiation says its own)', () => {
    const other = (change: (p: NegotiationCollection['negotiations'][number]['parties'][number]) => void) =>
      collectionErrors((c) => change(c.negotiations[1].parties[0]));
    const message = '"party:US" is listed at /negotiations/0/parties/0 with another name or short name: one key names one party.';
    expect(other((p) => (p.shortName = 'USA'))).toEqual([{ path: '/negotiations/1/parties/0/key', message }]);
    expect(other((p) => (p.description = 'Another'))).toEqual([]);
  });

  it('refuses what does not have the shape of a collection, with the path of each error', () => {
    const result = validateCollection({ format: 'negotiation-tracker/collection', version: 1, negotiations: [{}] });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.every((e) => e.path.startsWith('/negotiations/0'))).toBe(true);
  });
});

describe('reading an uploaded document', () => {
  it('names where a JSON error is, by line and column as an editor shows them', () => {
    const result = parseDocumentText('{ "format": ');
    expect(!result.ok && result.errors).toEqual([
      { path: '/', message: 'Not valid JSON: the file ends too soon, at line 1, column 13; something is missing before the end.' },
    ]);
    const message = (text: string) => {
      const r = parseDocumentText(text);
      return r.ok ? null : r.errors[0].message;
    };
    expect(message('{\n  "format": "x",\n  "version" 2\n}')).toBe('Not valid JSON at line 3, column 13: "2" cannot come there.');
    expect(message('{\r\n  "a": [1, 2,]\r\n}')).toBe('Not valid JSON at line 2, column 14: "]" cannot come there.');
    expect(message('{"a": "two\nlines"}')).toBe('Not valid JSON at line 1, column 11: "\\n" cannot come there.');
    expect(message('')).toBe('Not valid JSON: the file ends too soon, at line 1, column 1; something is missing before the end.');
  });

  it('reads JSON as JSON.parse does, to say where it stops', () => {
    const valid = ['{}', '[]', ' [1, -2.5e+3, "a\\"\\u00e9", true, false, null, {"b": [{}]}] ', '"x"', '0', '[1.25, 2e10, -3E+12, 4e-7]', '{"a b": "c d", "e": 1}', '\t{\r\n"a":\t1 }'];
    for (const text of valid) expect([text, jsonErrorOffset(text)]).toEqual([text, -1]);
    const invalid: [string, number][] = [
      ['{"a":}', 5],
      ['{"a":1,}', 7],
      ['[1 2]', 3],
      ['{"a" "b"}', 5],
      ['{,}', 1],
      ['{"a":1}}', 7],
      ['{"a":-01}', 7],
      ['{"a":tru}', 5],
      ['{"a":"\\q"}', 6],
      ['{"a":"x\ny"}', 7],
      ['{1:2}', 1],
      ['[[[[', 4],
      ['{"a"', 4],
      ['"open', 5],
      ['  {} x', 5],
      ['["\\u12"]', 2],
      ['{\r\n\t"a": 1,\r\n}', 13],
    ];
    for (const [text, offset] of invalid) {
      expect(() => JSON.parse(text)).toThrow();
      expect([text, jsonErrorOffset(text)]).toEqual([text, offset]);
    }
    // Nested deeper than any recursion could go.
    expect(jsonErrorOffset('['.repeat(200_000))).toBe(200_000);
    expect(jsonSyntaxMessage('[1]')).toBe('Not valid JSON.');
  });

  it('names each field of the wrong shape by its JSON Pointer', () => {
    const result = parseDocumentText(JSON.stringify({ ...peaceTalks, issues: peaceTalks.issues.map((i, n) => (n === 0 ? { ...i, status: 'solved' } : i)) }));
    expect(!result.ok && result.errors.map((e) => e.path)).toEqual(['/issues/0/status']);
    // Keep only that issue, and every reference to the others is named in the same pass.
    const alone = parseDocumentText(JSON.stringify({ ...peaceTalks, issues: [{ ...peaceTalks.issues[0], status: 'solved' }] }));
    expect(!alone.ok && alone.errors[0].path).toBe('/issues/0/status');
    expect(!alone.ok && alone.errors.slice(1).every((e) => / is not a key of this document\.$/.test(e.message))).toBe(true);
    expect(parseDocumentText(JSON.stringify(peaceTalks)).ok).toBe(true);
  });

  it('writes a path as a JSON Pointer, escaping ~ and /', () => {
    expect(pointer(['issues', 0, 'status'])).toBe('/issues/0/status');
    expect(pointer(['a/b', 'c~d'])).toBe('/a~1b/c~0d');
    expect(pointer(['a//b~~'])).toBe('/a~1~1b~0~0');
    expect(pointer([])).toBe('/');
  });

  it('states the upload limits in kilobytes and megabytes', () => {
    expect(formatBytes(JSON_IMPORT_LIMIT)).toBe('10 MB');
    expect(formatBytes(CSV_IMPORT_LIMIT)).toBe('2 MB');
    expect(formatBytes(1.5 * 1024 * 1024)).toBe('1.5 MB');
    expect(formatBytes(1024 * 1024 - 1)).toBe('1024 KB');
    expect(formatBytes(1025)).toBe('2 KB');
    expect(formatBytes(1024)).toBe('1 KB');
    expect(tooLargeMessage(12 * 1024 * 1024, JSON_IMPORT_LIMIT, 'file')).toBe('The file is 12 MB; the limit is 10 MB. Split it or remove what is not needed.');
  });
});
