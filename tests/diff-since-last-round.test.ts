import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { freshDb, makeUser } from './factories';
import { loadDemoData, DEMO_NEGOTIATION_NAME } from '@/db/demo/load';
import { negotiations, rounds } from '@/db/schema';
import { roundPoints, sinceLastRound } from '@/db/queries/since-last-round';
import { nameOf, TODAY } from './since-last-round-points';
import { groupByRound, timeline } from '@/db/queries/timeline';
import { wholeInstance } from '@/db/queries/access';
import { bottomLine } from '@/lib/bottom-line';

function seeded() {
  const db = freshDb();
  const admin = makeUser(db, 'admin');
  loadDemoData(db, admin);
  const negotiationId = db.select().from(negotiations).where(eq(negotiations.name, DEMO_NEGOTIATION_NAME)).get()!.id;
  const roundId = (name: string) => db.select().from(rounds).where(eq(rounds.name, name)).get()!.id;
  return { db, negotiationId, roundId };
}

describe('what changed since the last round', () => {
  it('compares the last two held rounds by default: Abu Dhabi 1 → Abu Dhabi 2', () => {
    const { db, negotiationId } = seeded();
    const diff = sinceLastRound(db, wholeInstance(db), negotiationId, {}, TODAY);
    expect(nameOf(diff.comparison.from)).toBe('Abu Dhabi round 1');
    expect(nameOf(diff.comparison.to)).toBe('Abu Dhabi round 2');
    // The planned round 3 has no date yet: it cannot be a point of comparison.
    expect(roundPoints(db, negotiationId).map((r) => [r.name, r.date])).toEqual([
      ['Istanbul', '2025-05-16'],
      ['Abu Dhabi round 1', '2026-01-24'],
      ['Abu Dhabi round 2', '2026-02-05'],
      ['Round 3', null],
    ]);

    const byTitle = new Map(diff.issues.map((i) => [i.title, i]));
    const donbas = byTitle.get('Donbas status')!;
    expect(donbas).toMatchObject({ statusBefore: 'under_discussion', statusAfter: 'deadlocked', statusChanged: true, changed: true });
    expect(donbas.statusCitations[0].sourceOutlet).toBe('El País');
    const russia = donbas.parties.find((p) => p.partyShort === 'RU')!;
    expect(russia.before).toBeNull();
    expect(russia.after).toMatchObject({ stance: 'opposes' });
    expect(russia.changed).toBe(true);
    // Russia's first recorded position is news, not a move; Donbas moved by its status.
    expect(russia.movement).toBe('first_recorded');
    expect(donbas.moved).toBe(true);
    expect(bottomLine(donbas)).toMatch(/^under discussion → deadlocked; position first recorded for .*Russia \(opposes\)/);

    const prisoners = byTitle.get('Prisoner exchanges')!;
    expect(prisoners).toMatchObject({ statusBefore: 'under_discussion', statusAfter: 'agreed', changed: true });
    expect(prisoners.parties.find((p) => p.partyShort === 'UA')!.after).toMatchObject({ stance: 'supports' });
    // Observers with nothing recorded do not count as changed.
    expect(prisoners.parties.find((p) => p.partyShort === 'NATO')!.changed).toBe(false);
  });

  it('takes any two rounds, and lists nothing as changed for a window with no changes', () => {
    const { db, negotiationId, roundId } = seeded();
    const diff = sinceLastRound(db, wholeInstance(db), negotiationId, { from: String(roundId('Istanbul')), to: String(roundId('Abu Dhabi round 1')) }, TODAY);
    expect(nameOf(diff.comparison.from)).toBe('Istanbul');
    const byTitle = new Map(diff.issues.map((i) => [i.title, i]));
    // Initial statuses were logged at the end of Abu Dhabi 1, inside this window.
    expect(byTitle.get('Donbas status')).toMatchObject({ statusBefore: null, statusAfter: 'under_discussion', changed: true });
    // A first recorded status is not a move either.
    expect(byTitle.get('Donbas status')!.moved).toBe(byTitle.get('Donbas status')!.parties.some((p) => p.movement !== null && p.movement !== 'first_recorded'));
    expect(byTitle.get('Ceasefire monitoring')!.changed).toBe(false);

    // A round compared with itself compares nothing, and says so instead of showing "0 moved".
    const same = sinceLastRound(db, wholeInstance(db), negotiationId, { from: String(roundId('Abu Dhabi round 2')), to: String(roundId('Abu Dhabi round 2')) }, TODAY);
    expect(same.comparison).toMatchObject({ ok: false, problem: expect.stringContaining('fall on the same day') });
    expect(same.issues).toEqual([]);
  });

  it('groups a negotiation timeline by round, latest round first', () => {
    const { db, negotiationId } = seeded();
    const events = timeline(db, wholeInstance(db), { negotiationId });
    expect(events.length).toBeGreaterThan(10);
    for (let i = 1; i < events.length; i++) expect(events[i - 1].date >= events[i].date).toBe(true);
    const groups = groupByRound(events);
    expect(groups.map((g) => g.round?.name ?? null)).toEqual(['Abu Dhabi round 2', 'Abu Dhabi round 1', 'Istanbul']);
  });
});
