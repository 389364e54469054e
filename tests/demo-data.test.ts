import { describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { DEMO_NEGOTIATION_NAME, demoAccounts, loadDemoData } from '@/db/demo/load';
import collection from '@/db/demo/negotiations.json';
import { auditLog, corroborations, corroborationUpdates, issues, negotiations, outcomes, parties, positions, roundAgenda, rounds, citedSources, statusChanges, updates, users } from '@/db/schema';
import { exportNegotiationJson } from '@/db/queries/export-negotiation';
import { importNegotiation } from '@/db/mutations/import-negotiation';
import { ensureDemo } from '@/server/demo';
import { validateCollection } from '@/lib/interchange/validate';
import { parseDocumentText } from '@/lib/interchange/parse';
import type { NegotiationDocument } from '@/lib/interchange/schema';
import { freshDb, makeUser } from './factories';
import { listMembers, readerScope, roleIn, wholeInstance } from '@/db/queries/access';
import { listNegotiations } from '@/db/queries/negotiations';

const ARMS_CONTROL = 'US–Russia strategic stability';

const TABLES = [
  'negotiations',
  'parties',
  'negotiation_parties',
  'party_descriptions',
  'actors',
  'affiliations',
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
  'convergence',
  'audit_log',
];

function counts(db: DB): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, (db.$client.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]));
}

function demo() {
  const db = freshDb();
  const admin = makeUser(db, 'admin');
  expect(loadDemoData(db, admin)).toEqual({ created: true });
  return { db, admin };
}

const idOf = (db: DB, name: string) => db.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.name, name)).get()!.id;

function exported(db: DB, id: number): NegotiationDocument {
  const parsed = parseDocumentText(exportNegotiationJson(db, wholeInstance(db), id)!);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors.slice(0, 5)));
  return parsed.document;
}

