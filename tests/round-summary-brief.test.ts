// The brief that opens every format of a round summary (lib/round-summary/brief.ts), on briefings written by
// hand; the demo round's is checked in every format by tests/summary-exports.test.ts and the format tests.
import { describe, expect, it } from 'vitest';
import { roundBrief } from '@/lib/round-summary/brief';
import { citedSources } from '@/lib/round-summary/citations';
import type { RoundSummary, SummaryIssue } from '@/lib/round-summary/types';
import { EL_PAIS_CITING_TASS, FT, fullSummary, homeworkItem, PARTIES } from './summary-sample';

const brief = (over: Partial<RoundSummary> = {}) => roundBrief({ ...fullSummary(), ...over }, PARTIES);
const [donbas, milToMil] = fullSummary().issues;
const russia = donbas.positions[0];
/** Donbas with Russia's position as given (the other parties as in the sample). */
const donbasWith = (position: Partial<NonNullable<typeof russia.position>>, issue: Partial<SummaryIssue> = {}): SummaryIssue => ({
  ...donbas,
  ...issue,
  positions: [{ ...russia, position: { ...russia.position!, ...position } }, ...donbas.positions.slice(1)],
});

describe('the bottom line: what moved', () => {
  it('names each issue that moved: its status before → after and each party that moved, as since the last round says it', () => {
    expect(brief().bottomLine.moved).toBe('Donbas status: under discussion → deadlocked; Russia hardened (conditional → opposes).');
  });

  it('does not count a first recorded position as a move, but says how many there are', () => {
    const first = donbasWith({ stanceBefore: null, changedAtRound: true }, { statusChanged: false, statusBefore: 'deadlocked', statusAfter: 'deadlocked' });
    expect(brief({ issues: [first, milToMil] }).bottomLine.moved).toBe(
      'Nothing moved: no issue changed status and no party changed its position. 1 position recorded for the first time (not counted as moves).',
    );
    const two = { ...first, positions: first.positions.map((p) => (p.position ? { ...p, position: { ...p.position, stanceBefore: null, changedAtRound: true } } : p)) };
    expect(brief({ issues: [two] }).bottomLine.moved).toMatch(/ 2 positions recorded for the first time \(not counted as moves\)\.$/);
    // A position held from before the round, unchanged, is neither a move nor a first recording.
    expect(brief({ issues: [donbasWith({ stanceBefore: null, changedAtRound: false }, { statusChanged: false })] }).bottomLine.moved).toBe(
      'Nothing moved: no issue changed status and no party changed its position.',
    );
  });

  it('says a status move and the first recordings together', () => {
    const first = donbasWith({ stanceBefore: null, changedAtRound: true });
    expect(brief({ issues: [first] }).bottomLine.moved).toBe('Donbas status: under discussion → deadlocked. 1 position recorded for the first time (not counted as moves).');
  });

  it('lists stance moves alone when no status changed', () => {
    expect(brief({ issues: [{ ...donbas, statusChanged: false }] }).bottomLine.moved).toBe('Donbas status: Russia hardened (conditional → opposes).');
    const softened = donbasWith({ stanceBefore: 'opposes', stance: 'conditional' }, { statusChanged: false });
    expect(brief({ issues: [softened, { ...softened, title: 'Ceasefire' }] }).bottomLine.moved).toBe('Donbas status: Russia softened (opposes → conditional). Ceasefire: Russia softened (opposes → conditional).');
  });

  it('says a party restated its position when it changed without changing its stance, and leaves out a position held from before', () => {
    const restated = donbasWith({ stanceBefore: 'opposes' }, { statusChanged: false });
    expect(brief({ issues: [restated] }).bottomLine.moved).toBe('Donbas status: Russia restated its position (opposes).');
  });

  it('says a planned round has not moved anything yet', () => {
    expect(brief({ round: { ...fullSummary().round, status: 'planned' } }).bottomLine.moved).toBe('Not held yet: the stances below are where the parties stand today.');
  });

  it('says a cancelled round moved nothing, when and why it was called off, and who says so', () => {
    const cancelled = { ...fullSummary().round, status: 'cancelled', cancellation: { on: '2026-03-03', reason: 'Russia recalled its delegation.', source: FT } };
    expect(brief({ round: cancelled }).bottomLine.moved).toBe('Nothing moved: the round did not take place. Cancelled on 3 Mar 2026: Russia recalled its delegation (Financial Times).');
  });
});

