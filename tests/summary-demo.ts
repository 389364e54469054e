import { eq } from 'drizzle-orm';
import { loadDemoData } from '@/db/demo/load';
import { rounds } from '@/db/schema';
import { roundSummary } from '@/db/queries/round-summary';
import { freshDb, makeUser } from './factories';
import { wholeInstance } from '@/db/queries/access';

/** "Today" for the fixtures: fixed, so the day counts of the key dates never move. */
export const FIXTURE_TODAY = '2026-05-18';
export const FIXTURE_ROUND = 'Abu Dhabi round 2';

/** The demo data set on a fresh database file. */
export function demoDb() {
  const db = freshDb();
  const admin = makeUser(db, 'admin');
  loadDemoData(db, admin);
  return db;
}

export function demoRoundId(db: ReturnType<typeof demoDb>, name = FIXTURE_ROUND): number {
  return db.select({ id: rounds.id }).from(rounds).where(eq(rounds.name, name)).get()!.id;
}

/** The summary of the demo's Abu Dhabi round 2, as of FIXTURE_TODAY. */
export function demoSummary() {
  const db = demoDb();
  return roundSummary(db, wholeInstance(db), demoRoundId(db), FIXTURE_TODAY)!;
}
