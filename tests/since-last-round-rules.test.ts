import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { createRound } from '@/db/mutations/rounds';
import { recordPosition } from '@/db/mutations/positions';
import { changeIssueStatus } from '@/db/mutations/issues';
import { insertSource } from '@/db/mutations/sources';
import { createIssue } from '@/db/mutations/issues';
import { comparableRounds, sinceLastRound } from '@/db/queries/since-last-round';
import type { RoundStatus } from '@/lib/domain';
import { wholeInstance } from '@/db/queries/access';

// "What moved since the last round" (db/queries/since-last-round.ts) on small negotiations built for each rule.

type RoundFacts = { name: string; status: RoundStatus; startsOn?: string | null; endsOn?: string | null };

function talks(roundFacts: RoundFacts[]) {
  const db = freshDb();
  const analyst = makeUser(db, 'analyst');
  const { negotiationId, issueId, partyA, partyB } = makeNegotiation(db, analyst);
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
    const diff = sinceLastRound(db, wholeInstance(db), negotiationId);
    expect([diff.from?.name, diff.to?.name]).toEqual(['R3', 'R4']);
  });

  it('a planned round with dates is never the default "to", nor a cancelled one', () => {
    const { db, negotiationId } = talks([
      held('Istanbul', '2025-05-16'),
      held('Abu Dhabi 1', '2026-01-20'),
      { name: 'Round 3', status: 'planned', startsOn: '2026-03-01', endsOn: '2026-03-02' },
      { name: 'Geneva', status: 'cancelled', startsOn: '2026-03-10' },
    ]);
    expect(comparableRounds(db, negotiationId).map((r) => r.name)).toEqual(['Istanbul', 'Abu Dhabi 1']);
    const diff = sinceLastRound(db, wholeInstance(db), negotiationId);
    expect([diff.from?.name, diff.to?.name]).toEqual(['Istanbul', 'Abu Dhabi 1']);
  });

  it('a planned round without dates cannot be compared either', () => {
    const { db, negotiationId } = talks([held('R1', '2026-01-01'), { name: 'Round 2', status: 'planned' }]);
    expect(comparableRounds(db, negotiationId).map((r) => r.name)).toEqual(['R1']);
  });

  it('offers the held rounds in their order, each dated by its last day, else its first', () => {
    const { db, negotiationId, round } = talks([held('Istanbul', '2025-05-16', '2025-05-17'), held('Abu Dhabi 1', '2026-01-20')]);
    expect(comparableRounds(db, negotiationId)).toEqual([
      { id: round.Istanbul, name: 'Istanbul', sequence: 1, status: 'held', date: '2025-05-17' },
      { id: round['Abu Dhabi 1'], name: 'Abu Dhabi 1', sequence: 2, status: 'held', date: '2026-01-20' },
    ]);
  });

  it('compares a chosen "to" with the round before it, and a chosen "from" with the last round', () => {
    const { db, negotiationId, round } = talks([held('R1', '2025-05-16'), held('R2', '2025-09-01'), held('R3', '2026-01-20')]);
    const toR2 = sinceLastRound(db, wholeInstance(db), negotiationId, null, round.R2);
    expect([toR2.from?.name, toR2.to?.name]).toEqual(['R1', 'R2']);
    const fromR1 = sinceLastRound(db, wholeInstance(db), negotiationId, round.R1);
    expect([fromR1.from?.name, fromR1.to?.name]).toEqual(['R1', 'R3']);
  });

  it('has nothing to compare with a single held round, or before the first', () => {
    const one = talks([held('R1', '2026-01-01')]);
    expect(sinceLastRound(one.db, wholeInstance(one.db), one.negotiationId)).toMatchObject({ from: null, to: { name: 'R1' }, issues: [] });
    const two = talks([held('R1', '2025-05-16'), held('R2', '2026-01-20')]);
    expect(sinceLastRound(two.db, wholeInstance(two.db), two.negotiationId, null, two.round.R1)).toMatchObject({ from: null, to: { name: 'R1' }, issues: [] });
    const none = talks([]);
    expect(sinceLastRound(none.db, wholeInstance(none.db), none.negotiationId)).toEqual({ choices: [], from: null, to: null, issues: [] });
  });
});

