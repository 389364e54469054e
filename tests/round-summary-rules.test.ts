// The briefing's rules at their edges, on rows written by hand: the first and last day of a round, a round
// without dates, the order issues and owners are listed in, and what a briefing cites.
import { describe, expect, it } from 'vitest';
import { assembleRoundSummary } from '@/lib/round-summary/assemble';
import { isKeyUpdate, roundSpan } from '@/lib/round-summary/scope';
import { CN, DONBAS, GUARANTEES, issue, issueTitled, NATO, OTHER_TALKS, positionOf, round, rows, RU, TALKS, task, TODAY, UA, US, version } from './round-summary-rows';

const change = (id: number, toStatus: string, changedOn: string, issueId = DONBAS.id) => ({ id, issueId, toStatus, changedOn });
const briefing = (over: Parameters<typeof rows>[0] = {}) => assembleRoundSummary(rows(over), TODAY);

describe('the status of an issue across the round', () => {
  it('counts a change on the round’s first day as made at the round, and one on its last day too', () => {
    const donbas = issueTitled(briefing({ statusChanges: [change(1, 'under_discussion', '2025-05-16'), change(2, 'narrowing', '2026-02-04'), change(3, 'deadlocked', '2026-02-05')] }), 'Donbas status');
    expect(donbas).toMatchObject({ statusBefore: 'under_discussion', statusAfter: 'deadlocked', statusChanged: true, statusBeforeIsFirstRecorded: false });
  });

  it('for a one-day round (no end date), ignores a change the day after', () => {
    const oneDay = briefing({ round: round({ endsOn: null }), statusChanges: [change(1, 'under_discussion', '2025-05-16'), change(2, 'deadlocked', '2026-02-05')] });
    expect(issueTitled(oneDay, 'Donbas status')).toMatchObject({ statusBefore: 'under_discussion', statusAfter: 'under_discussion', statusChanged: false });
  });

  it('when the only change came after the round, shows that first recorded status on both sides', () => {
    const donbas = issueTitled(briefing({ statusChanges: [change(1, 'narrowing', '2026-02-20')] }), 'Donbas status');
    expect(donbas).toMatchObject({ statusBefore: 'narrowing', statusBeforeIsFirstRecorded: true, statusAfter: 'narrowing', statusChanged: false });
  });

  it('for a round without dates, shows the issue’s status as it stands, whatever was recorded', () => {
    const undated = briefing({ round: round({ startsOn: null, endsOn: null, status: 'planned' }), statusChanges: [change(1, 'under_discussion', '2025-05-16')] });
    expect(issueTitled(undated, 'Donbas status')).toMatchObject({ statusBefore: 'deadlocked', statusBeforeIsFirstRecorded: false, statusAfter: 'deadlocked', statusChanged: false });
  });

  it('for a cancelled round, reads the status at its dates like a held one', () => {
    const cancelled = briefing({ round: round({ status: 'cancelled' }), statusChanges: [change(1, 'under_discussion', '2025-05-16'), change(2, 'narrowing', '2026-02-20')] });
    expect(issueTitled(cancelled, 'Donbas status')).toMatchObject({ statusBefore: 'under_discussion', statusAfter: 'under_discussion' });
    expect(roundSpan(round({ status: 'cancelled' }))).toEqual({ start: '2026-02-04', end: '2026-02-05', isPlanned: false });
    expect(roundSpan(round({ status: 'planned' }))).toEqual({ start: '2026-02-04', end: '2026-02-05', isPlanned: true });
  });
});

