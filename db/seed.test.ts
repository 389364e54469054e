import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase, type DB } from '@/db';
import { seedDemoData, DEMO_NEGOTIATION_NAME } from './seed';
import { issues, negotiations, outcomes, parties, positions, rounds, sources, users } from './schema';

const TABLES = [
  'negotiations',
  'parties',
  'negotiation_parties',
  'actors',
  'issues',
  'sources',
  'rounds',
  'round_delegations',
  'round_agenda',
  'outcomes',
  'updates',
  'update_issues',
  'update_parties',
  'update_actors',
  'update_sources',
  'positions',
  'status_changes',
  'homework',
  'homework_owners',
  'corroborations',
  'corroboration_updates',
];

function counts(db: DB): Record<string, number> {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    out[t] = (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n;
  }
  return out;
}

describe('seedDemoData', () => {
  let dir: string;
  let db: DB;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seed-test-'));
    db = openDatabase(path.join(dir, 'tracker.db'));
  });

  afterAll(() => {
    db?.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('inserts the data set once and is idempotent', () => {
    const admin = db
      .insert(users)
      .values({ email: 'admin@example.org', name: 'Admin', role: 'admin', passwordHash: 'x' })
      .returning({ id: users.id })
      .get();

    expect(seedDemoData(db, admin.id)).toEqual({ created: true });
    const first = counts(db);
    expect(first.updates).toBeGreaterThanOrEqual(10);

    expect(seedDemoData(db, admin.id)).toEqual({ created: false });
    expect(counts(db)).toEqual(first);
  });

  it('holds the facts of the worked example', () => {
    expect(db.select().from(negotiations).all()).toHaveLength(2);
    const peace = db.select().from(negotiations).where(eq(negotiations.name, DEMO_NEGOTIATION_NAME)).get();
    expect(peace).toBeDefined();

    const issue = (title: string) => {
      const row = db.select().from(issues).where(eq(issues.title, title)).get();
      expect(row, title).toBeDefined();
      return row!;
    };
    expect(issue('Donbas status').status).toBe('deadlocked');
    expect(issue('Prisoner exchanges').status).toBe('agreed');
    expect(issue('Military-to-military dialogue').status).toBe('agreed');
    const newStart = issue('New START extension');
    expect(newStart.keyDate).toBe('2026-02-05');
    expect(issue('Donbas status').lastActivityAt).toMatch(/^2026-02-05/);

    const outcomeTexts = db.select({ text: outcomes.text }).from(outcomes).all().map((o) => o.text);
    expect(outcomeTexts.some((t) => t.includes('314'))).toBe(true);
    expect(outcomeTexts.some((t) => t.includes('157'))).toBe(true);

    const russia = db.select().from(parties).where(eq(parties.shortName, 'RU')).get()!;
    const ruNewStart = db
      .select()
      .from(positions)
      .where(and(eq(positions.issueId, newStart.id), eq(positions.partyId, russia.id)))
      .all();
    const current = ruNewStart.filter((p) => p.isCurrent);
    expect(current).toHaveLength(1);
    expect(current[0].summary).toMatch(/one-year extension/);
    const earlier = ruNewStart.filter((p) => !p.isCurrent);
    expect(earlier).toHaveLength(1);
    expect(current[0].supersedesId).toBe(earlier[0].id);

    const round3 = db
      .select()
      .from(rounds)
      .where(and(eq(rounds.negotiationId, peace!.id), eq(rounds.name, 'Round 3')))
      .get()!;
    expect(round3.status).toBe('planned');
    expect(round3.startsOn).toBeNull();
    expect(round3.approxDate).toBe('in the coming weeks');

    const currentPositions = db.select().from(positions).where(eq(positions.isCurrent, true)).all();
    expect(currentPositions.length).toBeGreaterThan(10);
    for (const p of currentPositions) {
      expect(p.sourceId, `position ${p.id}`).not.toBeNull();
      const src = db.select().from(sources).where(eq(sources.id, p.sourceId!)).get();
      expect(src?.quote.trim().length, `source of position ${p.id}`).toBeGreaterThan(0);
    }

    const elPaisTass = db
      .select({ id: sources.id, cites: sources.citesSourceId })
      .from(sources)
      .where(and(eq(sources.outlet, 'El País'), sql`${sources.quote} LIKE '%TASS%'`))
      .get();
    expect(elPaisTass?.cites).not.toBeNull();
    const tass = db.select().from(sources).where(eq(sources.id, elPaisTass!.cites!)).get();
    expect(tass?.outlet).toBe('TASS');
  });
});
