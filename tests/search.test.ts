import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { search } from '@/db/queries/search';
import { loadDemoData } from '@/db/demo/load';
import { recordPosition } from '@/db/mutations/positions';
import { updateIssue } from '@/db/mutations/issues';
import { issues, positions, updates } from '@/db/schema';
import { MARK_END, MARK_START, toFtsQuery } from '@/lib/search-query';
import { insertUpdate } from './demo-records';
import { wholeInstance } from '@/db/queries/access';

function demo() {
  const db = freshDb();
  const admin = makeUser(db, 'admin');
  loadDemoData(db, admin);
  return { db, admin };
}

describe('search', () => {
  it('finds the seeded quotes across negotiations, with the words marked', () => {
    const { db } = demo();
    const hits = search(db, wholeInstance(db), 'nonsense');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.some((h) => h.kind === 'update')).toBe(true);
    expect(hits.every((h) => (h.title + h.snippet).toLowerCase().includes('\uE000nonsense\uE001'))).toBe(true);
    const kinds = new Set(search(db, wholeInstance(db), 'START').map((h) => h.kind));
    expect(kinds.has('issue')).toBe(true);
  });

  it('filters by negotiation, kind and source reliability', () => {
    const { db } = demo();
    const negotiationId = db.select().from(issues).where(eq(issues.title, 'New START extension')).get()!.negotiationId;
    const all = search(db, wholeInstance(db), 'prisoners');
    const inStart = search(db, wholeInstance(db), 'prisoners', { negotiationId });
    expect(all.length).toBeGreaterThan(0);
    expect(inStart.every((h) => h.negotiationId === negotiationId)).toBe(true);
    expect(search(db, wholeInstance(db), 'prisoners', { kind: 'update' }).every((h) => h.kind === 'update')).toBe(true);
    expect(search(db, wholeInstance(db), 'Lavrov', { kind: 'update', reliability: 'A' })).toEqual([]);
  });

  it('stays in step with edits and deletes', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { issueId, partyA } = makeNegotiation(db, analyst);
    const first = recordPosition(db, analyst, position(issueId, partyA, null, 'Demands a plebiscite'));
    expect(search(db, wholeInstance(db), 'plebiscite').map((h) => h.id)).toEqual([first]);
    recordPosition(db, analyst, position(issueId, partyA, first, 'Accepts arbitration'));
    // Both versions stay searchable: the history is part of the record.
    expect(search(db, wholeInstance(db), 'plebiscite')).toHaveLength(1);
    expect(search(db, wholeInstance(db), 'arbitration')).toHaveLength(1);

    updateIssue(db, analyst, issueId, 1, { title: 'Borders', description: 'Where the line runs', priority: 'high', keyDate: null, keyDateLabel: '' });
    expect(search(db, wholeInstance(db), 'Territory')).toEqual([]);
    expect(search(db, wholeInstance(db), 'Borders').map((h) => h.kind)).toEqual(['issue']);

    db.delete(positions).where(eq(positions.issueId, issueId)).run();
    db.delete(issues).where(eq(issues.id, issueId)).run();
    expect(search(db, wholeInstance(db), 'arbitration')).toEqual([]);
    expect(search(db, wholeInstance(db), 'Borders')).toEqual([]);
  });

  it('answers Cyrillic and operator-laden input with results or nothing, never an error', () => {
    const { db, admin } = demo();
    const negotiationId = db.select().from(issues).get()!.negotiationId;
    db.insert(updates).values({ negotiationId, body: 'Лавров назвал гарантии «чепухой»', occurredOn: '2026-02-05', authorId: admin.id }).run();
    expect(search(db, wholeInstance(db), 'лавров').length).toBe(1);
    expect(search(db, wholeInstance(db), 'ГАРАНТИИ').length).toBe(1);
    // Nothing to search for: no results, and no error.
    for (const nothing of ['"', '""', '*', '(((', '\u202e\u0000', '🙂']) expect(search(db, wholeInstance(db), nothing)).toEqual([]);
    // Operators and quotes are read as the words they contain, nothing more.
    const asWords: [string, string][] = [
      ['AND OR NOT', 'and or not'],
      ['NEAR(a b)', 'near a b'],
      ['title:x', 'title x'],
      ["'; DROP TABLE updates; --", 'drop table updates'],
      ['^prisoners', 'prisoners'],
      ['x'.repeat(5000), 'x'.repeat(500)],
    ];
    for (const [nasty, words] of asWords) expect(search(db, wholeInstance(db), nasty)).toEqual(search(db, wholeInstance(db), words));
    expect(search(db, wholeInstance(db), '^prisoners').length).toBeGreaterThan(0);
    expect(search(db, wholeInstance(db), 'лавров').length).toBe(1);
    expect(search(db, wholeInstance(db), 'prisoners OR').length).toBe(0);
    expect(search(db, wholeInstance(db), '"prisoners"').length).toBeGreaterThan(0);
  });

  it('quotes every word and makes the last a prefix', () => {
    expect(toFtsQuery('New START')).toBe('"New" "START"*');
    expect(toFtsQuery('  ')).toBeNull();
    expect(toFtsQuery('a"b')).toBe('"a" "b"*');
  });
});

describe('search results as a reader sees them', () => {
  it('show the words of a Markdown body, never its markup', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { negotiationId } = makeNegotiation(db, analyst);
    insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-02-05', body: 'Round 4 in **Muscat**, per [FT](https://ft.com/a): ~~no~~ talks' });
    const [hit] = search(db, wholeInstance(db), 'Muscat');
    expect(hit.snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, '')).toBe('Round 4 in Muscat, per FT (https://ft.com/a): no talks');
    expect(hit.snippet).toContain(`${MARK_START}Muscat${MARK_END}`);
  });
});

describe('search finds the forms of an English word (FTS5’s porter stemmer, migration 0010)', () => {
  it('in English: a plural, a verb and its noun', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { negotiationId } = makeNegotiation(db, analyst);
    insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-02-05', body: 'Iran refuses to enrich uranium beyond 3.67 percent' });
    insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-02-06', body: 'The negotiations on enrichment resume in Muscat' });
    const found = (q: string) => search(db, wholeInstance(db), q).map((h) => h.snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, '')).sort();
    expect(found('enrichment')).toEqual(['Iran refuses to enrich uranium beyond 3.67 percent', 'The negotiations on enrichment resume in Muscat']);
    expect(found('negotiation')).toEqual(['The negotiations on enrichment resume in Muscat']);
    expect(found('refused')).toEqual(['Iran refuses to enrich uranium beyond 3.67 percent']);
  });

});
