import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { createRound } from '@/db/mutations/rounds';
import { recordPosition } from '@/db/mutations/positions';
import { changeIssueStatus } from '@/db/mutations/issues';
import { insertSource } from '@/db/mutations/sources';
import { createIssue } from '@/db/mutations/issues';
import { roundPoints, sinceLastRound } from '@/db/queries/since-last-round';
import { nameOf, TODAY } from './since-last-round-points';
import { refreshLastEvent } from '@/db/mutations/last-event';
import { statusChanges } from '@/db/schema';
import { eq } from 'drizzle-orm';
import type { RoundStatus } from '@/lib/domain';
import { wholeInstance } from '@/db/queries/access';

// "What moved since the last round" (db/queries/since-last-round.ts) on small negotiations built for each rule.

type RoundFacts = { name: string; status: RoundStatus; startsOn?: string | null; endsOn?: string | null };

function talks(roundFacts: RoundFacts[]) {
  const db = freshDb();
  const analyst = makeUser(db, 'analyst');
  const { negotiationId, issueId, partyA, partyB } = makeNegotiation(db, analyst);
  // The issue as an import brings it: no status dated the day the test runs, which would be "recorded after the last round".
  db.delete(statusChanges).where(eq(statusChanges.issueId, issueId)).run();
  refreshLastEvent(db, [issueId]);
  const round: Record<string, number> = {};
  for (const r of roundFacts) {
    round[r.name] = createRound(db, analyst, {
      negotiationId,
      name: r.name,
      venue: '',
      startsOn: r.startsOn ?? null,
      endsOn: r.endsOn ?? null,
      approxDate: '',
      format: 'direct',
      status: r.status,
      summary: '',
    });
  }
  let version = 1;
  const changeStatus = (status: 'narrowing' | 'deadlocked' | 'agreed', changedOn: string, sourceId: number | null = null) =>
    changeIssueStatus(db, analyst, { issueId, status, changedOn, note: '', roundId: null, sourceId, version: version++ });
  const current = new Map<number, number | null>();
  const move = (partyId: number, asOf: string, summary: string, sourceId: number | null = null) =>
    current.set(partyId, recordPosition(db, analyst, { ...position(issueId, partyId, current.get(partyId) ?? null, summary), asOf, sourceId }));
  return { db, analyst, negotiationId, issueId, partyA, partyB, round, changeStatus, move };
}

const held = (name: string, startsOn: string, endsOn: string | null = null): RoundFacts => ({ name, status: 'held', startsOn, endsOn });

describe('which rounds are compared', () => {
  it('with four held rounds the default comparison is the last two', () => {
    const { db, negotiationId } = talks([held('R1', '2025-05-16'), held('R2', '2025-09-01'), held('R3', '2026-01-20'), held('R4', '2026-02-04')]);
    const diff = sinceLastRound(db, wholeInstance(db), negotiationId, {}, TODAY);
    expect([nameOf(diff.comparison.from), nameOf(diff.comparison.to)]).toEqual(['R3', 'R4']);
  });

  it('a planned or a cancelled round is never the default, though either can be chosen', () => {
    const { db, negotiationId, round } = talks([
      held('Istanbul', '2025-05-16'),
      held('Abu Dhabi 1', '2026-01-20'),
      { name: 'Round 3', status: 'planned', startsOn: '2026-03-01', endsOn: '2026-03-02' },
      { name: 'Geneva', status: 'cancelled', startsOn: '2026-03-10' },
    ]);
    const diff = sinceLastRound(db, wholeInstance(db), negotiationId, {}, TODAY);
    expect([nameOf(diff.comparison.from), nameOf(diff.comparison.to)]).toEqual(['Istanbul', 'Abu Dhabi 1']);
    const toGeneva = sinceLastRound(db, wholeInstance(db), negotiationId, { from: String(round['Abu Dhabi 1']), to: String(round.Geneva) }, TODAY);
    expect(toGeneva.comparison).toMatchObject({ ok: true, from: { date: '2026-01-20' }, to: { kind: 'round', date: '2026-03-10' } });
    expect(nameOf(toGeneva.comparison.to)).toBe('Geneva');
  });

  it('offers every round in its order, each dated by its last day, else its first; a round without a date has none', () => {
    const { db, negotiationId, round } = talks([held('Istanbul', '2025-05-16', '2025-05-17'), held('Abu Dhabi 1', '2026-01-20'), { name: 'Round 3', status: 'planned' }]);
    expect(roundPoints(db, negotiationId)).toEqual([
      { id: round.Istanbul, name: 'Istanbul', sequence: 1, status: 'held', date: '2025-05-17' },
      { id: round['Abu Dhabi 1'], name: 'Abu Dhabi 1', sequence: 2, status: 'held', date: '2026-01-20' },
      { id: round['Round 3'], name: 'Round 3', sequence: 3, status: 'planned', date: null },
    ]);
    expect(sinceLastRound(db, wholeInstance(db), negotiationId, { to: String(round['Round 3']) }, TODAY).comparison).toMatchObject({
      ok: false,
      problem: 'To: Round 3 has no date yet: choose a dated round, or a date.',
    });
  });

  it('compares a chosen "to" with the round before it, and a chosen "from" with the last round', () => {
    const { db, negotiationId, round } = talks([held('R1', '2025-05-16'), held('R2', '2025-09-01'), held('R3', '2026-01-20')]);
    const toR2 = sinceLastRound(db, wholeInstance(db), negotiationId, { to: String(round.R2) }, TODAY);
    expect([nameOf(toR2.comparison.from), nameOf(toR2.comparison.to)]).toEqual(['R1', 'R2']);
    const fromR1 = sinceLastRound(db, wholeInstance(db), negotiationId, { from: String(round.R1) }, TODAY);
    expect([nameOf(fromR1.comparison.from), nameOf(fromR1.comparison.to)]).toEqual(['R1', 'R3']);
  });

  it('says why when there is nothing to compare: a single held round, before the first, or no round at all', () => {
    const one = talks([held('R1', '2026-01-01')]);
    expect(sinceLastRound(one.db, wholeInstance(one.db), one.negotiationId, {}, TODAY)).toMatchObject({
      comparison: { ok: false, problem: expect.stringContaining('Only one round has been held, R1'), to: { kind: 'round' } },
      issues: [],
    });
    const two = talks([held('R1', '2025-05-16'), held('R2', '2026-01-20')]);
    expect(sinceLastRound(two.db, wholeInstance(two.db), two.negotiationId, { to: String(two.round.R1) }, TODAY).comparison).toMatchObject({
      ok: false,
      problem: 'No round was held before R1 (held, 16 May 2025): choose where to start, a round or a date.',
    });
    const none = talks([]);
    expect(sinceLastRound(none.db, wholeInstance(none.db), none.negotiationId, {}, TODAY)).toMatchObject({ choices: [], comparison: { ok: false, from: null, to: null }, issues: [] });
  });
});