describe('the bottom line: what was agreed', () => {
  it('lists the outcomes, each without its own full stop', () => {
    expect(brief({ outcomes: [{ ...fullSummary().outcomes[0], text: '  Exchange of 314 POWs (FT). ' }, { ...fullSummary().outcomes[1], text: 'A third round in the coming weeks.;' }] }).bottomLine.agreed).toBe(
      'Exchange of 314 POWs (FT); A third round in the coming weeks.',
    );
  });

  it('without outcomes, names the issues that reached agreement at the round', () => {
    const agreed = { ...donbas, statusAfter: 'agreed' };
    const inPrinciple = { ...milToMil, statusChanged: true, statusAfter: 'agreed_in_principle' };
    const notMoved = { ...milToMil, title: 'Prisoners', statusChanged: false, statusAfter: 'agreed' };
    expect(brief({ outcomes: [], issues: [agreed, inPrinciple, notMoved] }).bottomLine.agreed).toBe('Donbas status: agreed; Military-to-military dialogue: agreed in principle.');
    expect(brief({ outcomes: [], issues: [{ ...donbas, statusAfter: 'narrowing' }] }).bottomLine.agreed).toBe('Nothing: no outcome recorded.');
  });
});

describe('the bottom line: what is due next', () => {
  it('counts the homework still open and the overdue, names where it is due, and the next key date still ahead', () => {
    expect(brief().bottomLine.dueNext).toBe('3 homework items open, 1 overdue, due by 1 Feb 2026, Round 3. Next key date: 5 Aug 2026, key date (Good-faith observance), in 157 days.');
  });

  it('counts an item whose vague window has passed as overdue (estimated), apart from the overdue', () => {
    const vague = homeworkItem({ dueRound: 'Round 3', dueOn: null, overdue: true, state: 'overdue_estimated' });
    const late = homeworkItem({ dueRound: 'Round 3', dueOn: null, overdue: true, state: 'overdue' });
    expect(brief({ homeworkAssigned: [vague, late, vague], homeworkDue: [], keyDates: [] }).bottomLine.dueNext).toBe(
      '3 homework items open, 1 overdue, 2 overdue (estimated: a vague date\'s window has passed), due by Round 3.',
    );
  });

  it('counts one item in the singular, leaves out the overdue count and the due place when there is none', () => {
    const one = brief({ homeworkAssigned: [homeworkItem({ dueRound: null, dueOn: null })], homeworkDue: [], keyDates: [] });
    expect(one.bottomLine.dueNext).toBe('1 homework item open.');
  });

  it('says when no homework is open, and names a key date that falls today', () => {
    const keyDate = { ...fullSummary().keyDates[0], label: 'New START expires', daysFromToday: 0 };
    expect(brief({ homeworkAssigned: [], homeworkDue: [homeworkItem({ status: 'delivered', state: 'delivered' })], keyDates: [keyDate] }).bottomLine.dueNext).toBe(
      'No homework open. Next key date: 5 Feb 2026, New START expires (New START extension), today.',
    );
  });
});

