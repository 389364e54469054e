import { describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { positions } from '@/db/schema';
import { appendPosition, type PositionVersion } from '@/db/mutations/position-chain';
import { freshDb, makeNegotiation, makeUser } from './factories';

const version = (issueId: number, partyId: number, summary: string, by: number): PositionVersion => ({
  issueId,
  partyId,
  summary,
  stance: 'supports',
  redLines: '',
  flexibility: 'moderate',
  asOf: '2026-02-05',
  sourceId: null,
  roundId: null,
  updateId: null,
  createdBy: by,
});

describe('a position history is one chain per issue and party', () => {
  it('makes each new version current and superseding the one before', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { issueId, partyA } = makeNegotiation(db, analyst);
    const ids = db.transaction((tx) => ['first', 'second', 'third'].map((s) => appendPosition(tx, version(issueId, partyA, s, analyst.id))), { behavior: 'immediate' });
    expect(ids.map((r) => r.supersededId)).toEqual([null, ids[0].id, ids[1].id]);
    const rows = db.select().from(positions).where(eq(positions.issueId, issueId)).orderBy(asc(positions.id)).all();
    expect(rows.map((r) => [r.summary, r.isCurrent, r.supersedesId])).toEqual([
      ['first', false, null],
      ['second', false, ids[0].id],
      ['third', true, ids[1].id],
    ]);
  });

  it('keeps the chains of two parties apart', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { issueId, partyA, partyB } = makeNegotiation(db, analyst);
    const a = appendPosition(db, version(issueId, partyA, 'A wants X', analyst.id));
    const b = appendPosition(db, version(issueId, partyB, 'B wants Y', analyst.id));
    expect(b.supersededId).toBeNull();
    expect(db.select().from(positions).where(eq(positions.id, a.id)).get()?.isCurrent).toBe(true);
  });

  it('writes nothing when the caller’s transaction rolls back', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { issueId, partyA } = makeNegotiation(db, analyst);
    appendPosition(db, version(issueId, partyA, 'kept', analyst.id));
    expect(() =>
      db.transaction((tx) => {
        appendPosition(tx, version(issueId, partyA, 'rolled back', analyst.id));
        throw new Error('refused');
      }),
    ).toThrow('refused');
    const rows = db.select().from(positions).where(eq(positions.issueId, issueId)).all();
    expect(rows.map((r) => [r.summary, r.isCurrent])).toEqual([['kept', true]]);
  });
});