describe('after the last held round', () => {
  it('by default compares the last held round with today once anything was recorded after it', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05'), { name: 'R3', status: 'cancelled', startsOn: '2026-03-01' }]);
    t.move(t.partyA, '2026-01-05', 'Before');
    expect(nameOf(sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, {}, TODAY).comparison.from)).toBe('R1');
    t.move(t.partyA, '2026-02-20', 'A proposal after the round');
    t.changeStatus('deadlocked', '2026-02-28');
    const diff = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, {}, TODAY);
    expect(diff.comparison).toMatchObject({ ok: true, from: { kind: 'round', date: '2026-02-05' }, to: { kind: 'today', date: TODAY } });
    expect(diff.issues[0]).toMatchObject({ changed: true, statusChanged: true, statusAfter: 'deadlocked' });
    expect(diff.issues[0].parties[0]).toMatchObject({ changed: true, before: { summary: 'Before' }, after: { summary: 'A proposal after the round' } });
  });

  it('takes dates and "today" as points, and lists the updates dated between them', () => {
    const t = talks([held('R1', '2026-01-10')]);
    t.move(t.partyA, '2026-01-20', 'Later');
    const diff = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, { fromDate: '2026-01-15', to: 'today' }, TODAY);
    expect(diff.comparison).toMatchObject({ ok: true, from: { kind: 'date', date: '2026-01-15' }, to: { kind: 'today', date: TODAY }, reversed: false });
    expect(diff.issues[0].parties[0]).toMatchObject({ changed: true, before: null });
    expect(diff.updates).toEqual({ items: [], count: 0 });
  });

  it('refuses a pair that makes no sense with a message, and never compares something else instead', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    const problem = (asked: Parameters<typeof sinceLastRound>[3]) => {
      const diff = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, asked, TODAY);
      return diff.comparison.ok ? null : [diff.comparison.problem, diff.issues.length];
    };
    expect(problem({ from: String(t.round.R2), to: String(t.round.R2) })).toEqual([expect.stringContaining('fall on the same day'), 0]);
    expect(problem({ from: '999999' })).toEqual(['From: that round is not one of this negotiation’s.', 0]);
    expect(problem({ to: '2026-02-30' })).toEqual(['To: “2026-02-30” is neither a round of this negotiation nor a date (YYYY-MM-DD).', 0]);
    expect(problem({ from: String(t.round.R1), fromDate: '2026-01-01' })).toEqual(['From: choose a round or a date, not both.', 0]);
    // The later point first is compared the right way round, and the view says it was given reversed.
    expect(sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, { from: String(t.round.R2), to: String(t.round.R1) }, TODAY).comparison).toMatchObject({ ok: true, reversed: true });
  });
});