describe("a party's position at the round", () => {
  it('takes the last version recorded for the round, even one dated after it', () => {
    const first = version(GUARANTEES.id, RU, '2026-02-04', { roundId: 100, stance: 'conditional' });
    const second = version(GUARANTEES.id, RU, '2026-02-10', { roundId: 100, stance: 'opposes' });
    const later = version(GUARANTEES.id, RU, '2026-02-12', { roundId: null, stance: 'supports' });
    const ru = positionOf(briefing({ positions: [first, second, later] }), 'Security guarantees', 'RU')!.position!;
    expect(ru).toMatchObject({ id: second.id, stance: 'opposes', atThisRound: true, change: 'First recorded position.', changedAtRound: true });
  });

  it('of three versions recorded for the round, takes the last', () => {
    const recorded = ['conditional', 'ambiguous', 'opposes'].map((stance, n) => version(GUARANTEES.id, RU, `2026-02-0${4 + n}`, { roundId: 100, stance: stance as 'opposes' }));
    expect(positionOf(briefing({ positions: recorded }), 'Security guarantees', 'RU')!.position).toMatchObject({ id: recorded[2].id, stance: 'opposes' });
  });

  it('of a held round, takes a version dated on its last day, not one dated after it', () => {
    const onLastDay = version(GUARANTEES.id, UA, '2026-02-05', { summary: 'Guarantees first' });
    const after = version(GUARANTEES.id, UA, '2026-02-06', { summary: 'Ceasefire first' });
    const ua = positionOf(briefing({ positions: [onLastDay, after] }), 'Security guarantees', 'UA')!.position!;
    expect(ua).toMatchObject({ id: onLastDay.id, summary: 'Guarantees first', atThisRound: false, asOf: '2026-02-05' });
  });

  it('counts a version dated on the round’s first day as changed at the round', () => {
    const before = version(GUARANTEES.id, UA, '2026-02-03', { stance: 'conditional', flexibility: 'moderate' });
    const onFirstDay = version(GUARANTEES.id, UA, '2026-02-04');
    const ua = positionOf(briefing({ positions: [before, onFirstDay] }), 'Security guarantees', 'UA')!.position!;
    expect(ua).toMatchObject({ id: onFirstDay.id, changedAtRound: true, change: 'Stance conditional → opposes; flexibility moderate → rigid.' });
  });

  it('of a planned round without a current version, takes the latest one', () => {
    const planned = rows({
      round: round({ status: 'planned', startsOn: null, endsOn: null }),
      positions: [version(GUARANTEES.id, UA, '2026-01-10'), version(GUARANTEES.id, UA, '2026-02-01'), version(GUARANTEES.id, UA, '2026-02-20', { summary: 'Latest' })],
    });
    const ua = positionOf(assembleRoundSummary(planned, TODAY), 'Security guarantees', 'UA')!.position!;
    expect(ua).toMatchObject({ summary: 'Latest', change: 'First recorded position.' });
  });

  it('of a planned round, takes the current version, even when an earlier one carries a later date', () => {
    const current = version(GUARANTEES.id, UA, '2026-02-10', { isCurrent: true, summary: 'As it stands' });
    const misdated = version(GUARANTEES.id, UA, '2026-02-20', { summary: 'Superseded' });
    const planned = rows({ round: round({ status: 'planned', startsOn: null, endsOn: null }), positions: [current, misdated] });
    expect(positionOf(assembleRoundSummary(planned, TODAY), 'Security guarantees', 'UA')!.position).toMatchObject({ id: current.id, summary: 'As it stands' });
  });

  it('is "none recorded" for a seated party whose only version came after the round', () => {
    const after = version(GUARANTEES.id, RU, '2026-02-20');
    expect(positionOf(briefing({ positions: [after] }), 'Security guarantees', 'RU')).toMatchObject({ partyName: 'Russia', partyShort: 'RU', position: null });
  });

  it('cites its source, and none when the version has none', () => {
    const source = { id: 9, outlet: 'Reuters', title: '', url: null, publishedOn: null, publishedOnPrecision: 'day' as const, publishedOnLabel: '', quote: 'no troops', reliability: 'A', credibility: 2, citesSourceId: null };
    const cited = version(GUARANTEES.id, RU, '2026-02-05', { sourceId: 9 });
    const uncited = version(GUARANTEES.id, UA, '2026-02-05');
    const summary = briefing({ positions: [cited, uncited], sources: [source] });
    expect(positionOf(summary, 'Security guarantees', 'RU')!.position!.source).toEqual({ ...source, citesSourceId: undefined, citedOutlet: null });
    expect(positionOf(summary, 'Security guarantees', 'UA')!.position!.source).toBeNull();
  });

  it('lists an observer who holds one, a guarantor who holds none, and a party not seated only on the issue it holds one on', () => {
    const seats = [...rows().seats, { id: 16, name: 'Türkiye', shortName: 'TR', role: 'guarantor' as const }];
    const summary = briefing({
      seats,
      positions: [version(GUARANTEES.id, NATO, '2026-02-04'), version(GUARANTEES.id, CN, '2026-02-04')],
      otherParties: [{ id: CN, name: 'China', shortName: 'CN' }],
    });
    expect(issueTitled(summary, 'Security guarantees').positions.map((p) => p.partyShort)).toEqual(['RU', 'UA', 'NATO', 'TR', 'CN']);
    expect(issueTitled(summary, 'Donbas status').positions.map((p) => p.partyShort)).toEqual(['RU', 'UA', 'TR']);
  });
});

