import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { createHomework } from '@/db/mutations/homework';
import { recordPosition } from '@/db/mutations/positions';
import { insertSource } from '@/db/mutations/sources';
import { insertUpdate } from './demo-records';
import { countOverdueHomework, needsAttention, overdueHomework, staleIssues, weaklySourcedPositions } from '@/db/queries/attention';
import type { Reliability } from '@/lib/domain';
import type { DB } from '@/db';
import { wholeInstance } from '@/db/queries/access';

// The dashboard's "needs attention" lists (db/queries/attention.ts), one rule at a time.

const graded = (outlet: string, reliability: Reliability) => ({ outlet, title: '', url: null, publishedOn: null, quote: '', reliability, credibility: 3 });
const quietSince = (db: DB, issueId: number, at: string | null) => db.$client.prepare('UPDATE issues SET last_activity_at = ? WHERE id = ?').run(at, issueId);
const setStatus = (db: DB, issueId: number, status: string) => db.$client.prepare('UPDATE issues SET status = ? WHERE id = ?').run(status, issueId);

describe('positions resting on weak sources', () => {
  it('a position whose only source is rated D, E or F is weak; one rated A to C is not', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const weak: string[] = [];
    for (const grade of ['A', 'B', 'C', 'D', 'E', 'F'] as const) {
      const { issueId, partyA } = makeNegotiation(db, analyst, `Talks ${grade}`);
      recordPosition(db, analyst, position(issueId, partyA, null), graded(`Outlet ${grade}`, grade));
      if ('DEF'.includes(grade)) weak.push(`Outlet ${grade} (${grade})`);
    }
    expect(weaklySourcedPositions(db, wholeInstance(db)).map((p) => p.sources)).toEqual(weak.map((s) => [s]));
  });

  it('a position citing no source at all is weak', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { issueId, partyA } = makeNegotiation(db, analyst);
    const id = recordPosition(db, analyst, position(issueId, partyA, null));
    expect(weaklySourcedPositions(db, wholeInstance(db))).toEqual([{ id, issueId, issueTitle: 'Territory', partyName: expect.stringMatching(/ A$/), sources: [] }]);
  });

  it('a good source cited by the position’s update is enough, and a weak one is not', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { negotiationId, issueId, partyA, partyB } = makeNegotiation(db, analyst);
    const [ft, rt] = db.transaction((tx) => [insertSource(tx, analyst, graded('FT', 'B'), negotiationId), insertSource(tx, analyst, graded('RT', 'E'), negotiationId)]);
    const viaFt = insertUpdate(db, { negotiationId, authorId: analyst.id, body: 'FT report', occurredOn: '2026-02-05', sourceIds: [ft] });
    const viaRt = insertUpdate(db, { negotiationId, authorId: analyst.id, body: 'RT report', occurredOn: '2026-02-05', sourceIds: [rt] });
    recordPosition(db, analyst, { ...position(issueId, partyA, null), sourceId: rt, updateId: viaFt });
    recordPosition(db, analyst, { ...position(issueId, partyB, null), updateId: viaRt });
    expect(weaklySourcedPositions(db, wholeInstance(db)).map((p) => [p.partyName.slice(-1), p.sources])).toEqual([['B', ['RT (E)']]]);
  });

  it('only the current version of a position counts, and only in the negotiation asked for', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const peace = makeNegotiation(db, analyst, 'Peace talks');
    const arms = makeNegotiation(db, analyst, 'Arms control');
    const first = recordPosition(db, analyst, position(peace.issueId, peace.partyA, null), graded('TASS', 'D'));
    recordPosition(db, analyst, position(peace.issueId, peace.partyA, first), graded('FT', 'B'));
    const armsWeak = recordPosition(db, analyst, position(arms.issueId, arms.partyA, null), graded('RT', 'E'));
    expect(weaklySourcedPositions(db, wholeInstance(db)).map((p) => p.id)).toEqual([armsWeak]);
    expect(weaklySourcedPositions(db, wholeInstance(db), peace.negotiationId)).toEqual([]);
    expect(weaklySourcedPositions(db, wholeInstance(db), arms.negotiationId).map((p) => p.id)).toEqual([armsWeak]);
  });
});

