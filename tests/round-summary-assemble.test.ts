// The round briefing's rules on rows written by hand: no database. What the loader reads is checked
// by tests/summary-exports.test.ts (the demo round against reviewed fixtures) and tests/bench-queries.test.ts.
import { describe, expect, it } from 'vitest';
import { assembleRoundSummary } from '@/lib/round-summary/assemble';
import { isKeyUpdate, keyDatesFrom } from '@/lib/round-summary/scope';
import { CN, DONBAS, GUARANTEES, issue, issueTitled, OTHER_TALKS, positionOf, round, rows, RU, TALKS, task, TODAY, UA, US, version } from './round-summary-rows';

describe('an agenda issue: status before and after the round', () => {
  const changes = [
    { id: 1, issueId: DONBAS.id, toStatus: 'under_discussion', changedOn: '2025-05-16' },
    { id: 2, issueId: DONBAS.id, toStatus: 'deadlocked', changedOn: '2026-02-05' },
  ];

  it('shows the status in force when the round started and the one it ended with', () => {
    const donbas = issueTitled(assembleRoundSummary(rows({ statusChanges: changes }), TODAY), 'Donbas status');
    expect(donbas).toMatchObject({ statusBefore: 'under_discussion', statusAfter: 'deadlocked', statusChanged: true, statusBeforeIsFirstRecorded: false });
  });

  it('says when the status before is only the first one recorded', () => {
    const donbas = issueTitled(assembleRoundSummary(rows({ statusChanges: [changes[1]] }), TODAY), 'Donbas status');
    expect(donbas).toMatchObject({ statusBefore: 'deadlocked', statusBeforeIsFirstRecorded: true, statusChanged: false });
  });

  it('ignores a change after the round, and keeps the issue status when none is recorded', () => {
    const later = [changes[0], { ...changes[1], changedOn: '2026-02-20' }];
    const summary = assembleRoundSummary(rows({ statusChanges: later }), TODAY);
    expect(issueTitled(summary, 'Donbas status')).toMatchObject({ statusBefore: 'under_discussion', statusAfter: 'under_discussion', statusChanged: false });
    expect(issueTitled(summary, 'Security guarantees')).toMatchObject({ statusBefore: 'under_discussion', statusAfter: 'under_discussion' });
  });

  it('for a planned round, "after" is the status as it stands now', () => {
    const later = [changes[0], { ...changes[1], changedOn: '2026-02-20' }];
    const planned = rows({ round: round({ status: 'planned', startsOn: '2026-04-01', endsOn: null }), statusChanges: later });
    expect(issueTitled(assembleRoundSummary(planned, TODAY), 'Donbas status')).toMatchObject({ statusBefore: 'deadlocked', statusAfter: 'deadlocked' });
  });
});

describe("a party's position at the round", () => {
  it('says what changed at the round against the version in force before it', () => {
    const before = version(GUARANTEES.id, RU, '2026-01-10');
    const atRound = version(GUARANTEES.id, RU, '2026-02-05', { stance: 'conditional', summary: 'Guarantees without NATO', roundId: 100 });
    const ru = positionOf(assembleRoundSummary(rows({ positions: [before, atRound] }), TODAY), 'Security guarantees', 'RU')!;
    expect(ru.position).toMatchObject({
      id: atRound.id,
      atThisRound: true,
      changedAtRound: true,
      change: 'Stance opposes → conditional; summary revised.',
    });
  });

  it('says "no change" when the version before the round still held at its end', () => {
    const before = version(GUARANTEES.id, UA, '2026-01-10');
    const after = version(GUARANTEES.id, UA, '2026-02-20', { isCurrent: true });
    const ua = positionOf(assembleRoundSummary(rows({ positions: [before, after] }), TODAY), 'Security guarantees', 'UA')!;
    expect(ua.position).toMatchObject({ id: before.id, changedAtRound: false, change: 'No change at this round.' });
  });

  it('for a planned round, shows the current version', () => {
    const old = version(GUARANTEES.id, UA, '2026-01-10');
    const current = version(GUARANTEES.id, UA, '2026-02-20', { isCurrent: true });
    const planned = rows({ round: round({ status: 'planned', startsOn: null, endsOn: null }), positions: [old, current] });
    expect(positionOf(assembleRoundSummary(planned, TODAY), 'Security guarantees', 'UA')!.position!.id).toBe(current.id);
  });

  it('lists seated parties without a position as none recorded, names mediators without one once, skips observers without one, and adds parties not seated that hold one', () => {
    const china = version(GUARANTEES.id, CN, '2026-02-04');
    const summary = assembleRoundSummary(rows({ positions: [china], otherParties: [{ id: CN, name: 'China', shortName: 'CN' }] }), TODAY);
    const listed = issueTitled(summary, 'Security guarantees').positions.map((p) => [p.partyShort, p.position?.id ?? null]);
    expect(summary.mediatorsWithoutPosition).toEqual(['United States']);
    expect(listed).toEqual([
      ['RU', null],
      ['UA', null],
      ['CN', china.id],
    ]);
  });

  it('lists a mediator under the issues it holds a position on, and nowhere else', () => {
    const us = version(GUARANTEES.id, US, '2026-02-04');
    const summary = assembleRoundSummary(rows({ positions: [us] }), TODAY);
    expect(summary.mediatorsWithoutPosition).toEqual([]);
    expect(issueTitled(summary, 'Security guarantees').positions.map((p) => p.partyShort)).toEqual(['US', 'RU', 'UA']);
    expect(issueTitled(summary, 'Donbas status').positions.map((p) => p.partyShort)).toEqual(['RU', 'UA']);
  });
});