describe('what counts as moved', () => {
  it('an issue where only a party’s position moved is marked changed', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    t.move(t.partyA, '2026-01-05', 'Demands full withdrawal');
    t.move(t.partyB, '2026-01-05', 'Our territories are ours');
    t.move(t.partyA, '2026-02-01', 'Accepts a freeze on the line of contact');
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId).issues;
    expect(issue).toMatchObject({ statusChanged: false, statusBefore: null, statusAfter: null, changed: true });
    const [a, b] = issue.parties;
    expect(a).toMatchObject({ partyId: t.partyA, changed: true, before: { summary: 'Demands full withdrawal' }, after: { summary: 'Accepts a freeze on the line of contact' } });
    expect(b).toMatchObject({ partyId: t.partyB, changed: false, before: { summary: 'Our territories are ours' }, after: { summary: 'Our territories are ours' } });
  });

  it('an issue where nothing moved is not changed, and a party with no position shows none', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    t.move(t.partyA, '2026-01-05', 'Wants X');
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId).issues;
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
    const atR1 = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId).issues[0];
    expect(atR1).toMatchObject({ changed: false, statusChanged: false, statusBefore: 'narrowing', statusAfter: 'narrowing' });
    expect(atR1.parties[0].before?.summary).toBe('Said at R1');

    t.move(t.partyB, '2026-02-05', 'Said at R2');
    t.changeStatus('deadlocked', '2026-02-05');
    const atR2 = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId).issues[0];
    expect(atR2).toMatchObject({ changed: true, statusChanged: true, statusBefore: 'narrowing', statusAfter: 'deadlocked' });
    expect(atR2.parties.map((p) => p.changed)).toEqual([false, true]);
    expect(atR2.parties[1]).toMatchObject({ before: null, after: { summary: 'Said at R2' } });
  });

  it('what was logged after the later round does not count, nor show as its state', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    t.move(t.partyA, '2026-01-05', 'Before');
    t.move(t.partyA, '2026-02-06', 'After R2');
    t.changeStatus('agreed', '2026-02-06');
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId).issues;
    expect(issue).toMatchObject({ changed: false, statusChanged: false, statusAfter: null });
    expect(issue.parties[0]).toMatchObject({ changed: false, after: { summary: 'Before' } });
  });

  it('a round that lasted several days is compared at its last day', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-04', '2026-02-05')]);
    t.move(t.partyA, '2026-02-05', 'On the second day');
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId).issues;
    expect(issue.parties[0]).toMatchObject({ changed: true, after: { summary: 'On the second day', asOf: '2026-02-05' } });
  });

  it('compares the same window whichever order the two rounds are chosen in', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    t.move(t.partyA, '2026-01-05', 'Before');
    t.move(t.partyA, '2026-02-01', 'Between');
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId, t.round.R2, t.round.R1).issues;
    expect(issue.parties[0]).toMatchObject({ changed: true, before: { summary: 'Before' }, after: { summary: 'Between' } });
  });

  it('cites the source of a position and of a status change; a claim without a source cites none', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    const ft = t.db.transaction((tx) =>
      insertSource(tx, t.analyst.id, { outlet: 'Financial Times', title: 'Talks stall', url: null, publishedOn: '2026-02-02', quote: 'no deal', reliability: 'B', credibility: 2 }, t.negotiationId),
    );
    t.move(t.partyA, '2026-02-01', 'Sourced', ft);
    t.move(t.partyB, '2026-02-01', 'Unsourced');
    t.changeStatus('narrowing', '2026-01-20');
    t.changeStatus('deadlocked', '2026-02-02', ft);
    const [issue] = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId).issues;
    expect(issue.parties[0].after?.citation).toMatchObject({ sourceId: ft, sourceOutlet: 'Financial Times', sourceReliability: 'B', sourceCredibility: 2, sourceQuote: 'no deal' });
    expect(issue.parties[1].after?.citation).toBeNull();
    expect(issue.statusCitations).toEqual([expect.objectContaining({ sourceId: ft, sourceOutlet: 'Financial Times', sourceTitle: 'Talks stall', sourcePublishedOn: '2026-02-02' })]);
  });

  it('lists every issue of the negotiation in its order, each with every seated party', () => {
    const t = talks([held('R1', '2026-01-10'), held('R2', '2026-02-05')]);
    createIssue(t.db, t.analyst, { negotiationId: t.negotiationId, title: 'Security guarantees', description: '', status: 'proposed', priority: 'low', keyDate: null, keyDateLabel: '' });
    const other = makeNegotiation(t.db, t.analyst);
    recordPosition(t.db, t.analyst, { ...position(other.issueId, other.partyA, null, 'Elsewhere'), asOf: '2026-02-01' });
    const diff = sinceLastRound(t.db, wholeInstance(t.db), t.negotiationId);
    expect(diff.issues.map((i) => i.title)).toEqual(['Territory', 'Security guarantees']);
    expect(diff.issues.map((i) => i.parties.map((p) => p.partyId))).toEqual([
      [t.partyA, t.partyB],
      [t.partyA, t.partyB],
    ]);
    expect(diff.issues.every((i) => !i.changed)).toBe(true);
  });
});
