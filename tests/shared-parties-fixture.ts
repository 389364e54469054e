import type { NegotiationDocument } from '@/lib/interchange/schema';

// Two negotiations that share "United States" by name, each saying its own of it and with its own
// people for it (one person, Steve Witkoff, in both under different titles): what the importer must
// keep apart (docs/decisions/0014).

type Person = { name: string; title: string; from?: string; to?: string };

function talks(name: string, usDescription: string, people: Person[], seed: string): NegotiationDocument {
  const side = seed.slice(0, 3).toUpperCase();
  return {
    format: 'negotiation-tracker/negotiation',
    version: 4,
    negotiation: { name, description: `${seed} talks`, marking: '' },
    parties: [
      { key: 'party:US', name: 'United States', shortName: 'US', description: usDescription, role: 'mediator', note: `${seed} note` },
      { key: `party:${side}`, name: `${seed} side`, shortName: side, description: `${seed} side at the table`, role: 'party', note: '' },
    ],
    actors: people.map((p, i) => ({
      key: `actor:${i + 1}`,
      name: p.name,
      affiliations: [{ party: 'party:US', title: p.title, from: p.from ?? null, to: p.to ?? null }],
    })),
    outlets: [],
    sources: [],
    issues: [{ key: 'issue:1', title: `${seed} issue`, description: '', status: 'under_discussion', priority: 'high', keyDate: null, keyDateLabel: '', sortOrder: 1 }],
    rounds: [
      {
        key: 'round:1',
        sequence: 1,
        name: `${seed} round`,
        venue: 'Doha',
        startsOn: '2026-01-10',
        endsOn: '2026-01-11',
        approxDate: '',
        format: 'proximity',
        status: 'held',
        summary: '',
        agenda: ['issue:1'],
        delegations: [{ party: 'party:US', head: people[0].name }],
        outcomes: [],
      },
    ],
    updates: [
      {
        key: 'update:1',
        occurredOn: '2026-01-11',
        occurredTime: null,
        body: `${people[0].name} spoke for the United States (${seed}).`,
        round: 'round:1',
        issues: ['issue:1'],
        parties: ['party:US'],
        actors: ['actor:1'],
        sources: [],
      },
    ],
    positions: [],
    statusChanges: [],
    homework: [],
    corroborations: [],
    convergence: [],
  };
}

export const GAZA = talks(
  'Gaza ceasefire talks',
  'Mediator with Egypt and Qatar; guarantor of the first phase.',
  [
    { name: 'Steve Witkoff', title: 'Special envoy to the Middle East', from: '2025-01-20' },
    { name: 'Marco Rubio', title: 'Secretary of State' },
  ],
  'Gaza',
);

export const IRAN = talks(
  'Iran nuclear talks',
  'Party to the talks in all but name; wants no enrichment at all.',
  [
    { name: 'Steve Witkoff', title: 'Special envoy for peace missions; leads the US side in Muscat', from: '2025-04-12', to: '2025-06-13' },
    { name: 'J. D. Vance', title: 'Vice President' },
  ],
  'Iran',
);