describe('what counts as moved', () => {
  it('an issue where only a party’s position moved is marked changed', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    t.move(t.partyA, '2026-01-05', 'Demands full withdrawal');
    t.move(t.partyB, '2026-01-05', 'Our territories are ours');
    t.move(t.partyA, '2026-02-01', 'Accepts a freeze on the line of contact');
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, {}, TODAY).issues;
    expect(issue).toMatchObject({ statusChanged: false, statusBefore: null, statusAfter: null, changed: true });
    const [a, b] = issue.parties;
    expect(a).toMatchObject({ partyId: t.partyA, changed: true, before: { summary: 'Demands full withdrawal' }, after: { summary: 'Accepts a freeze on the line of contact' } });
    expect(b).toMatchObject({ partyId: t.partyB, changed: false, before: { summary: 'Our territories are ours' }, after: { summary: 'Our territories are ours' } });
  });

  it('an issue where nothing moved is not changed, and a party with no position shows none', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    t.move(t.partyA, '2026-01-05', 'Wants X');
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, {}, TODAY).issues;
    expect(issue.changed).toBe(false);
    expect(issue.parties.map((p) => [p.changed, p.after?.summary ?? null])).toEqual([
      [false, 'Wants X'],
      [false, null],
    ]);
  });

  it('a change on the day of the earlier round belongs to it; one on the day of the later round is new', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    t.move(t.partyA, '2026-01-10', 'Said at R1');
    t.changeStatus('narrowing', '2026-01-10');
    const atR1 = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, {}, TODAY).issues[0];
    expect(atR1).toMatchObject({ changed: false, statusChanged: false, statusBefore: 'narrowing', statusAfter: 'narrowing' });
    expect(atR1.parties[0].before?.summary).toBe('Said at R1');

    t.move(t.partyB, '2026-02-05', 'Said at R2');
    t.changeStatus('deadlocked', '2026-02-05');
    const atR2 = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, {}, TODAY).issues[0];
    expect(atR2).toMatchObject({ changed: true, statusChanged: true, statusBefore: 'narrowing', statusAfter: 'deadlocked' });
    expect(atR2.parties.map((p) => p.changed)).toEqual([false, true]);
    expect(atR2.parties[1]).toMatchObject({ before: null, after: { summary: 'Said at R2' } });
  });

  it('what was logged after the later round does not count, nor show as its state', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    t.move(t.partyA, '2026-01-05', 'Before');
    t.move(t.partyA, '2026-02-06', 'After R2');
    t.changeStatus('agreed', '2026-02-06');
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, { from: String(t.round.R1), to: String(t.round.R2) }, TODAY).issues;
    expect(issue).toMatchObject({ changed: false, statusChanged: false, statusAfter: null });
    expect(issue.parties[0]).toMatchObject({ changed: false, after: { summary: 'Before' } });
  });

  it('a round that lasted several days is compared at its last day', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-04', '2026-02-05')]);
    t.move(t.partyA, '2026-02-05', 'On the second day');
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, {}, TODAY).issues;
    expect(issue.parties[0]).toMatchObject({ changed: true, after: { summary: 'On the second day', asOf: '2026-02-05' } });
  });

  it('compares the same window whichever order the two rounds are chosen in', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    t.move(t.partyA, '2026-01-05', 'Before');
    t.move(t.partyA, '2026-02-01', 'Between');
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, { from: String(t.round.R2), to: String(t.round.R1) }, TODAY).issues;
    expect(issue.parties[0]).toMatchObject({ changed: true, before: { summary: 'Before' }, after: { summary: 'Between' } });
  });

  it('cites the source of a position and of a status change; a claim without a source cites none', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    const ft = t.db.transaction((tx) =>
      insertSource(tx, t.analyst, { outlet: 'Financial Times', title: 'Talks stall', url: null, publishedOn: '2026-02-02', quote: 'no deal', reliability: 'B', credibility: 2 }, t.negotiationId),
    );
    t.move(t.partyA, '2026-02-01', 'Sourced', ft);
    t.move(t.partyB, '2026-02-01', 'Unsourced');
    t.changeStatus('narrowing', '2026-01-20');
    t.changeStatus('deadlocked', '2026-02-02', ft);
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, {}, TODAY).issues;
    expect(issue.parties[0].after?.citation).toMatchObject({ sourceId: ft, sourceOutlet: 'Financial Times', sourceReliability: 'B', sourceCredibility: 2, sourceQuote: 'no deal' });
    expect(issue.parties[1].after?.citation).toBeNull();
    expect(issue.statusCitations).toEqual([expect.objectContaining({ sourceId: ft, sourceOutlet: 'Financial Times', sourceTitle: 'Talks stall', sourcePublishedOn: '2026-02-02' })]);
  });

  it('lists every issue of the negotiation in its order, each with every seated party', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    createIssue(t.db, t.analyst, { negotiationId: t.negotiationId, title: 'Security guarantees', description: '', status: 'proposed', priority: 'low', keyDate: null, keyDateLabel: '' });
    const other = makeNegotiation(t.db, t.analyst);
    recordPosition(t.db, t.analyst, { ...position(other.issueId, other.partyA, null, 'Elsewhere'), asOf: '2026-02-01' });
    const diff = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, {}, TODAY);
    expect(diff.issues.map((i) => i.title)).toEqual(['Territory', 'Security guarantees']);
    expect(diff.issues.map((i) => i.parties.map((p) => p.partyId))).toEqual([
      [t.partyA, t.partyB],
      [t.partyA, t.partyB],
    ]);
    expect(diff.issues.every((i) => !i.changed)).toBe(true);
  });
});