describe('the order of a briefing', () => {
  it('lists the round’s own issues in the negotiation’s order, then the others negotiation by negotiation', () => {
    const own = [issue(1, 'Donbas status', { sortOrder: 2 }), issue(2, 'Security guarantees', { sortOrder: 1 }), issue(3, 'Ceasefire monitoring', { sortOrder: 1 })];
    const arms = (id: number, title: string, sortOrder: number) => issue(id, title, { negotiationId: OTHER_TALKS, negotiationName: 'US–Russia strategic stability', sortOrder });
    const black = issue(7, 'Grain corridor', { negotiationId: 3, negotiationName: 'Black Sea grain deal', sortOrder: 9 });
    const accented = issue(8, 'Ports', { negotiationId: 4, negotiationName: 'Élysée format', sortOrder: 0 });
    const shown = [arms(5, 'New START extension', 2), accented, own[0], black, arms(6, 'Military-to-military dialogue', 1), own[2], own[1]];
    const summary = briefing({ issues: shown, agendaIssueIds: shown.map((i) => i.id) });
    expect(summary.issues.map((i) => i.title)).toEqual([
      'Security guarantees',
      'Ceasefire monitoring',
      'Donbas status',
      'Grain corridor',
      'Military-to-military dialogue',
      'New START extension',
      // By code units, the same on every machine: an accented capital sorts after Z.
      'Ports',
    ]);
  });

  it('lists a homework item’s owners in seat order, parties not seated after them by name', () => {
    const summary = briefing({
      homework: [task(1)],
      homeworkOwners: [
        { homeworkId: 1, partyId: 99, name: 'Turkey' },
        { homeworkId: 1, partyId: UA, name: 'Ukraine' },
        { homeworkId: 1, partyId: 98, name: 'Belarus' },
        { homeworkId: 1, partyId: US, name: 'United States' },
        { homeworkId: 1, partyId: CN, name: 'China' },
      ],
      otherParties: [{ id: CN, name: 'China', shortName: 'CN' }],
    });
    expect(summary.homeworkAssigned[0].owners).toEqual(['United States', 'Ukraine', 'China', 'Belarus', 'Turkey']);
  });
});

describe('the homework of a round', () => {
  it('carries what the analyst recorded, and names its rounds only when they are known', () => {
    const item = task(1, { description: 'Maps of the line of contact', issueTitle: 'Donbas status', dueOn: '2026-04-01', resolution: 'Partly delivered', vague: true, status: 'in_progress', assignedRoundId: 100, dueRoundId: 404 });
    const orphan = task(2, { assignedRoundId: 98, dueRoundId: null });
    const summary = briefing({ homework: [item, orphan], homeworkRounds: [{ id: 100, name: 'Abu Dhabi round 2', status: 'held', startsOn: '2026-02-04' }] });
    expect(summary.homeworkAssigned).toEqual([
      {
        id: 1,
        title: 'Homework 1',
        description: 'Maps of the line of contact',
        issueTitle: 'Donbas status',
        owners: [],
        assignedRound: 'Abu Dhabi round 2',
        dueRound: null,
        dueOn: '2026-04-01',
        dueOnPrecision: 'day',
        dueOnLabel: '',
        dueRoundWhen: '',
        status: 'in_progress',
        overdue: false,
        state: 'in_progress',
        resolution: 'Partly delivered',
        vague: true,
      },
    ]);
    expect(summary.homeworkDue).toMatchObject([{ id: 2, assignedRound: null, dueRound: null }]);
  });
});