describe('the demo data set', () => {
  it('is a valid interchange collection', () => {
    const result = validateCollection(collection);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it('loads once: loading it again creates nothing', () => {
    const { db, admin } = demo();
    const first = counts(db);
    expect(first.updates).toBeGreaterThanOrEqual(10);
    expect(loadDemoData(db, admin)).toEqual({ created: false });
    expect(counts(db)).toEqual(first);
  });

  it('is written through the importer, with its audit rows, as the loading user', () => {
    const { db, admin } = demo();
    const imports = db.select().from(auditLog).where(eq(auditLog.action, 'import')).all();
    expect(imports.map((a) => [a.userId, a.entity, a.entityId])).toEqual([
      [admin.id, 'negotiation', idOf(db, DEMO_NEGOTIATION_NAME)],
      [admin.id, 'negotiation', idOf(db, ARMS_CONTROL)],
    ]);
    expect(db.select({ authorId: updates.authorId }).from(updates).all().every((u) => u.authorId === admin.id)).toBe(true);
  });

  it('holds the facts of the worked example', () => {
    const { db } = demo();
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
    // "In the coming weeks", counted from the reports of 5 Feb 2026 (the version 1 demo read as version 3 means it).
    expect(round3).toMatchObject({ startsOn: '2026-02-05', startsOnPrecision: 'approx', startsOnLabel: 'in the coming weeks', startsOnUntil: '2026-03-19', approxDate: '' });

    const currentPositions = db.select().from(positions).where(eq(positions.isCurrent, true)).all();
    expect(currentPositions.length).toBeGreaterThan(10);
    for (const p of currentPositions) {
      expect(p.sourceId, `position ${p.id}`).not.toBeNull();
      const src = db.select().from(citedSources).where(eq(citedSources.id, p.sourceId!)).get();
      expect(src?.quote.trim().length, `source of position ${p.id}`).toBeGreaterThan(0);
    }

    const elPaisTass = db
      .select({ id: citedSources.id, cites: citedSources.citesSourceId })
      .from(citedSources)
      .where(and(eq(citedSources.outlet, 'El País'), sql`${citedSources.quote} LIKE '%TASS%'`))
      .get();
    expect(elPaisTass?.cites).not.toBeNull();
    const tass = db.select().from(citedSources).where(eq(citedSources.id, elPaisTass!.cites!)).get();
    expect(tass?.outlet).toBe('TASS');
  });

  it('links the two negotiations: the mil-to-mil issue of the strategic-stability talks was agreed at Abu Dhabi round 2', () => {
    const { db } = demo();
    const milMil = db.select().from(issues).where(eq(issues.title, 'Military-to-military dialogue')).get()!;
    const abuDhabi2 = db.select().from(rounds).where(eq(rounds.name, 'Abu Dhabi round 2')).get()!;
    expect(milMil.negotiationId).toBe(idOf(db, ARMS_CONTROL));
    expect(abuDhabi2.negotiationId).toBe(idOf(db, DEMO_NEGOTIATION_NAME));

    expect(db.select().from(roundAgenda).where(and(eq(roundAgenda.roundId, abuDhabi2.id), eq(roundAgenda.issueId, milMil.id))).get()).toBeDefined();
    expect(db.select({ text: outcomes.text }).from(outcomes).where(and(eq(outcomes.roundId, abuDhabi2.id), eq(outcomes.issueId, milMil.id))).all()).toHaveLength(1);
    const changes = db.select().from(statusChanges).where(eq(statusChanges.issueId, milMil.id)).all();
    expect(changes.map((c) => [c.toStatus, c.roundId])).toEqual([
      ['proposed', abuDhabi2.id],
      ['agreed', abuDhabi2.id],
    ]);
    expect(db.select().from(positions).where(eq(positions.issueId, milMil.id)).all().every((p) => p.roundId === abuDhabi2.id)).toBe(true);
    const milMilUpdates = db.select().from(updates).where(sql`${updates.id} IN (SELECT update_id FROM update_issues WHERE issue_id = ${milMil.id})`).all();
    expect(milMilUpdates.map((u) => [u.negotiationId, u.roundId])).toEqual([
      [milMil.negotiationId, abuDhabi2.id],
      [milMil.negotiationId, abuDhabi2.id],
    ]);

    const group = db.select().from(corroborations).where(eq(corroborations.label, 'Military-to-military dialogue re-established')).get()!;
    const members = db.select().from(corroborationUpdates).where(eq(corroborationUpdates.corroborationId, group.id)).all();
    expect(members.map((m) => m.updateId)).toEqual(milMilUpdates.map((u) => u.id));

    // One Eucom statement, cited by both negotiations: one source, not a copy per negotiation.
    const eucom = db.select().from(citedSources).where(sql`${citedSources.quote} LIKE '%agreed today in Abu Dhabi to reestablish%'`).all();
    expect(eucom).toHaveLength(1);
  });

  it('round-trips: each demo negotiation exported, imported under a new name and exported again is the same', () => {
    const { db, admin } = demo();
    const comparable = (doc: NegotiationDocument) => ({ ...doc, exportedAt: undefined, negotiation: { ...doc.negotiation, name: undefined } });
    for (const name of [DEMO_NEGOTIATION_NAME, ARMS_CONTROL]) {
      const first = exported(db, idOf(db, name));
      const copyId = importNegotiation(db, admin, first, { name: `${name} (copy)` }).id;
      const second = exported(db, copyId);
      expect(second.negotiation.name).toBe(`${name} (copy)`);
      expect(comparable(second)).toEqual(comparable(first));
    }
  });

  it('is loaded on a fresh start with the demo accounts, created through the user mutation', async () => {
    const db = freshDb();
    expect(await ensureDemo(db)).toEqual({ loaded: true });
    const { accounts } = demoAccounts();
    expect(db.select({ email: users.email, role: users.role }).from(users).all()).toEqual(accounts.map((a) => ({ email: a.email, role: a.role })));
    expect(db.select().from(auditLog).where(and(eq(auditLog.action, 'create'), eq(auditLog.entity, 'user'))).all()).toHaveLength(accounts.length);
    const admin = db.select().from(users).where(eq(users.role, 'admin')).get()!;
    expect(db.select().from(auditLog).where(eq(auditLog.action, 'import')).all().every((a) => a.userId === admin.id)).toBe(true);
    expect(await ensureDemo(db)).toEqual({ loaded: false });
  });

  it('restricts the peace talks to the analyst, the viewer and the admin, and shows the outsider only the strategic-stability talks', async () => {
    const db = freshDb();
    await ensureDemo(db);
    const sees = (email: string) => {
      const user = db.select().from(users).where(eq(users.email, email)).get()!;
      const scope = readerScope(db, user);
      return listNegotiations(db, scope).map((n) => `${n.name}: ${roleIn(scope, n.id)}`);
    };
    expect(sees('outsider@example.org')).toEqual([`${ARMS_CONTROL}: analyst`]);
    expect(sees('analyst@example.org')).toEqual([`${DEMO_NEGOTIATION_NAME}: analyst`, `${ARMS_CONTROL}: analyst`]);
    expect(sees('viewer@example.org')).toEqual([`${DEMO_NEGOTIATION_NAME}: viewer`, `${ARMS_CONTROL}: viewer`]);
    expect(sees('admin@example.org')).toEqual([`${DEMO_NEGOTIATION_NAME}: admin`, `${ARMS_CONTROL}: admin`]);
    const everything = wholeInstance(db);
    const accessOf = (name: string) => listNegotiations(db, everything).find((n) => n.name === name)!;
    expect([accessOf(DEMO_NEGOTIATION_NAME).access, accessOf(DEMO_NEGOTIATION_NAME).marking]).toEqual(['restricted', 'TLP:AMBER']);
    expect([accessOf(ARMS_CONTROL).access, accessOf(ARMS_CONTROL).marking]).toEqual(['open', 'TLP:GREEN']);
    expect(listMembers(db, everything, accessOf(DEMO_NEGOTIATION_NAME).id).map((m) => m.email).sort()).toEqual([
      'admin@example.org',
      'analyst@example.org',
      'viewer@example.org',
    ]);
  });

  it('gives an account added to an instance loaded before it existed its memberships, and changes nobody else’s access', async () => {
    const db = freshDb();
    await ensureDemo(db);
    db.$client.prepare(`DELETE FROM negotiation_members WHERE user_id = (SELECT id FROM users WHERE email = 'outsider@example.org')`).run();
    db.$client.prepare(`UPDATE users SET email = 'gone@example.org' WHERE email = 'outsider@example.org'`).run();
    expect(await ensureDemo(db)).toEqual({ loaded: false });
    const outsider = db.select().from(users).where(eq(users.email, 'outsider@example.org')).get()!;
    expect(listNegotiations(db, readerScope(db, outsider)).map((n) => n.name)).toEqual([ARMS_CONTROL]);
    expect(db.$client.prepare(`SELECT count(*) n FROM negotiation_members`).get()).toEqual({ n: 2 + 1 + 1 + 1 }); // the admin, as importer, in both; one each for the others
  });
});
