// "No activity for N days" counts from one date: the latest event date of anything recorded on the
// issue (db/mutations/last-event.ts). Every writer keeps it, the importer included, and the day a
// record was logged never counts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, logFromForm, makeNegotiation, makeUser, position } from './factories';
import { cancelledRoundTalks } from './fixtures/cancelled-round-talks';
import { changeIssueStatus } from '@/db/mutations/issues';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { importUpdates } from '@/db/mutations/import-updates';
import { recordPosition } from '@/db/mutations/positions';
import { editUpdate } from '@/db/mutations/updates';
import { staleIssues } from '@/db/queries/attention';
import { issues, positions, statusChanges, updateIssues, updates } from '@/db/schema';
import type { DB } from '@/db';
import type { CurrentUser } from '@/lib/roles';
import { wholeInstance } from '@/db/queries/access';

const TODAY = '2026-12-01';

/** The definition, worked out here from the records themselves, independently of the SQL. */
function latestEventOn(db: DB, issueId: number): string | null {
  const dates = [
    ...db.select({ d: updates.occurredOn }).from(updateIssues).innerJoin(updates, eq(updates.id, updateIssues.updateId)).where(eq(updateIssues.targetId, issueId)).all(),
    ...db.select({ d: positions.asOf }).from(positions).where(eq(positions.issueId, issueId)).all(),
    ...db.select({ d: statusChanges.changedOn }).from(statusChanges).where(eq(statusChanges.issueId, issueId)).all(),
  ].map((r) => r.d);
  return dates.length ? dates.sort().at(-1)! : null;
}

const shownFor = (db: DB, issueId: number, today = TODAY) => staleIssues(db, wholeInstance(db), today, 0).find((i) => i.id === issueId)?.lastEventOn ?? null;

function log(db: DB, analyst: CurrentUser, values: Record<string, string | string[]>) {
  return logFromForm(db, analyst, { body: 'Reported.', ...values });
}