describe('what a briefing cites', () => {
  const update = (id: number, over: object = {}) => ({ id, occurredOn: '2026-02-05', body: `Update ${id}`, roundId: 100, negotiationId: TALKS, negotiationName: 'Russia–Ukraine peace talks', ...over });
  const source = (id: number, over: object = {}) => ({ id, outlet: `Outlet ${id}`, title: '', url: null, publishedOn: null, publishedOnPrecision: 'day' as const, publishedOnLabel: '', quote: '', reliability: 'B', credibility: 2, citesSourceId: null, ...over });

  it('gives each update its issues, parties and known sources, and an update without any none', () => {
    const summary = briefing({
      updates: [update(50), update(51, { occurredOn: '2026-02-04' })],
      updateIssues: [{ updateId: 50, issueId: DONBAS.id, title: 'Donbas status' }],
      updateParties: [{ updateId: 50, name: 'Ukraine' }],
      updateSources: [
        { updateId: 50, sourceId: 7 },
        { updateId: 50, sourceId: 404 },
      ],
      sources: [source(7, { citesSourceId: 404 })],
    });
    expect(summary.keyUpdates).toEqual([
      { id: 50, occurredOn: '2026-02-05', occurredOnPrecision: 'day', occurredOnLabel: '', body: 'Update 50', negotiationName: 'Russia–Ukraine peace talks', issues: ['Donbas status'], parties: ['Ukraine'], sources: [{ ...source(7), citesSourceId: undefined, citedOutlet: null }] },
      { id: 51, occurredOn: '2026-02-04', occurredOnPrecision: 'day', occurredOnLabel: '', body: 'Update 51', negotiationName: 'Russia–Ukraine peace talks', issues: [], parties: [], sources: [] },
    ]);
  });

  it('gives each outcome its issue and source', () => {
    const summary = briefing({
      outcomes: [
        { id: 1, text: 'Exchange of 314 prisoners', issueTitle: 'Prisoner exchanges', sourceId: 7 },
        { id: 2, text: 'A third round', issueTitle: null, sourceId: null },
      ],
      sources: [source(7)],
    });
    expect(summary.outcomes).toEqual([
      { id: 1, text: 'Exchange of 314 prisoners', issueTitle: 'Prisoner exchanges', source: { ...source(7), citesSourceId: undefined, citedOutlet: null } },
      { id: 2, text: 'A third round', issueTitle: null, source: null },
    ]);
  });

  it('is a key update when any one of its issues is shown', () => {
    const elsewhere = { roundId: null, negotiationId: OTHER_TALKS };
    expect(isKeyUpdate(elsewhere, [GUARANTEES.id, DONBAS.id], round(), new Set([DONBAS.id]))).toBe(true);
    expect(isKeyUpdate({ roundId: 99, negotiationId: OTHER_TALKS }, [], round(), new Set())).toBe(false);
  });
});

describe('the round a briefing is about', () => {
  it('carries the round’s facts, its delegations and the day it was made', () => {
    const facts = round({ approxDate: 'early February', summary: 'Talks ended.' });
    const delegations = [{ partyName: 'United States', partyShort: 'US', head: 'Steve Witkoff' }];
    const summary = briefing({ round: facts, delegations });
    const { negotiationId: _, cancelledOn: _on, cancellationReason: _why, cancellationSourceId: _source, ...shown } = facts;
    expect(summary.round).toEqual({ ...shown, startsOnPrecision: 'day', startsOnLabel: '', cancellation: null });
    expect(summary).toMatchObject({ today: TODAY, negotiation: { id: TALKS, name: 'Russia–Ukraine peace talks' }, delegations });
  });
});
