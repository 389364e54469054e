// Round briefings written by hand, for the export formats' tests: no database, so each renderer's rules
// can be read against a summary that holds every kind of part (and one that holds none).
import type { RoundSummary, SummaryHomework, SummarySource } from '@/lib/round-summary/types';
import { roundBrief } from '@/lib/round-summary/brief';

/** The seats of the hand-written briefings, in order. */
export const PARTIES = [
  { id: 11, name: 'United States', shortName: 'US' },
  { id: 12, name: 'Russia', shortName: 'RU' },
  { id: 13, name: 'Ukraine', shortName: 'UA' },
];

/** The summary with its brief worked out from the rest (unless `over` gives one), as the assembler does. */
function withBrief(summary: Omit<RoundSummary, 'brief'>, over: Partial<RoundSummary>): RoundSummary {
  const merged = { ...summary, ...over };
  return { ...merged, brief: over.brief ?? roundBrief(merged, PARTIES) };
}

export const FT: SummarySource = {
  id: 1,
  outlet: 'Financial Times',
  title: 'US and Russian militaries to resume high-level talks',
  url: 'https://www.ft.com/content/abc',
  publishedOn: '2026-02-05',
  publishedOnPrecision: 'day' as const, publishedOnLabel: '',
  quote: 'significant work remains',
  reliability: 'B',
  credibility: 2,
  citedOutlet: null,
};

export const EL_PAIS_CITING_TASS: SummarySource = {
  id: 2,
  outlet: 'El País',
  title: '',
  url: null,
  publishedOn: '2026-02-06',
  publishedOnPrecision: 'approx' as const, publishedOnLabel: '',
  quote: '',
  reliability: 'C',
  credibility: 3,
  citedOutlet: 'TASS',
};

export const homeworkItem = (over: Partial<SummaryHomework> = {}): SummaryHomework => ({
  id: 1,
  title: 'Withdrawal mechanics',
  description: '',
  issueTitle: 'Donbas status',
  owners: ['Russia', 'Ukraine'],
  assignedRound: 'Abu Dhabi round 2',
  dueRound: 'Round 3',
  dueOn: '2026-03-01',
  status: 'open',
  overdue: false,
  state: 'open',
  resolution: '',
  vague: false,
  ...over,
});

/** Abu Dhabi round 2 with one of everything a briefing can show. */
export function fullSummary(over: Partial<RoundSummary> = {}): RoundSummary {
  return withBrief({
    today: '2026-03-01',
    negotiation: { id: 1, name: 'Russia–Ukraine peace talks', marking: '' },
    round: {
      id: 100,
      sequence: 3,
      name: 'Abu Dhabi round 2',
      venue: 'Abu Dhabi',
      startsOn: '2026-02-04',
      endsOn: '2026-02-05',
      approxDate: '',
      format: 'trilateral',
      status: 'held',
      summary: 'Talks ended with a prisoner exchange.\n\nLittle progress on Donbas.',
      cancellation: null,
    },
    delegations: [
      { partyName: 'United States', partyShort: 'US', head: 'Steve Witkoff' },
      { partyName: 'Russia', partyShort: 'RU', head: 'Igor Kostyukov' },
    ],
    issues: [
      {
        id: 1,
        title: 'Donbas status',
        negotiationName: 'Russia–Ukraine peace talks',
        otherNegotiation: false,
        priority: 'critical',
        statusBefore: 'under_discussion',
        statusBeforeIsFirstRecorded: false,
        statusAfter: 'deadlocked',
        statusChanged: true,
        positions: [
          {
            partyId: 12,
            partyName: 'Russia',
            partyShort: 'RU',
            position: {
              id: 7,
              stance: 'opposes',
              summary: 'Ukrainian withdrawal from Donbas',
              redLines: 'International recognition as Russian',
              flexibility: 'rigid',
              asOf: '2026-02-05',
              atThisRound: true,
              change: 'Stance conditional → opposes.',
              changedAtRound: true,
              stanceBefore: 'conditional',
              source: EL_PAIS_CITING_TASS,
            },
          },
          {
            partyId: 13,
            partyName: 'Ukraine',
            partyShort: 'UA',
            position: {
              id: 8,
              stance: 'opposes',
              summary: 'Our territories are ours',
              redLines: '',
              flexibility: 'low',
              asOf: '2026-01-20',
              atThisRound: false,
              change: 'No change at this round.',
              changedAtRound: false,
              stanceBefore: 'opposes',
              source: FT,
            },
          },
          { partyId: 11, partyName: 'United States', partyShort: 'US', position: null },
        ],
      },
      {
        id: 2,
        title: 'Military-to-military dialogue',
        negotiationName: 'US–Russia strategic stability',
        otherNegotiation: true,
        priority: 'high',
        statusBefore: 'proposed',
        statusBeforeIsFirstRecorded: true,
        statusAfter: 'proposed',
        statusChanged: false,
        positions: [],
      },
    ],
    agendaWasEmpty: false,
    outcomes: [
      { id: 1, text: 'Exchange of 314 prisoners of war', issueTitle: 'Prisoner exchanges', source: FT },
      { id: 2, text: 'A third round in the coming weeks', issueTitle: null, source: null },
    ],
    homeworkAssigned: [homeworkItem(), homeworkItem({ id: 2, title: 'Monitoring arrangements', owners: [], issueTitle: null, assignedRound: null, dueRound: null, dueOn: null, vague: true })],
    homeworkDue: [
      homeworkItem({ id: 3, title: 'Prepare a prisoner exchange', status: 'delivered', state: 'delivered', resolution: '157 prisoners per side', dueRound: 'Abu Dhabi round 2', dueOn: null }),
      homeworkItem({ id: 4, title: 'List of detainees', status: 'open', state: 'overdue', overdue: true, dueRound: null, dueOn: '2026-02-01' }),
    ],
    keyUpdates: [
      {
        id: 50,
        occurredOn: '2026-02-05',
        body: 'Lavrov called the guarantees **nonsense**.\n\nSee [the report](https://example.org/r).',
        negotiationName: 'Russia–Ukraine peace talks',
        issues: ['Security guarantees'],
        parties: ['Russia'],
        sources: [EL_PAIS_CITING_TASS, FT],
      },
      { id: 51, occurredOn: '2026-02-04', body: 'Talks opened.', negotiationName: 'Russia–Ukraine peace talks', issues: [], parties: [], sources: [] },
    ],
    keyDates: [
      { issueId: 3, issueTitle: 'New START extension', negotiationName: 'US–Russia strategic stability', date: '2026-02-05', label: 'New START expires', daysFromRound: 0, daysFromToday: -24 },
      { issueId: 4, issueTitle: 'Good-faith observance', negotiationName: 'US–Russia strategic stability', date: '2026-08-05', label: '', daysFromRound: 181, daysFromToday: 157 },
    ],
    keyDatesFrom: '2026-02-04',
    mediatorsWithoutPosition: [],
  }, over);
}

/** A planned round with nothing recorded yet: every part of the briefing is empty. */
export function emptySummary(over: Partial<RoundSummary> = {}): RoundSummary {
  const { brief: _brief, ...full } = fullSummary();
  return withBrief({
    ...full,
    round: { ...full.round, name: 'Round 3', sequence: 4, venue: '', startsOn: null, endsOn: null, approxDate: '', status: 'planned', summary: '' },
    delegations: [],
    issues: [],
    agendaWasEmpty: true,
    outcomes: [],
    homeworkAssigned: [],
    homeworkDue: [],
    keyUpdates: [],
    keyDates: [],
    keyDatesFrom: '2026-03-01',
  }, over);
}
