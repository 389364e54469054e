import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeUser, position } from './factories';
import { loadDemoData } from '@/db/demo/load';
import { countOverdueHomework, needsAttention, overdueHomework, staleIssues, weaklySourcedPositions } from '@/db/queries/attention';
import { createHomework } from '@/db/mutations/homework';
import { recordPosition } from '@/db/mutations/positions';
import { rounds } from '@/db/schema';
import { todayIso } from '@/lib/dates';
import { wholeInstance } from '@/db/queries/access';

const newSource = (reliability: 'B' | 'D') => ({ outlet: `Outlet ${reliability}`, title: '', url: null, publishedOn: null, quote: '', reliability, credibility: 3 });

describe('what needs attention', () => {
  it('lists homework past its due date or due round, and not delivered or future items', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { negotiationId, partyA } = makeNegotiation(db, analyst);
    const held = db.insert(rounds).values({ negotiationId, sequence: 1, name: 'Held round', format: 'direct', status: 'held' }).returning().get().id;
    const planned = db.insert(rounds).values({ negotiationId, sequence: 2, name: 'Planned round', format: 'direct', status: 'planned' }).returning().get().id;
    const base = { negotiationId, description: '', issueId: null, ownerPartyIds: [partyA], assignedRoundId: null, resolution: '', vague: false };
    createHomework(db, analyst, { ...base, title: 'Late by date', dueRoundId: null, dueOn: '2026-01-10', status: 'open' });
    createHomework(db, analyst, { ...base, title: 'Late by round', dueRoundId: held, dueOn: null, status: 'in_progress' });
    createHomework(db, analyst, { ...base, title: 'Due later', dueRoundId: planned, dueOn: '2026-12-31', status: 'open' });
    createHomework(db, analyst, { ...base, title: 'Done', dueRoundId: held, dueOn: '2026-01-10', status: 'delivered' });
    const overdue = overdueHomework(db, wholeInstance(db), '2026-02-01');
    expect(overdue.map((h) => h.title).sort()).toEqual(['Late by date', 'Late by round']);
    expect(overdue.find((h) => h.title === 'Late by round')).toMatchObject({ dueRoundName: 'Held round', owners: 'A' });
    // Due today is not yet overdue.
    expect(overdueHomework(db, wholeInstance(db), '2026-01-10').map((h) => h.title)).toEqual(['Late by round']);
    // The dashboard asks for the first few and the total: the same rule, the same order.
    expect(overdueHomework(db, wholeInstance(db), '2026-02-01', undefined, 1)).toEqual(overdue.slice(0, 1));
    expect(countOverdueHomework(db, wholeInstance(db), '2026-02-01')).toBe(2);
    const attention = needsAttention(db, wholeInstance(db), { today: '2026-02-01', staleDays: 30, shown: 1 });
    expect(attention.overdue).toEqual({ count: 2, items: overdue.slice(0, 1) });
    expect(attention.stale.items.length).toBeLessThanOrEqual(1);
  });

  it('lists open issues with no activity for N days', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { issueId } = makeNegotiation(db, analyst);
    expect(staleIssues(db, wholeInstance(db), todayIso(), 30).map((i) => i.id)).not.toContain(issueId);
    const later = staleIssues(db, wholeInstance(db), '2099-01-01', 30).find((i) => i.id === issueId);
    expect(later?.days).toBeGreaterThan(30);

    // In the demo data (latest event 5 Feb 2026), Donbas is quiet after 30 days; the agreed prisoner exchange is closed, not stale.
    loadDemoData(db, makeUser(db, 'admin'));
    const titles = staleIssues(db, wholeInstance(db), '2026-04-01', 30).map((i) => i.title);
    expect(titles).toContain('Donbas status');
    expect(titles).not.toContain('Prisoner exchanges');
    expect(staleIssues(db, wholeInstance(db), '2026-02-10', 30).map((i) => i.title)).not.toContain('Donbas status');
  });

  it('lists current positions whose only source is rated D–F, following what a source relays', () => {
    const db = freshDb();
    const analyst = makeUser(db, 'analyst');
    const { issueId, partyA, partyB } = makeNegotiation(db, analyst);
    recordPosition(db, analyst, position(issueId, partyA, null, 'Weakly sourced'), newSource('D'));
    recordPosition(db, analyst, position(issueId, partyB, null, 'Well sourced'), newSource('B'));
    const weak = weaklySourcedPositions(db, wholeInstance(db));
    expect(weak).toHaveLength(1);
    expect(weak[0]).toMatchObject({ issueId, partyName: expect.stringContaining(' A'), sources: ['Outlet D (D)'] });

    // Demo: Russia on Donbas rests only on TASS as cited by El País.
    loadDemoData(db, makeUser(db, 'admin'));
    const demo = weaklySourcedPositions(db, wholeInstance(db));
    const ruDonbas = demo.find((p) => p.partyName === 'Russia' && p.issueTitle === 'Donbas status');
    expect(ruDonbas?.sources).toEqual(['TASS (D) via El País (B)']);
    // Russia on security guarantees cites RT via the FT, but its update also cites the FT itself.
    expect(demo.find((p) => p.partyName === 'Russia' && p.issueTitle === 'Security guarantees')).toBeUndefined();
  });
});