describe('homework', () => {
  const held = { id: 100, name: 'Abu Dhabi round 2', status: 'held' as const, startsOn: '2026-02-04' };
  const planned = { id: 101, name: 'Round 3', status: 'planned' as const, startsOn: null };

  it('is overdue once the round it is due at has been held, and not before', () => {
    const summary = assembleRoundSummary(
      rows({
        round: round({ id: 99 }),
        homework: [task(1, { assignedRoundId: 98, dueRoundId: 100 }), task(2, { assignedRoundId: 98, dueRoundId: 101 })],
        homeworkRounds: [held, planned],
      }),
      TODAY,
    );
    expect(summary.homeworkDue.map((h) => [h.dueRound, h.state, h.overdue])).toEqual([
      ['Abu Dhabi round 2', 'overdue', true],
      ['Round 3', 'open', false],
    ]);
  });

  it('says the due round was cancelled, overdue from the day it was planned for', () => {
    const cancelled = (id: number, startsOn: string | null) => ({ id, name: `Round ${id}`, status: 'cancelled' as const, startsOn });
    const summary = assembleRoundSummary(
      rows({
        round: round({ id: 99 }),
        homework: [task(1, { dueRoundId: 102 }), task(2, { dueRoundId: 103 }), task(3, { dueRoundId: 102, status: 'delivered' })],
        homeworkRounds: [cancelled(102, '2026-02-20'), cancelled(103, '2026-03-20')],
      }),
      TODAY,
    );
    expect(summary.homeworkDue.map((h) => [h.dueRound, h.state, h.overdue])).toEqual([
      ['Round 102', 'due_round_cancelled', true],
      ['Round 103', 'due_round_cancelled', false],
      ['Round 102', 'delivered', false],
    ]);
  });

  it('is overdue once its due date has passed, unless delivered', () => {
    const summary = assembleRoundSummary(
      rows({ homework: [task(1, { dueOn: '2026-02-20' }), task(2, { dueOn: '2026-02-20', status: 'delivered' }), task(3, { dueOn: '2026-03-10' })] }),
      TODAY,
    );
    expect(summary.homeworkAssigned.map((h) => h.state)).toEqual(['overdue', 'delivered', 'open']);
  });

  it('separates what the round handed out from what was due back at it, with owners in seat order', () => {
    const summary = assembleRoundSummary(
      rows({
        homework: [task(1, { dueRoundId: 101 }), task(2, { assignedRoundId: 98, dueRoundId: 100 })],
        homeworkOwners: [
          { homeworkId: 1, partyId: UA, name: 'Ukraine' },
          { homeworkId: 1, partyId: CN, name: 'China' },
          { homeworkId: 1, partyId: US, name: 'United States' },
        ],
        homeworkRounds: [held, planned, { id: 98, name: 'Abu Dhabi round 1', status: 'held', startsOn: '2026-01-23' }],
      }),
      TODAY,
    );
    expect(summary.homeworkAssigned.map((h) => [h.title, h.assignedRound, h.dueRound, h.owners])).toEqual([
      ['Homework 1', 'Abu Dhabi round 2', 'Round 3', ['United States', 'Ukraine', 'China']],
    ]);
    expect(summary.homeworkDue.map((h) => [h.title, h.assignedRound])).toEqual([['Homework 2', 'Abu Dhabi round 1']]);
  });
});

