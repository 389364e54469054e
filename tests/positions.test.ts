import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { recordPosition } from '@/db/mutations/positions';
import { changeIssueStatus } from '@/db/mutations/issues';
import { positionHistory, statusHistory } from '@/db/queries/issues';
import { auditLog, positions, citedSources } from '@/db/schema';
import { ConflictError, InvalidInputError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/roles';
import { PositionSchema } from '@/lib/validation/positions';
import { wholeInstance } from '@/db/queries/access';

describe('positions', () => {
  it('keeps every earlier version and marks exactly one current', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { issueId, partyA } = makeNegotiation(db, analyst);
    const first = recordPosition(db, analyst, position(issueId, partyA, null, 'Wants all of it'));
    const second = recordPosition(db, analyst, { ...position(issueId, partyA, first, 'Will settle for half'), stance: 'conditional' });
    const history = positionHistory(db, wholeInstance(db), issueId);
    expect(history.map((p) => p.summary)).toEqual(['Will settle for half', 'Wants all of it']);
    expect(history.filter((p) => p.isCurrent).map((p) => p.id)).toEqual([second]);
    expect(history[0].supersedesId).toBe(first);
  });

  it('refuses an edit based on a position another analyst has since replaced', () => {
    const db = freshDb();
    const alice = makeUser(db);
    const bob = makeUser(db);
    const { issueId, partyA } = makeNegotiation(db, alice);
    const base = recordPosition(db, alice, position(issueId, partyA, null));
    recordPosition(db, alice, position(issueId, partyA, base, 'Alice was first'));
    expect(() => recordPosition(db, bob, position(issueId, partyA, base, 'Bob overwrites'))).toThrow(ConflictError);
    expect(positionHistory(db, wholeInstance(db), issueId).map((p) => p.summary)).not.toContain('Bob overwrites');
  });

  it('refuses viewers, writing nothing', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const viewer = makeUser(db, 'viewer');
    const { issueId, partyA } = makeNegotiation(db, analyst);
    const auditBefore = db.select().from(auditLog).all().length;
    expect(() => recordPosition(db, viewer, position(issueId, partyA, null))).toThrow(ForbiddenError);
    expect(db.select().from(positions).all()).toHaveLength(0);
    expect(db.select().from(auditLog).all()).toHaveLength(auditBefore);
  });

  it('refuses a party not seated at the negotiation', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const one = makeNegotiation(db, analyst, 'One');
    const other = makeNegotiation(db, analyst, 'Other');
    expect(() => recordPosition(db, analyst, position(one.issueId, other.partyA, null))).toThrow(InvalidInputError);
  });

  it('writes a new source and the position together, or neither', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { issueId, partyA } = makeNegotiation(db, analyst);
    const source = { outlet: 'FT', title: '', url: null, publishedOn: '2026-02-05', quote: 'q', reliability: 'B' as const, credibility: 2 };
    recordPosition(db, analyst, position(issueId, partyA, null), source);
    expect(db.select().from(citedSources).all()).toHaveLength(1);
    // A stale basedOn makes the position fail: the source must roll back with it.
    expect(() => recordPosition(db, analyst, position(issueId, partyA, null), { ...source, outlet: 'Rolled back' })).toThrow(ConflictError);
    expect(db.select().from(citedSources).where(eq(citedSources.outlet, 'Rolled back')).all()).toHaveLength(0);
  });

  it('records each write in the audit log with who made it', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { issueId, partyA } = makeNegotiation(db, analyst);
    const id = recordPosition(db, analyst, position(issueId, partyA, null));
    const row = db.select().from(auditLog).where(eq(auditLog.entityId, id)).all().find((r) => r.entity === 'position');
    expect(row?.userId).toBe(analyst.id);
    expect(JSON.parse(row!.after!).summary).toBe('Wants X');
    expect(() => db.$client.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
  });
});

describe('status changes', () => {
  it('keeps the change as history and refuses a stale version', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { issueId } = makeNegotiation(db, analyst);
    const change = { issueId, status: 'deadlocked' as const, changedOn: new Date().toISOString().slice(0, 10), note: '', roundId: null, sourceId: null, version: 1 };
    changeIssueStatus(db, analyst, change);
    expect(statusHistory(db, wholeInstance(db), issueId).map((s) => s.toStatus)).toEqual(['deadlocked', 'under_discussion']);
    expect(() => changeIssueStatus(db, analyst, { ...change, status: 'agreed' })).toThrow(ConflictError);
  });
});

describe('position validation', () => {
  it('names the field that is wrong', () => {
    const result = PositionSchema.safeParse({ issueId: '1', partyId: '2', summary: ' ', stance: 'supports', flexibility: 'low', asOf: '2026-02-30', basedOn: '' });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['summary', 'asOf']));
  });
});
