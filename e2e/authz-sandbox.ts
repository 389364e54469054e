import type { NegotiationDocument } from '@/lib/interchange/schema';

// The negotiation e2e/security-authz.spec.ts imports before it probes the server actions: every
// allowed probe really writes, and it writes here, never to the demo records other specs read.
// Its words are its own (no "Donbas", no "prisoners"), so it adds no hit to another spec's search.

export const SANDBOX_NAME = 'Authorization matrix sandbox';
export const SANDBOX_ISSUE = 'Matrix issue';
export const SANDBOX_PARTY = 'Matrix party Alpha';
export const SANDBOX_GROUP = 'Matrix group';
export const SANDBOX_ACTOR = 'Matrix envoy';
export const SANDBOX_OUTLET = 'Matrix wire';
/** Updates 1–4 are the group's members; the others are free for the probes that group updates. */
const UPDATES = 16;
const GROUPED = 4;

const update = (n: number) => ({
  key: `update:${n}`,
  occurredOn: `2026-01-${String(n).padStart(2, '0')}`,
  occurredTime: null,
  body: `Matrix update ${n}`,
  round: 'round:1',
  issues: ['issue:1'],
  parties: ['party:A'],
  actors: [],
  sources: [],
});

export const SANDBOX: NegotiationDocument = {
  format: 'negotiation-tracker/negotiation',
  version: 4,
  negotiation: { name: SANDBOX_NAME, description: 'What the authorization probes write to.' },
  parties: [
    { key: 'party:A', name: SANDBOX_PARTY, shortName: 'MPA', description: '', role: 'party', note: '' },
    { key: 'party:B', name: 'Matrix party Beta', shortName: 'MPB', description: '', role: 'party', note: '' },
  ],
  actors: [{ key: 'actor:1', name: SANDBOX_ACTOR, affiliations: [{ party: 'party:A', title: 'Envoy', from: null, to: null }] }],
  outlets: [],
  sources: [{ key: 'source:1', outlet: SANDBOX_OUTLET, title: 'Matrix article', url: null, publishedOn: null, quote: 'Matrix quote', reliability: 'C', credibility: 3, cites: null }],
  issues: [
    {
      key: 'issue:1',
      title: SANDBOX_ISSUE,
      description: '',
      status: 'under_discussion',
      priority: 'medium',
      keyDate: null,
      keyDateLabel: '',
      sortOrder: 1,
    },
  ],
  rounds: [1, 2].map((n) => ({
    key: `round:${n}`,
    sequence: n,
    name: `Matrix round ${n}`,
    venue: '',
    startsOn: null,
    endsOn: null,
    approxDate: 'in the coming weeks',
    format: 'direct' as const,
    status: 'planned' as const,
    summary: '',
    agenda: ['issue:1'],
    delegations: [],
    // One for each caller allowed to remove an outcome.
    outcomes: n === 1 ? [1, 2].map((o) => ({ issue: null, text: `Matrix outcome ${o}`, source: null })) : [],
  })),
  updates: Array.from({ length: UPDATES }, (_, i) => update(i + 1)),
  positions: [],
  statusChanges: [],
  homework: [
    {
      title: 'Matrix homework',
      description: '',
      issue: 'issue:1',
      assignedRound: null,
      dueRound: null,
      dueOn: null,
      status: 'open',
      resolution: '',
      vague: false,
      owners: ['party:A'],
    },
  ],
  corroborations: [{ label: SANDBOX_GROUP, consistent: null, note: '', updates: Array.from({ length: GROUPED }, (_, i) => `update:${i + 1}`) }],
  convergence: [],
};