describe('key dates', () => {
  it('counts the days from today, negative once the date has passed', () => {
    const newStart = { ...issue(3, 'New START extension', { keyDate: '2026-02-05', keyDateLabel: 'Treaty expires' }), keyDate: '2026-02-05' };
    const observance = { ...issue(4, 'Good-faith observance', { keyDate: '2026-08-05', keyDateLabel: 'Six months' }), keyDate: '2026-08-05' };
    const summary = assembleRoundSummary(rows({ keyDateIssues: [newStart, observance] }), TODAY);
    expect(summary.keyDates.map((k) => [k.issueTitle, k.label, k.daysFromToday])).toEqual([
      ['New START extension', 'Treaty expires', -24],
      ['Good-faith observance', 'Six months', 157],
    ]);
    expect(summary.keyDatesFrom).toBe('2026-02-04');
  });

  it('are listed from today for a round without dates', () => {
    expect(keyDatesFrom(round({ startsOn: null, endsOn: null, status: 'planned' }), TODAY)).toBe(TODAY);
    expect(assembleRoundSummary(rows({ round: round({ startsOn: null, endsOn: null, status: 'planned' }) }), TODAY).keyDatesFrom).toBe(TODAY);
  });
});

describe('which issues the briefing shows', () => {
  it('an empty agenda shows every issue of the negotiation, and says so', () => {
    const monitoring = issue(5, 'Ceasefire monitoring');
    const summary = assembleRoundSummary(rows({ agendaIssueIds: [], issues: [monitoring, GUARANTEES, DONBAS] }), TODAY);
    expect(summary.agendaWasEmpty).toBe(true);
    expect(summary.issues.map((i) => i.title)).toEqual(['Donbas status', 'Security guarantees', 'Ceasefire monitoring']);
    expect(assembleRoundSummary(rows(), TODAY).agendaWasEmpty).toBe(false);
  });

  it('flags an issue of another negotiation and lists it after the round’s own', () => {
    const milToMil = issue(6, 'Military-to-military dialogue', { negotiationId: OTHER_TALKS, negotiationName: 'US–Russia strategic stability', sortOrder: 0 });
    const summary = assembleRoundSummary(rows({ agendaIssueIds: [6, 1, 2], issues: [milToMil, DONBAS, GUARANTEES] }), TODAY);
    expect(summary.issues.map((i) => [i.title, i.otherNegotiation])).toEqual([
      ['Donbas status', false],
      ['Security guarantees', false],
      ['Military-to-military dialogue', true],
    ]);
  });
});

describe('sources and key updates', () => {
  it('cites each source with the outlet it reports through', () => {
    const el = { id: 7, outlet: 'El País', title: 'Talks', url: null, publishedOn: '2026-02-05', publishedOnPrecision: 'day' as const, publishedOnLabel: '', quote: '', reliability: 'B', credibility: 2, citesSourceId: null };
    const tass = { ...el, id: 8, outlet: 'TASS', citesSourceId: 7 };
    const summary = assembleRoundSummary(
      rows({
        updates: [{ id: 50, occurredOn: '2026-02-05', body: 'Lavrov dismissed the guarantees', roundId: 100, negotiationId: TALKS, negotiationName: 'Russia–Ukraine peace talks' }],
        updateIssues: [{ updateId: 50, issueId: GUARANTEES.id, title: GUARANTEES.title }],
        updateParties: [{ updateId: 50, name: 'Russia' }],
        updateSources: [{ updateId: 50, sourceId: 8 }],
        sources: [el, tass],
        citedOutlets: [{ id: 7, outlet: 'El País' }],
      }),
      TODAY,
    );
    expect(summary.keyUpdates).toMatchObject([{ issues: ['Security guarantees'], parties: ['Russia'], sources: [{ outlet: 'TASS', citedOutlet: 'El País' }] }]);
  });

  it('an update during the round is key when it is of the round, of its negotiation, or on an issue shown', () => {
    const r = round();
    const shown = new Set([DONBAS.id]);
    const elsewhere = { roundId: null, negotiationId: OTHER_TALKS };
    expect(isKeyUpdate({ roundId: r.id, negotiationId: OTHER_TALKS }, [], r, shown)).toBe(true);
    expect(isKeyUpdate({ roundId: null, negotiationId: TALKS }, [], r, shown)).toBe(true);
    expect(isKeyUpdate(elsewhere, [DONBAS.id], r, shown)).toBe(true);
    expect(isKeyUpdate(elsewhere, [GUARANTEES.id], r, shown)).toBe(false);
  });
});