describe('the stance table', () => {
  it('has a column for each party listed under any issue, in the briefing’s order, and a row per issue', () => {
    const table = brief();
    expect(table.parties.map((p) => p.shortName)).toEqual(['US', 'RU', 'UA']);
    expect(table.rows.map((r) => [r.issueTitle, r.status, r.statusChanged, r.stances.map((s) => s.text)])).toEqual([
      ['Donbas status', 'under discussion → deadlocked', true, ['—', 'conditional → opposes', 'opposes']],
      ['Military-to-military dialogue', 'proposed', false, ['—', '—', '—']],
    ]);
    expect(table.rows[0].stances.map((s) => [s.partyId, s.stance, s.stanceBefore, s.moved])).toEqual([
      [11, null, null, false],
      [12, 'opposes', 'conditional', true],
      [13, 'opposes', 'opposes', false],
    ]);
  });

  it('leaves out the parties no issue lists, and shows a first recorded stance without an arrow', () => {
    const table = roundBrief({ ...fullSummary(), issues: [donbasWith({ stanceBefore: null })] }, [...PARTIES, { id: 99, name: 'China', shortName: 'CN' }]);
    expect(table.parties.map((p) => p.name)).toEqual(['United States', 'Russia', 'Ukraine']);
    expect(table.rows[0].stances[1]).toMatchObject({ text: 'opposes', moved: false });
  });
});

describe('the homework of the brief', () => {
  it('is what is still open, overdue first, then what was due at the round before what it handed out', () => {
    const s = fullSummary();
    const inProgress = homeworkItem({ id: 9, title: 'Draft', status: 'in_progress', state: 'in_progress' });
    const dropped = homeworkItem({ id: 10, title: 'Dropped', status: 'dropped', state: 'dropped' });
    const titles = brief({ homeworkDue: [inProgress, ...s.homeworkDue, dropped] }).homeworkDue.map((h) => h.title);
    expect(titles).toEqual(['List of detainees', 'Draft', 'Withdrawal mechanics', 'Monitoring arrangements']);
  });
});

describe('the sources a briefing cites', () => {
  it('are listed once each, by article in the order first cited (the cancellation, the positions, the outcomes, the updates), numbered as listed', () => {
    const s = fullSummary();
    const reuters = { ...FT, id: 7, outlet: 'Reuters' };
    const tass = { ...EL_PAIS_CITING_TASS, id: 8, quote: 'another quote' };
    const otherFtQuote = { ...FT, id: 9, quote: 'a second quote', citedOutlet: 'RT' };
    const cancelled = { ...s, round: { ...s.round, cancellation: { on: null, reason: '', source: reuters } }, keyUpdates: [{ ...s.keyUpdates[0], sources: [otherFtQuote, FT, tass] }] };
    const { articles, numberOf } = citedSources(cancelled);
    expect(articles.map((a) => [a.outlet, a.quotes.map((q) => [q.number, q.source.id])])).toEqual([
      ['Reuters', [[1, 7]]],
      ['El País', [[2, 2], [3, 8]]],
      ['Financial Times', [[4, 1], [5, 9]]],
    ]);
    expect(articles[2]).toMatchObject({ title: FT.title, url: FT.url, publishedOn: FT.publishedOn, publishedOnPrecision: 'day' });
    expect([numberOf(reuters), numberOf(EL_PAIS_CITING_TASS), numberOf(tass), numberOf(FT), numberOf(otherFtQuote)]).toEqual([1, 2, 3, 4, 5]);
    expect(citedSources({ ...s, issues: [], outcomes: [], keyUpdates: [] }).articles).toEqual([]);
  });

  it('keeps apart quotes of one outlet from different articles, dates or addresses', () => {
    const s = fullSummary();
    const variants = [{ title: 'Other' }, { url: 'https://ft.com/other' }, { publishedOn: '2026-02-06' }, { publishedOnPrecision: 'approx' as const }].map((v, i) => ({ ...FT, id: 20 + i, ...v }));
    const { articles } = citedSources({ ...s, issues: [], outcomes: [], keyUpdates: [{ ...s.keyUpdates[0], sources: [FT, ...variants] }] });
    expect(articles.map((a) => a.quotes.length)).toEqual([1, 1, 1, 1, 1]);
  });
});
