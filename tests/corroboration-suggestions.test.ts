import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser } from './factories';
import { insertUpdate } from './demo-records';
import { suggestCorroborations } from '@/db/queries/corroborations';
import { wholeInstance } from '@/db/queries/access';

// When two reports are offered as possibly the same event: how many words they must share.

const words = (n: number) => Array.from({ length: n }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`).join(' ');

function pair(first: string, second: string) {
  const db = freshDb();
  const analyst = makeUser(db, 'analyst');
  const { negotiationId, issueId } = makeNegotiation(db, analyst);
  for (const body of [first, second]) insertUpdate(db, { negotiationId, authorId: analyst.id, occurredOn: '2026-03-10', issueIds: [issueId], body });
  return suggestCorroborations(db, wholeInstance(db));
}

describe('suggested corroborations', () => {
  it('two reports sharing one significant word in twenty are suggested, one in twenty-one are not', () => {
    expect(pair(`prisoners ${words(19)}`, 'prisoners').map((p) => p.score)).toEqual([1 / 20]);
    expect(pair(`prisoners ${words(20)}`, 'prisoners')).toEqual([]);
  });

  it('shared function words do not make two reports look alike', () => {
    expect(pair('They said that there would have been more', 'They said that there would have been more')).toEqual([]);
  });
});
