import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '@/db';
import { recordPosition } from '@/db/mutations/positions';
import { currentPosition } from '@/db/queries/issues';
import { listAudit } from '@/db/queries/audit';
import { exportNegotiationJson } from '@/db/queries/export-negotiation';
import { search } from '@/db/queries/search';
import { position } from './factories';
import { createNegotiation } from '@/db/mutations/negotiations';
import { setMember } from '@/db/mutations/members';
import { readerScope } from '@/db/queries/access';
import { listNegotiations } from '@/db/queries/negotiations';
import { wholeInstance } from '@/db/queries/access';
import { registerSearchForms } from '@/db/search-forms';

type Journal = { entries: { idx: number; tag: string }[] };

/** A copy of the migrations folder that stops after the first `n` migrations. */
function migrationsUpTo(n: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-migrations-'));
  fs.cpSync(MIGRATIONS_FOLDER, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as Journal;
  journal.entries = journal.entries.slice(0, n);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return dir;
}

// A view (cited_sources) has no rowid; its rows go by id.
const rows = (db: Database.Database, table: string) =>
  db.prepare(`SELECT * FROM "${table}" ORDER BY ${table === 'cited_sources' ? 'id' : 'rowid'}`).all() as Record<string, unknown>[];

describe('migrations', () => {
  it('upgrade a database made by the first migration without losing its data', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
    expect(journal.entries.length).toBeGreaterThan(1);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-upgrade-')), 'old.db');

    // The database as the first release left it: only 0000_initial applied, then used.
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(1) });
    expect(old.prepare(`SELECT count(*) n FROM __drizzle_migrations`).get()).toEqual({ n: 1 });
    expect(old.prepare(`SELECT count(*) n FROM sqlite_master WHERE type = 'trigger'`).get()).toEqual({ n: 0 });
    old.exec(`
      INSERT INTO users (email, name, role, password_hash) VALUES ('old@example.org', 'Old Analyst', 'analyst', 'scrypt$x');
      INSERT INTO negotiations (name, description, created_by) VALUES ('Old talks', 'from the first release', 1);
      INSERT INTO parties (name, short_name) VALUES ('Old party A', 'A'), ('Old party B', 'B');
      INSERT INTO negotiation_parties (negotiation_id, party_id, role) VALUES (1, 1, 'party'), (1, 2, 'mediator');
      INSERT INTO issues (negotiation_id, title, status, key_date, key_date_label) VALUES (1, 'Old issue ✓ «ünïcode»', 'stalled', '2026-02-05', 'Expiry');
      INSERT INTO sources (outlet, title, url, published_on, quote, created_by) VALUES ('FT', 'Old article', 'https://example.org/a', '2026-02-01', 'A quote', 1);
      INSERT INTO positions (issue_id, party_id, summary, stance, as_of, source_id, created_by) VALUES (1, 1, 'Old position', 'opposes', '2026-01-30', 1, 1);
      INSERT INTO audit_log (user_id, action, entity, entity_id, after) VALUES (1, 'create', 'position', 1, '{"summary":"Old position"}');
    `);
    const tables = ['users', 'negotiations', 'negotiation_parties', 'issues', 'sources', 'positions', 'audit_log'];
    const partiesBefore = rows(old, 'parties');
    const before = Object.fromEntries(tables.map((t) => [t, rows(old, t)]));
    old.close();

    // The current app opens it: the remaining migrations run, nothing is lost.
    const db = openDatabase(file);
    const sqlite = db.$client;
    expect(sqlite.prepare(`SELECT count(*) n FROM __drizzle_migrations`).get()).toEqual({ n: journal.entries.length });
    // Every row and value the old release had is still there (later migrations may add columns).
    // A source reads as before through cited_sources, its quote with its article and outlet (migration 0013).
    const asBefore = (t: string) => rows(sqlite, t === 'sources' ? 'cited_sources' : t).map((r, i) => Object.fromEntries(Object.keys(before[t][i] as object).map((k) => [k, (r as Record<string, unknown>)[k]])));
    // …but an issue's last activity, now the latest event date of what is recorded on it (migration 0009), and a
    // source's "approximate" flag, now the precision of its date (migration 0011).
    const lastActivity = (t: string, list: Record<string, unknown>[]) =>
      t === 'issues' ? list.map(({ last_activity_at: _, ...kept }) => kept) : t === 'sources' ? list.map(({ published_on_approx: _, ...kept }) => kept) : list;
    for (const t of tables) expect(lastActivity(t, asBefore(t)), t).toEqual(lastActivity(t, before[t] as Record<string, unknown>[]));
    expect(sqlite.prepare(`SELECT last_activity_at FROM issues`).all()).toEqual([{ last_activity_at: '2026-01-30' }]);
    expect(sqlite.prepare(`SELECT published_on, published_on_precision FROM cited_sources`).all()).toEqual([{ published_on: '2026-02-01', published_on_precision: 'day' }]);
    // A party's description moved to the negotiations (the next test); the rest of it stays.
    const partiesNow = rows(sqlite, 'parties').map(({ version: _, ...kept }) => kept);
    expect(partiesNow).toEqual(partiesBefore.map(({ description: _, ...kept }) => kept));
    // Need to know (docs/decisions/0017): what existed stays open to everyone, unmarked; the old audit row names its negotiation.
    expect(sqlite.prepare(`SELECT access, marking FROM negotiations`).all()).toEqual([{ access: 'open', marking: '' }]);
    expect(sqlite.prepare(`SELECT negotiation_id n FROM audit_log`).all()).toEqual([{ n: 1 }]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    const triggers = (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger'`).all() as { name: string }[]).map((r) => r.name);
    expect(triggers).toEqual(expect.arrayContaining(['audit_log_no_update', 'audit_log_no_delete']));
    expect(() => sqlite.exec(`DELETE FROM audit_log`)).toThrow(/append-only/);

    // And the app works on the old data: a new version of the old position, history kept.
    const user = { id: 1, email: 'old@example.org', name: 'Old Analyst', role: 'analyst' as const };
    const newId = recordPosition(db, user, position(1, 1, 1, 'Position after the upgrade'));
    expect(currentPosition(db, wholeInstance(db), 1, 1)?.id).toBe(newId);
    expect(listAudit(db, { entity: 'position' }).total).toBe(2);
    sqlite.close();

    // Opening it again changes nothing more.
    const again = openDatabase(file);
    expect(again.$client.prepare(`SELECT count(*) n FROM __drizzle_migrations`).get()).toEqual({ n: journal.entries.length });
    again.$client.close();
  });

  it('keeps memberships and who may read what across a restart and the migrations after need to know', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
    const upTo = journal.entries.findIndex((e) => e.tag.endsWith('need_to_know')) + 1;
    expect(upTo).toBeGreaterThan(0);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-upgrade-')), 'members.db');
    const old = new Database(file);
    old.pragma('journal_mode = WAL');
    old.pragma('foreign_keys = ON');
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(upTo) });
    old.close();

    // Used at that migration: a restricted negotiation with a member, another user outside it.
    const first = openDatabase(file);
    const ins = (email: string, role: string) =>
      Number(first.$client.prepare(`INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, ?, 'x')`).run(email, email, role).lastInsertRowid);
    const lead = { id: ins('lead@example.org', 'analyst'), email: 'lead@example.org', name: 'Lead', role: 'analyst' as const };
    const member = ins('member@example.org', 'viewer');
    const outsider = ins('outsider@example.org', 'analyst');
    const id = createNegotiation(first, lead, { name: 'Back channel', description: '' });
    setMember(first, null, { negotiationId: id, userId: member, role: 'viewer' });
    first.$client.close();

    // Restarted on the latest migrations: the same people see the same negotiation, with the same roles.
    const again = openDatabase(file);
    expect(again.$client.prepare(`SELECT count(*) n FROM __drizzle_migrations`).get()).toEqual({ n: journal.entries.length });
    expect(again.$client.prepare(`SELECT user_id userId, role FROM negotiation_members ORDER BY user_id`).all()).toEqual([
      { userId: lead.id, role: 'analyst' },
      { userId: member, role: 'viewer' },
    ]);
    expect(readerScope(again, { id: member, role: 'viewer' }).roles.get(id)).toBe('viewer');
    expect(listNegotiations(again, readerScope(again, { id: outsider, role: 'analyst' }))).toEqual([]);
    again.$client.close();
  });

  it("carries each party's description and each actor over to the negotiations that name them", () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
    const perNegotiation = journal.entries.findIndex((e) => e.tag.endsWith('_per_negotiation_parties'));
    expect(perNegotiation).toBeGreaterThan(0);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-upgrade-')), 'old.db');

    // The database just before: one description per party, one party and title per actor.
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(perNegotiation) });
    old.exec(`
      INSERT INTO users (email, name, role, password_hash) VALUES ('old@example.org', 'Old Analyst', 'analyst', 'scrypt$x');
      INSERT INTO negotiations (name) VALUES ('Peace talks'), ('Arms control'), ('Back channel');
      INSERT INTO parties (name, short_name, description) VALUES
        ('United States', 'US', 'Mediator of the peace talks; party to New START.'), ('Russia', 'RU', 'Party to both.'),
        ('China', 'CN', 'Not at the table.'), ('Nobody', 'NB', 'In no negotiation.');
      INSERT INTO negotiation_parties (negotiation_id, party_id, role, sort_order) VALUES (1, 1, 'mediator', 1), (1, 2, 'party', 2), (2, 1, 'party', 1), (2, 2, 'party', 2);
      INSERT INTO actors (name, title, party_id) VALUES
        ('Steve Witkoff', 'US special envoy', 1), ('Vladimir Putin', 'President of Russia', 2), ('Dmitry Peskov', 'Kremlin press secretary', 2),
        ('Wang Yi', 'Chinese foreign minister', 3), ('A. Journalist', 'Reporter', NULL), ('Nobody''s envoy', 'Envoy', 4);
      INSERT INTO updates (negotiation_id, body, occurred_on, author_id) VALUES (1, 'Witkoff in Abu Dhabi', '2026-02-04', 1), (2, 'Putin on New START; China named', '2026-02-05', 1);
      INSERT INTO update_actors (update_id, actor_id) VALUES (1, 1), (2, 2);
      INSERT INTO update_parties (update_id, party_id) VALUES (1, 1), (2, 2), (2, 3);
    `);
    const actorsBefore = old.prepare(`SELECT id, name, created_at FROM actors ORDER BY id`).all();
    const taggedBefore = rows(old, 'update_actors');
    old.close();

    const db = openDatabase(file);
    const sqlite = db.$client;
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    // The people are the same people, and every update still names its actors.
    expect(sqlite.prepare(`SELECT id, name, created_at FROM actors ORDER BY id`).all()).toEqual(actorsBefore);
    expect(rows(sqlite, 'update_actors')).toEqual(taggedBefore);

    // Every negotiation that seats a party or names it says of it what was said once for all.
    expect(sqlite.prepare(`SELECT negotiation_id n, party_id p, description d FROM party_descriptions ORDER BY n, p`).all()).toEqual([
      { n: 1, p: 1, d: 'Mediator of the peace talks; party to New START.' },
      { n: 1, p: 2, d: 'Party to both.' },
      { n: 2, p: 1, d: 'Mediator of the peace talks; party to New START.' },
      { n: 2, p: 2, d: 'Party to both.' },
      { n: 2, p: 3, d: 'Not at the table.' },
    ]);
    // An actor speaks where an update names them; else wherever their party is seated; else where it is named.
    expect(sqlite.prepare(`SELECT negotiation_id n, actor_id a, party_id p, title FROM affiliations ORDER BY a, n`).all()).toEqual([
      { n: 1, a: 1, p: 1, title: 'US special envoy' },
      { n: 2, a: 2, p: 2, title: 'President of Russia' },
      { n: 1, a: 3, p: 2, title: 'Kremlin press secretary' },
      { n: 2, a: 3, p: 2, title: 'Kremlin press secretary' },
      { n: 2, a: 4, p: 3, title: 'Chinese foreign minister' },
    ]);
    // Someone of no negotiation keeps their name; their party and title are in the audit log.
    expect(listAudit(db, { entity: 'actor' }).rows.map((r) => [r.action, r.entityId, JSON.parse(r.before!)])).toEqual(
      expect.arrayContaining([
        ['migrate', 5, { name: 'A. Journalist', title: 'Reporter', partyId: null }],
        ['migrate', 6, { name: "Nobody's envoy", title: 'Envoy', partyId: 4 }],
      ]),
    );

    // The arms-control export says only what it says: its people with their titles, China named but not seated.
    const arms = JSON.parse(exportNegotiationJson(db, wholeInstance(db), 2)!);
    expect(arms.parties.map((p: { name: string; role: string | null; description: string }) => [p.name, p.role, p.description])).toEqual([
      ['United States', 'party', 'Mediator of the peace talks; party to New START.'],
      ['Russia', 'party', 'Party to both.'],
      ['China', null, 'Not at the table.'],
    ]);
    expect(arms.actors.map((a: { name: string; affiliations: { title: string }[] }) => [a.name, a.affiliations.map((f) => f.title)])).toEqual([
      ['Vladimir Putin', ['President of Russia']],
      ['Dmitry Peskov', ['Kremlin press secretary']],
      ['Wang Yi', ['Chinese foreign minister']],
    ]);
    // Search finds a person once per negotiation they speak in, by that negotiation's title, and the update tagged with them.
    expect(search(db, wholeInstance(db), 'Peskov').map((h) => h.negotiationId).sort()).toEqual([1, 2]);
    expect(search(db, wholeInstance(db), 'envoy').map((h) => [h.kind, h.negotiationId])).toEqual([['actor', 1], ['update', 1]]);
    sqlite.close();
  });

  it('splits every source into outlet, article and quote, keeping every grade and every id that cites it', () => {
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as Journal;
    const split = journal.entries.findIndex((e) => e.tag.endsWith('_sources_as_outlets_articles_quotes'));
    expect(split).toBeGreaterThan(0);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tracker-upgrade-')), 'sources.db');
    const old = new Database(file);
    old.pragma('foreign_keys = ON');
    registerSearchForms(old);
    migrate(drizzle(old), { migrationsFolder: migrationsUpTo(split) });
    // One source per quote, as analysts logged them: two quotes of one FT article, the same article graded C once,
    // "ft" in another case, El País relaying TASS, an untitled TASS item.
    old.exec(`
      INSERT INTO users (email, name, role, password_hash) VALUES ('old@example.org', 'Old Analyst', 'analyst', 'scrypt$x');
      INSERT INTO negotiations (name) VALUES ('Peace talks');
      INSERT INTO parties (name, short_name) VALUES ('Russia', 'RU');
      INSERT INTO issues (negotiation_id, title, status) VALUES (1, 'Donbas', 'deadlocked');
      INSERT INTO sources (id, outlet, title, url, published_on, quote, reliability, credibility, created_by, created_at) VALUES
        (1, 'Financial Times', 'Talks stall', 'https://ft.com/a', '2026-02-05', 'No deal on Donbas', 'B', 2, 1, '2026-02-05T10:00:00Z'),
        (2, 'Financial Times', 'Talks stall', 'https://ft.com/a', '2026-02-05', 'Guarantees are nonsense', 'B', 3, 1, '2026-02-05T11:00:00Z'),
        (3, 'financial times ', 'Talks stall', 'https://ft.com/a', '2026-02-05', 'Regraded quote', 'C', 2, 1, '2026-02-06T09:00:00Z'),
        (4, 'FINANCIAL TIMES', 'Older piece', NULL, '2026-01-10', 'Earlier', 'A', 1, 1, '2026-01-10T09:00:00Z'),
        (5, 'TASS', '', NULL, '2026-02-04', 'Peskov: no comment', 'D', 4, 1, '2026-02-04T09:00:00Z'),
        (6, 'El País', 'Lo que dijo TASS', 'https://elpais.com/t', NULL, 'Según TASS', 'B', 3, 1, '2026-02-07T09:00:00Z');
      UPDATE sources SET cites_source_id = 5 WHERE id = 6;
      INSERT INTO updates (negotiation_id, body, occurred_on, author_id) VALUES (1, 'Lavrov on guarantees', '2026-02-05', 1);
      INSERT INTO update_sources (update_id, source_id) VALUES (1, 1), (1, 2), (1, 6);
      INSERT INTO positions (issue_id, party_id, summary, stance, as_of, source_id, created_by) VALUES (1, 1, 'No withdrawal', 'opposes', '2026-02-05', 3, 1);
      INSERT INTO status_changes (issue_id, to_status, changed_on, source_id) VALUES (1, 'deadlocked', '2026-02-05', 4);
    `);
    const citedBefore = old.prepare(`SELECT id, outlet, title, url, published_on, quote, reliability, credibility, cites_source_id FROM sources ORDER BY id`).all();
    const linksBefore = rows(old, 'update_sources');
    old.close();

    const db = openDatabase(file);
    const sqlite = db.$client;
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    // The same ids, each quote reading as the source it was, grade and credibility kept; everything citing it still does.
    expect(sqlite.prepare(`SELECT id, outlet, title, url, published_on, quote, reliability, credibility, cites_source_id FROM cited_sources ORDER BY id`).all()).toEqual(
      (citedBefore as Record<string, unknown>[]).map((s) => ({ ...s, outlet: { 3: 'Financial Times', 4: 'Financial Times' }[s.id as number] ?? s.outlet })),
    );
    expect(rows(sqlite, 'update_sources')).toEqual(linksBefore);
    expect(sqlite.prepare(`SELECT source_id FROM positions`).get()).toEqual({ source_id: 3 });
    expect(sqlite.prepare(`SELECT source_id FROM status_changes`).get()).toEqual({ source_id: 4 });
    // One outlet per name whatever its case; one article for the two quotes graded B, another for the one graded C.
    expect(sqlite.prepare(`SELECT id, name, reliability FROM outlets ORDER BY id`).all()).toEqual([
      { id: 1, name: 'Financial Times', reliability: 'C' },
      { id: 2, name: 'TASS', reliability: 'D' },
      { id: 3, name: 'El País', reliability: 'B' },
    ]);
    expect(sqlite.prepare(`SELECT s.id, s.article_id a FROM sources s ORDER BY s.id`).all()).toEqual([
      { id: 1, a: 1 }, { id: 2, a: 1 }, { id: 3, a: 2 }, { id: 4, a: 3 }, { id: 5, a: 4 }, { id: 6, a: 5 },
    ]);
    // The outlet's history: each grade its articles had, from the earliest article with it.
    expect(sqlite.prepare(`SELECT outlet_id o, reliability r, graded_on d FROM outlet_gradings ORDER BY o, d`).all()).toEqual([
      { o: 1, r: 'A', d: '2026-01-10' },
      { o: 1, r: 'B', d: '2026-02-05' },
      { o: 1, r: 'C', d: '2026-02-05' },
      { o: 2, r: 'D', d: '2026-02-04' },
      { o: 3, r: 'B', d: '2026-02-07' },
    ]);
    // Search still finds a quote by its outlet, its article's title and its words, and follows a rename.
    expect(search(db, wholeInstance(db), 'nonsense').map((h) => [h.kind, h.id])).toEqual([['source', 2]]);
    expect(search(db, wholeInstance(db), 'País').map((h) => [h.kind, h.id])).toEqual([['source', 6]]);
    expect(search(db, wholeInstance(db), 'Older').map((h) => [h.kind, h.id])).toEqual([['source', 4]]);
    sqlite.prepare(`UPDATE outlets SET name = 'FT' WHERE id = 1`).run();
    expect(search(db, wholeInstance(db), 'FT').map((h) => h.id).sort()).toEqual([1, 2, 3, 4]);
    // The app writes on the old data: a new quote of the stored article reuses it.
    sqlite.close();
  });
});