describe('the latest event date of an issue', () => {
  it('counts positions and status changes that came in through the importer', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const doc = cancelledRoundTalks();
    // Only positions and status changes on the issue: no update names it.
    doc.updates = doc.updates.map((u) => ({ ...u, issues: u.issues.filter((k) => k !== 'issue:inspections') }));
    // And one with nothing dated recorded at all: the quietest of all.
    doc.issues.push({ ...doc.issues[1], key: 'issue:empty', title: 'Sanctions relief', sortOrder: 3 });
    const negotiationId = importNegotiation(db, analyst, doc).id;
    const stale = staleIssues(db, wholeInstance(db), TODAY, 30, negotiationId);
    expect(stale.map((i) => [i.title, i.lastEventOn, i.days])).toEqual([
      ['Sanctions relief', null, null],
      ['Inspections', '2025-06-13', 536],
      ['Enrichment ceiling', '2025-06-14', 535],
    ]);
  });

  it('is the day an update happened, not the day it was logged: an old event logged today leaves the issue quiet', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId, partyA } = makeNegotiation(db, analyst);
    changeIssueStatus(db, analyst, { issueId, status: 'stalled', changedOn: '2025-01-10', note: '', roundId: null, sourceId: null, version: 1 });
    // makeNegotiation added the issue today: its first status is dated today. Take the issue as it came in.
    db.delete(statusChanges).where(eq(statusChanges.changedOn, new Date().toISOString().slice(0, 10))).run();
    log(db, analyst, { negotiationId: String(negotiationId), occurredOn: '2025-01-05', issueIds: [String(issueId)] });
    expect(shownFor(db, issueId)).toBe('2025-01-10');
    log(db, analyst, {
      negotiationId: String(negotiationId),
      occurredOn: '2025-01-08',
      issueIds: [String(issueId)],
      'position.partyId': String(partyA),
      'position.issueId': String(issueId),
      'position.summary': 'Will settle for half',
      'position.stance': 'conditional',
      'position.flexibility': 'moderate',
    });
    expect(shownFor(db, issueId)).toBe('2025-01-10');
    expect(staleIssues(db, wholeInstance(db), TODAY, 30).map((i) => i.id)).toContain(issueId);
  });

  it('moves back when an update is re-dated or no longer concerns the issue', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId } = makeNegotiation(db, analyst);
    db.delete(statusChanges).where(eq(statusChanges.issueId, issueId)).run();
    const first = log(db, analyst, { negotiationId: String(negotiationId), occurredOn: '2025-03-01', issueIds: [String(issueId)] });
    const second = log(db, analyst, { negotiationId: String(negotiationId), occurredOn: '2025-05-01', issueIds: [String(issueId)] });
    expect(shownFor(db, issueId)).toBe('2025-05-01');
    const edit = { body: 'Reported.', occurredTime: null, roundId: null, partyIds: [], actorIds: [] };
    editUpdate(db, analyst, second.id, 1, { ...edit, occurredOn: '2025-02-01', issueIds: [issueId], sourceIds: second.sourceIds });
    expect(shownFor(db, issueId)).toBe('2025-03-01');
    editUpdate(db, analyst, first.id, 1, { ...edit, occurredOn: '2025-03-01', issueIds: [], sourceIds: first.sourceIds });
    expect(shownFor(db, issueId)).toBe('2025-02-01');
  });

  it('is kept equal to the records by every writer, whatever they write in whatever order', () => {
    const db = freshDb();
    const analyst = makeUser(db);
    const { negotiationId, issueId, partyA } = makeNegotiation(db, analyst);
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2025, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    const write = fc.oneof(
      fc.record({ kind: fc.constant('update' as const), on: day }),
      fc.record({ kind: fc.constant('position' as const), on: day }),
      fc.record({ kind: fc.constant('status' as const), on: day }),
      fc.record({ kind: fc.constant('csv' as const), on: day }),
      fc.record({ kind: fc.constant('redate' as const), on: day }),
    );
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 8 }), (writes) => {
        db.$client.exec('BEGIN');
        try {
          const logged: { id: number; sourceIds: number[] }[] = [];
          for (const w of writes) {
            const version = db.select({ v: issues.version }).from(issues).where(eq(issues.id, issueId)).get()!.v;
            const current = db.select({ id: positions.id }).from(positions).where(eq(positions.isCurrent, true)).get()?.id ?? null;
            if (w.kind === 'update') logged.push(log(db, analyst, { negotiationId: String(negotiationId), occurredOn: w.on, issueIds: [String(issueId)] }));
            if (w.kind === 'position') recordPosition(db, analyst, { ...position(issueId, partyA, current), asOf: w.on });
            if (w.kind === 'status') changeIssueStatus(db, analyst, { issueId, status: 'narrowing', changedOn: w.on, note: '', roundId: null, sourceId: null, version });
            if (w.kind === 'csv') {
              importUpdates(db, analyst, negotiationId, [
                { row: 2, occurredOn: w.on, body: 'From the spreadsheet.', issueIds: [issueId], partyIds: [], source: { outlet: 'FT', title: '', url: null, publishedOn: null, quote: '', reliability: 'B', credibility: 2 } },
              ]);
            }
            if (w.kind === 'redate' && logged.length) {
              const { id, sourceIds } = logged[0];
              const v = db.select({ v: updates.version }).from(updates).where(eq(updates.id, id)).get()!.v;
              editUpdate(db, analyst, id, v, { body: 'Re-dated.', occurredOn: w.on, occurredTime: null, roundId: null, issueIds: [issueId], partyIds: [], actorIds: [], sourceIds });
            }
          }
          expect(shownFor(db, issueId, '2027-01-01')).toBe(latestEventOn(db, issueId));
        } finally {
          db.$client.exec('ROLLBACK');
        }
      }),
      { numRuns: 40 },
    );
  });
});
