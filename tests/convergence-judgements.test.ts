import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser } from './factories';
import { issueIdByTitle } from './demo-records';
import { loadDemoData } from '@/db/demo/load';
import { convergenceOfIssue, convergenceTrends } from '@/db/queries/convergence';
import { setConvergence } from '@/db/mutations/convergence';
import { rounds } from '@/db/schema';
import { trendOf, TREND_ARROWS } from '@/lib/convergence';
import { ForbiddenError } from '@/lib/roles';
import { InvalidInputError } from '@/lib/errors';
import { wholeInstance } from '@/db/queries/access';

describe('convergence', () => {
  it('reads the demo judgements per issue across rounds, and each issue’s trend in one call', () => {
    const db = freshDb();
    loadDemoData(db, makeUser(db, 'admin'));
    const donbas = issueIdByTitle(db, 'Donbas status');
    const points = convergenceOfIssue(db, wholeInstance(db), donbas);
    expect(points.map((p) => [p.roundName, p.distance])).toEqual([
      ['Istanbul', 4],
      ['Abu Dhabi round 1', 4],
      ['Abu Dhabi round 2', 4],
      ['Round 3', null],
    ]);
    const trends = convergenceTrends(db, wholeInstance(db));
    expect(trends.get(donbas)).toMatchObject({ latest: 4, previous: 4, delta: 0, direction: 'unchanged' });
    expect(trends.get(issueIdByTitle(db, 'Security guarantees'))).toMatchObject({ latest: 4, delta: 1, direction: 'diverging' });
    expect(trends.get(issueIdByTitle(db, 'Ceasefire monitoring'))).toMatchObject({ latest: 2, delta: -1, direction: 'converging' });
    expect(trends.get(issueIdByTitle(db, 'Prisoner exchanges'))).toMatchObject({ latest: 0, delta: -1, direction: 'converging' });
    expect(trends.has(issueIdByTitle(db, 'New START extension'))).toBe(false);
  });

  it('maps deltas to arrows', () => {
    expect(trendOf([])).toBeNull();
    expect(trendOf([3])).toEqual({ latest: 3, previous: null, delta: null, direction: null });
    expect(TREND_ARROWS[trendOf([4, 2])!.direction!]).toBe('▲');
    expect(TREND_ARROWS[trendOf([1, 3])!.direction!]).toBe('▼');
    expect(TREND_ARROWS[trendOf([2, 2])!.direction!]).toBe('=');
  });

  it('records and replaces a judgement per round, in round order, for analysts only', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { negotiationId, issueId } = makeNegotiation(db, analyst);
    const [r1, r2] = [1, 2].map(
      (sequence) => db.insert(rounds).values({ negotiationId, sequence, name: `R${sequence}`, format: 'direct', status: 'held' }).returning().get().id,
    );
    // Recorded out of order: the trend still follows the rounds' sequence.
    setConvergence(db, analyst, { version: null, issueId, roundId: r2, distance: 1, note: 'closer' });
    setConvergence(db, analyst, { version: null, issueId, roundId: r1, distance: 3, note: 'far' });
    expect(convergenceTrends(db, wholeInstance(db), [issueId]).get(issueId)).toMatchObject({ latest: 1, previous: 3, direction: 'converging' });
    setConvergence(db, analyst, { version: null, issueId, roundId: r2, distance: 4, note: 'walked out' });
    expect(convergenceOfIssue(db, wholeInstance(db), issueId).map((p) => p.distance)).toEqual([3, 4]);
    expect(convergenceTrends(db, wholeInstance(db), [issueId]).get(issueId)?.direction).toBe('diverging');
    const audit = db.$client.prepare(`SELECT action FROM audit_log WHERE entity = 'convergence' ORDER BY id`).all() as { action: string }[];
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'update']);

    expect(() => setConvergence(db, makeUser(db, 'viewer'), { version: null, issueId, roundId: r1, distance: 0, note: '' })).toThrow(ForbiddenError);
    const other = makeNegotiation(db, analyst);
    const foreign = db.insert(rounds).values({ negotiationId: other.negotiationId, sequence: 1, name: 'X', format: 'direct', status: 'held' }).returning().get().id;
    expect(() => setConvergence(db, analyst, { version: null, issueId, roundId: foreign, distance: 0, note: '' })).toThrow(InvalidInputError);
    expect(convergenceOfIssue(db, wholeInstance(db), issueId).map((p) => p.distance)).toEqual([3, 4]);
  });
});
