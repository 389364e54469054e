import { describe, expect, it } from 'vitest';
import { bottomLine, isMove, issueMoved, movementOf, type IssueChanges } from '@/lib/bottom-line';

const at = (stance: string, summary = 'Wants X') => ({ stance, summary });

describe('what a position did between two points', () => {
  it('a first recording, a hardening, a softening, a shift and a restatement', () => {
    expect(movementOf(null, at('opposes'))).toBe('first_recorded');
    expect(movementOf(at('supports'), at('conditional'))).toBe('hardened');
    expect(movementOf(at('conditional'), at('opposes'))).toBe('hardened');
    expect(movementOf(at('opposes'), at('conditional'))).toBe('softened');
    expect(movementOf(at('conditional'), at('supports'))).toBe('softened');
    expect(movementOf(at('no_position'), at('opposes'))).toBe('shifted');
    expect(movementOf(at('supports'), at('ambiguous'))).toBe('shifted');
    expect(movementOf(at('opposes', 'Old words'), at('opposes', 'New words'))).toBe('restated');
    expect(movementOf(at('opposes'), null)).toBe('restated');
  });

  it('counts everything but a first recording as a move', () => {
    expect(isMove('first_recorded')).toBe(false);
    expect(isMove(null)).toBe(false);
    for (const m of ['hardened', 'softened', 'shifted', 'restated'] as const) expect(isMove(m)).toBe(true);
  });
});

const issue = (over: Partial<IssueChanges>): IssueChanges => ({ title: 'Donbas status', statusBefore: null, statusAfter: null, statusChanged: false, parties: [], ...over });

describe('an issue’s bottom line', () => {
  it('says the status move, then the movers, then the first recordings', () => {
    const line = bottomLine(
      issue({
        statusBefore: 'under_discussion',
        statusAfter: 'deadlocked',
        statusChanged: true,
        parties: [
          { partyName: 'Ukraine', before: null, after: at('opposes'), movement: 'first_recorded' },
          { partyName: 'Russia', before: at('conditional'), after: at('opposes'), movement: 'hardened' },
          { partyName: 'United States', before: at('supports'), after: at('supports'), movement: null },
        ],
      }),
    );
    expect(line).toBe('under discussion → deadlocked; Russia hardened (conditional → opposes); position first recorded for Ukraine (opposes)');
  });

  it('words each movement', () => {
    const one = (movement: IssueChanges['parties'][number]['movement'], before: string | null, after: string) =>
      bottomLine(issue({ parties: [{ partyName: 'Russia', before: before ? at(before) : null, after: at(after), movement }] }));
    expect(one('softened', 'opposes', 'conditional')).toBe('Russia softened (opposes → conditional)');
    expect(one('shifted', 'no_position', 'opposes')).toBe('Russia shifted (no stated position → opposes)');
    expect(one('restated', 'opposes', 'opposes')).toBe('Russia restated its position (opposes)');
    expect(
      bottomLine(
        issue({
          parties: [
            { partyName: 'Russia', before: null, after: at('opposes'), movement: 'first_recorded' },
            { partyName: 'Ukraine', before: null, after: at('supports'), movement: 'first_recorded' },
          ],
        }),
      ),
    ).toBe('position first recorded for Russia (opposes), Ukraine (supports)');
  });

  it('a first recorded status is said as such, and nothing at all reads "no change"', () => {
    expect(bottomLine(issue({ statusAfter: 'under_discussion', statusChanged: true }))).toBe('status first recorded: under discussion');
    expect(bottomLine(issue({}))).toBe('no change');
  });

  it('an issue moved when its status went from one to another or a position moved; first recordings alone are not a move', () => {
    expect(issueMoved(issue({ statusBefore: 'under_discussion', statusAfter: 'deadlocked', statusChanged: true }))).toBe(true);
    expect(issueMoved(issue({ statusAfter: 'under_discussion', statusChanged: true }))).toBe(false);
    expect(issueMoved(issue({ parties: [{ partyName: 'Russia', before: null, after: at('opposes'), movement: 'first_recorded' }] }))).toBe(false);
    expect(issueMoved(issue({ parties: [{ partyName: 'Russia', before: at('supports'), after: at('opposes'), movement: 'hardened' }] }))).toBe(true);
    expect(issueMoved(issue({ parties: [{ partyName: 'Russia', before: at('supports'), after: at('supports'), movement: null }] }))).toBe(false);
  });
});
