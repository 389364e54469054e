import { describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { recordPosition } from '@/db/mutations/positions';
import { appendPosition } from '@/db/mutations/position-chain';
import { auditLog, issues, positions, statusChanges } from '@/db/schema';
import { ConflictError, InvalidInputError, NotFoundError } from '@/lib/errors';

// Recording a party's position (db/mutations/positions.ts, position-chain.ts): what is kept, and what is refused with which words.

function talks() {
  const db = freshDb();
  const analyst = makeUser(db, 'analyst');
  return { db, analyst, ...makeNegotiation(db, analyst) };
}
const auditOf = (db: ReturnType<typeof freshDb>, id: number) =>
  db.select().from(auditLog).where(and(eq(auditLog.entity, 'position'), eq(auditLog.entityId, id))).get()!;

describe('recording a position', () => {
  it('stores every field as given, by whom, from which update', () => {
    const t = talks();
    const ft = { outlet: 'FT', title: '', url: null, publishedOn: null, quote: '', reliability: 'B' as const, credibility: 2 };
    const id = recordPosition(
      t.db,
      t.analyst,
      { ...position(t.issueId, t.partyA, null, 'Withdrawal first'), stance: 'conditional', redLines: 'No recognition', flexibility: 'low', asOf: '2026-01-24', updateId: null },
      ft,
    );
    const row = t.db.select().from(positions).where(eq(positions.id, id)).get()!;
    expect(row).toMatchObject({
      issueId: t.issueId,
      partyId: t.partyA,
      summary: 'Withdrawal first',
      stance: 'conditional',
      redLines: 'No recognition',
      flexibility: 'low',
      asOf: '2026-01-24',
      roundId: null,
      updateId: null,
      createdBy: t.analyst.id,
      isCurrent: true,
      supersedesId: null,
    });
    expect(row.sourceId).toEqual(expect.any(Number));
    expect(row.createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('dates the issue’s latest event by the position’s as-of date, not by the day it was logged', () => {
    const t = talks();
    // The issue as it came in, without the status dated the day it was added.
    t.db.delete(statusChanges).where(eq(statusChanges.issueId, t.issueId)).run();
    const first = recordPosition(t.db, t.analyst, { ...position(t.issueId, t.partyA, null), asOf: '2025-03-01' });
    const latest = () => t.db.select().from(issues).where(eq(issues.id, t.issueId)).get()!.lastActivityAt;
    expect(latest()).toBe('2025-03-01');
    recordPosition(t.db, t.analyst, { ...position(t.issueId, t.partyA, first), asOf: '2025-01-01' });
    expect(latest()).toBe('2025-03-01');
  });

  it('writes the audit row with the version replaced and the new one', () => {
    const t = talks();
    const first = recordPosition(t.db, t.analyst, position(t.issueId, t.partyA, null, 'Wants all of it'));
    expect(auditOf(t.db, first)).toMatchObject({ action: 'create', userId: t.analyst.id, before: 'null' });
    const second = recordPosition(t.db, t.analyst, position(t.issueId, t.partyA, first, 'Will settle for half'));
    const row = auditOf(t.db, second);
    expect(JSON.parse(row.before!)).toMatchObject({ id: first, summary: 'Wants all of it', isCurrent: true });
    expect(JSON.parse(row.after!)).toMatchObject({ id: second, summary: 'Will settle for half', isCurrent: true, supersedesId: first });
  });

  it('refuses a stale form with words that say what to do', () => {
    const t = talks();
    const first = recordPosition(t.db, t.analyst, position(t.issueId, t.partyA, null));
    const stale = () => recordPosition(t.db, t.analyst, position(t.issueId, t.partyA, null, 'From a form opened before'));
    expect(stale).toThrow(ConflictError);
    // The same analyst in another window: they are told it was them, what the position now says, and what to do.
    expect(stale).toThrow(/^You recorded a position of .* in another window since you opened this form: the summary now reads “Wants X”;.* Review and save again\.$/);
    // A form that believes there is a position when there is none is stale too.
    const other = talks();
    expect(() => recordPosition(other.db, other.analyst, position(other.issueId, other.partyA, first))).toThrow(ConflictError);
  });

  it('refuses a party not at the table, beside the party field', () => {
    const t = talks();
    const elsewhere = makeNegotiation(t.db, t.analyst);
    let error: unknown;
    try {
      recordPosition(t.db, t.analyst, position(t.issueId, elsewhere.partyA, null));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as InvalidInputError).message).toBe('That party is not at the table in this negotiation.');
    expect((error as InvalidInputError).errors).toEqual({ partyId: ['Choose a party of this negotiation.'] });
  });

  it('refuses an issue or a cited source that does not exist, writing nothing', () => {
    const t = talks();
    expect(() => recordPosition(t.db, t.analyst, position(9999, t.partyA, null))).toThrow(NotFoundError);
    expect(() => recordPosition(t.db, t.analyst, position(9999, t.partyA, null))).toThrow('The issue was not found');
    expect(() => recordPosition(t.db, t.analyst, { ...position(t.issueId, t.partyA, null), sourceId: 9999 })).toThrow(NotFoundError);
    expect(t.db.select().from(positions).all()).toEqual([]);
  });
});

describe('the chain of versions', () => {
  it('keeps the date a generated history gives, else records now', () => {
    const t = talks();
    const version = { ...position(t.issueId, t.partyA, null), updateId: null, createdBy: t.analyst.id };
    const dated = appendPosition(t.db, { ...version, createdAt: '2020-03-01T12:00:00.000Z' });
    const now = appendPosition(t.db, version);
    const createdAt = (id: number) => t.db.select().from(positions).where(eq(positions.id, id)).get()!.createdAt;
    expect(createdAt(dated.id)).toBe('2020-03-01T12:00:00.000Z');
    expect(createdAt(now.id) > '2026').toBe(true);
  });
});