describe('issues gone quiet', () => {
  it('an open issue is stale from exactly the given number of days without activity', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { issueId } = makeNegotiation(db, analyst, 'Peace talks');
    quietSince(db, issueId, '2026-02-05T10:00:00.000Z');
    expect(staleIssues(db, wholeInstance(db), '2026-03-06', 30)).toEqual([]);
    expect(staleIssues(db, wholeInstance(db), '2026-03-07', 30)).toEqual([{ id: issueId, title: 'Territory', negotiationName: 'Peace talks', lastEventOn: '2026-02-05', days: 30 }]);
  });

  it('an agreed or dropped issue never goes stale; a stalled one does', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const ids = ['agreed', 'dropped', 'stalled', 'deadlocked'].map((status) => {
      const { issueId } = makeNegotiation(db, analyst);
      quietSince(db, issueId, '2025-01-01T00:00:00.000Z');
      setStatus(db, issueId, status);
      return issueId;
    });
    expect(staleIssues(db, wholeInstance(db), '2026-03-01', 30).map((i) => i.id)).toEqual(ids.slice(2));
  });

  it('lists the quietest first, an issue never active before all, and ties by issue', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const [a, b, c, d] = [1, 2, 3, 4].map(() => makeNegotiation(db, analyst).issueId);
    quietSince(db, a, '2026-01-01T00:00:00.000Z');
    quietSince(db, b, '2025-06-01T00:00:00.000Z');
    quietSince(db, c, null);
    quietSince(db, d, '2026-01-01T00:00:00.000Z');
    const stale = staleIssues(db, wholeInstance(db), '2026-03-01', 30);
    expect(stale.map((i) => i.id)).toEqual([c, b, a, d]);
    expect(stale[0].days).toBeNull();
  });

  it('keeps to the negotiation asked for', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const peace = makeNegotiation(db, analyst);
    const arms = makeNegotiation(db, analyst);
    for (const n of [peace, arms]) quietSince(db, n.issueId, '2025-01-01T00:00:00.000Z');
    expect(staleIssues(db, wholeInstance(db), '2026-03-01', 30, arms.negotiationId).map((i) => i.id)).toEqual([arms.issueId]);
    expect(staleIssues(db, wholeInstance(db), '2026-03-01', 30).map((i) => i.id)).toEqual([peace.issueId, arms.issueId]);
  });
});

describe('overdue homework', () => {
  it('is counted and listed for one negotiation, earliest due first', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const peace = makeNegotiation(db, analyst, 'Peace talks');
    const arms = makeNegotiation(db, analyst, 'Arms control');
    const homework = (n: typeof peace, title: string, dueOn: string) =>
      createHomework(db, analyst, {
        negotiationId: n.negotiationId,
        title,
        description: '',
        issueId: null,
        ownerPartyIds: [n.partyA, n.partyB],
        assignedRoundId: null,
        dueRoundId: null,
        dueOn,
        status: 'open',
        resolution: '',
        vague: false,
      });
    homework(peace, 'Withdrawal mechanics', '2026-02-10');
    homework(peace, 'Monitoring arrangements', '2026-01-20');
    homework(arms, 'Data exchange', '2026-01-01');
    const dayPrecise = { dueOnPrecision: 'day', dueOnLabel: '', dueRoundStartsOnPrecision: null, dueRoundStartsOnLabel: null, estimated: false };
    expect(overdueHomework(db, wholeInstance(db), '2026-03-01', peace.negotiationId)).toEqual([
      { id: expect.any(Number), title: 'Monitoring arrangements', negotiationName: 'Peace talks', dueOn: '2026-01-20', dueRoundName: null, dueRoundStatus: null, dueRoundStartsOn: null, ...dayPrecise, owners: 'A, B' },
      { id: expect.any(Number), title: 'Withdrawal mechanics', negotiationName: 'Peace talks', dueOn: '2026-02-10', dueRoundName: null, dueRoundStatus: null, dueRoundStartsOn: null, ...dayPrecise, owners: 'A, B' },
    ]);
    expect(overdueHomework(db, wholeInstance(db), '2026-03-01').map((h) => h.title)).toEqual(['Data exchange', 'Monitoring arrangements', 'Withdrawal mechanics']);
    expect(countOverdueHomework(db, wholeInstance(db), '2026-03-01', peace.negotiationId)).toBe(2);
    expect(countOverdueHomework(db, wholeInstance(db), '2026-03-01', arms.negotiationId)).toBe(1);
    expect(countOverdueHomework(db, wholeInstance(db), '2026-01-15')).toBe(1);
  });
});

describe('the dashboard’s attention box', () => {
  it('gives each list’s total and its first few', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const talks = [1, 2, 3].map(() => makeNegotiation(db, analyst));
    for (const t of talks) {
      recordPosition(db, analyst, position(t.issueId, t.partyA, null));
      quietSince(db, t.issueId, '2025-01-01T00:00:00.000Z');
    }
    const box = needsAttention(db, wholeInstance(db), { today: '2026-03-01', staleDays: 30, shown: 2 });
    expect(box.stale.count).toBe(3);
    expect(box.stale.items.map((i) => i.id)).toEqual(talks.slice(0, 2).map((t) => t.issueId));
    expect(box.weak.count).toBe(3);
    expect(box.weak.items.map((p) => p.issueId)).toEqual(talks.slice(0, 2).map((t) => t.issueId));
    expect(box.overdue).toEqual({ count: 0, items: [] });
    const one = needsAttention(db, wholeInstance(db), { today: '2026-03-01', staleDays: 30, shown: 5, negotiationId: talks[1].negotiationId });
    expect([one.stale.count, one.weak.count]).toEqual([1, 1]);
  });
});
