import { describe, expect, it } from 'vitest';
import { freshDb, makeNegotiation, makeSource, makeUser } from './factories';
import { changesSince, staleMessage, writeVersioned, type VersionedRecord } from '@/db/mutations/versions';
import { changeSentence, describeFields, quote, refusalMessage } from '@/lib/stale-edit';
import { updateNegotiation } from '@/db/mutations/negotiations';
import { addActor } from '@/db/mutations/parties';
import { negotiations } from '@/db/schema';
import { eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { ConflictError, NotFoundError } from '@/lib/errors';

// What an analyst reads when a save is refused because someone saved first (db/mutations/versions.ts),
// and the database's part: every write of what a form shows moves the version, whoever makes it.

describe('the words of a refusal', () => {
  it('quotes a value on one line, and clips a long one', () => {
    expect(quote('Phase one:\n  hostages  for prisoners')).toBe('“Phase one: hostages for prisoners”');
    expect(quote(' x ')).toBe('“x”');
    const long = 'a'.repeat(200);
    expect(quote(long)).toBe(`“${'a'.repeat(159)}…”`);
    expect(quote('b'.repeat(160))).toBe(`“${'b'.repeat(160)}”`);
  });

  it('says what a field now reads, that it is empty, or what a list now holds', () => {
    expect(changeSentence({ label: 'description' }, 'Talks in Doha')).toBe('the description now reads “Talks in Doha”');
    expect(changeSentence({ label: 'venue' }, '')).toBe('the venue is now empty');
    expect(changeSentence({ label: 'venue' }, '   ')).toBe('the venue is now empty');
    expect(changeSentence({ label: 'end date' }, null)).toBe('the end date is now empty');
    expect(changeSentence({ label: 'note' }, undefined)).toBe('the note is now empty');
    expect(changeSentence({ label: 'distance' }, 2)).toBe('the distance now reads “2”');
    expect(changeSentence({ label: 'agenda' }, ['Donbas status', 'Security guarantees'])).toBe('the agenda now lists “Donbas status”, “Security guarantees”');
    expect(changeSentence({ label: 'agenda' }, [])).toBe('the agenda is now empty');
    expect(changeSentence({ label: 'status', show: (v) => String(v).replace(/_/g, ' ') }, 'under_discussion')).toBe('the status now reads “under discussion”');
    expect(changeSentence({ label: 'password', phrase: () => 'the password was reset' }, undefined)).toBe('the password was reset');
    expect(changeSentence({ label: 'access', show: (v) => (v ? 'disabled' : 'active'), phrase: (s) => `the account is now ${String(s)}` }, true)).toBe('the account is now disabled');
  });

  it("names only the fields asked for, in the form's order, with their values now", () => {
    const fields = { name: { label: 'name' }, venue: { label: 'venue' }, summary: { label: 'summary' } };
    const now = { summary: 'Productive', name: 'Abu Dhabi 2', venue: 'Abu Dhabi' };
    expect(describeFields(fields, now, new Set(['summary', 'name', 'version']))).toEqual(['the name now reads “Abu Dhabi 2”', 'the summary now reads “Productive”']);
    expect(describeFields(fields, undefined, new Set(['venue']))).toEqual(['the venue is now empty']);
    expect(describeFields(fields, now, new Set())).toEqual([]);
  });

  it('says who saved first and what they did, then asks to review and save again', () => {
    const base = { what: 'this round', others: [], self: false, changes: ['the venue now reads “Geneva”', 'the agenda is now empty'] };
    expect(refusalMessage({ ...base, others: ['Ana'] })).toBe('Ana changed this round since you opened the form: the venue now reads “Geneva”; the agenda is now empty. Review and save again.');
    expect(refusalMessage({ ...base, others: ['Ana', 'Bob'], self: true })).toBe(
      'Ana and Bob changed this round since you opened the form: the venue now reads “Geneva”; the agenda is now empty. Review and save again.',
    );
    expect(refusalMessage({ ...base, self: true })).toBe(
      'You changed this round in another window since you opened this form: the venue now reads “Geneva”; the agenda is now empty. Review and save again.',
    );
    expect(refusalMessage(base)).toBe('Someone changed this round since you opened the form: the venue now reads “Geneva”; the agenda is now empty. Review and save again.');
    expect(refusalMessage({ ...base, others: ['Ana'], added: 'seated Qatar at this negotiation', changes: ['the role now reads “mediator”'] })).toBe(
      'Ana seated Qatar at this negotiation since you opened the form: the role now reads “mediator”. Review and save again.',
    );
  });

  it('names who saved first: another user by name, several joined, or you in another window', () => {
    const db = freshDb();
    const me = makeUser(db);
    const ana = makeUser(db);
    const bob = makeUser(db);
    const stale = (by: number[], added?: string) => staleMessage(db, me, { what: 'this round', added, by, changes: ['the venue now reads “Geneva”'] });
    expect(stale([ana.id])).toBe(`${ana.name} changed this round since you opened the form: the venue now reads “Geneva”. Review and save again.`);
    expect(stale([ana.id, me.id, bob.id])).toBe(`${ana.name} and ${bob.name} changed this round since you opened the form: the venue now reads “Geneva”. Review and save again.`);
    expect(stale([me.id])).toBe('You changed this round in another window since you opened this form: the venue now reads “Geneva”. Review and save again.');
    expect(stale([])).toBe('Someone changed this round since you opened the form: the venue now reads “Geneva”. Review and save again.');
    expect(stale([9999])).toMatch(/^another user changed this round since/);
    expect(stale([ana.id], 'seated Qatar at this negotiation')).toBe(`${ana.name} seated Qatar at this negotiation since you opened the form: the venue now reads “Geneva”. Review and save again.`);
    expect(staleMessage(db, null, { what: 'this round', by: [ana.id], changes: ['x'] })).toMatch(new RegExp(`^${ana.name} changed`));
  });
});

/** The negotiation record as the mutations describe it, for the helper's own tests. */
function negotiationRecord(db: DB, id: number): VersionedRecord<typeof negotiations.$inferSelect> {
  return {
    what: 'this negotiation',
    audit: { entities: ['negotiation'], entityId: id },
    read: () => db.select().from(negotiations).where(eq(negotiations.id, id)).get(),
    bump: () => db.update(negotiations).set({ version: sql`${negotiations.version} + 1` }).where(eq(negotiations.id, id)).run(),
    fields: { name: { label: 'name' }, description: { label: 'description' } },
  };
}

describe('a versioned write', () => {
  it('reads what changed since a version from the audit log: the fields that moved and who moved them', () => {
    const db = freshDb();
    const ana = makeUser(db);
    const bob = makeUser(db, 'admin');
    // Left restricted as it starts (ana its member, bob an admin): opening it would be a write of its own.
    const { negotiationId } = makeNegotiation(db, ana, undefined, { restricted: true });
    updateNegotiation(db, ana, negotiationId, 1, { name: 'Talks', description: 'First' });
    updateNegotiation(db, bob, negotiationId, 2, { name: 'Talks renamed', description: 'First' });
    const record = negotiationRecord(db, negotiationId);
    const all = changesSince(db, record, 1);
    expect(all.by).toEqual([ana.id, bob.id]);
    expect([...all.keys]).toEqual(expect.arrayContaining(['name', 'description', 'version']));
    const later = changesSince(db, record, 2);
    expect(later.by).toEqual([bob.id]);
    expect(later.keys.has('name')).toBe(true);
    expect(later.keys.has('description')).toBe(false);
    expect(changesSince(db, record, 3)).toEqual({ by: [], keys: new Set() });

    expect(() => updateNegotiation(db, ana, negotiationId, 2, { name: 'Talks', description: 'Mine' })).toThrow(
      `${bob.name} changed this negotiation since you opened the form: the name now reads “Talks renamed”. Review and save again.`,
    );
  });

  it('moves the version on even when the write did not, and records before and after with their versions', () => {
    const db = freshDb();
    const ana = makeUser(db);
    const { negotiationId } = makeNegotiation(db, ana, undefined, { restricted: true });
    const record = negotiationRecord(db, negotiationId);
    // A write that changes nothing the row holds (as a part kept in another table would).
    const after = db.transaction((tx) => writeVersioned(tx, ana, { ...record, read: () => tx.select().from(negotiations).where(eq(negotiations.id, negotiationId)).get() }, 1, () => undefined));
    expect(after.version).toBe(2);
    const audit = db.$client.prepare(`SELECT before, after, user_id FROM audit_log WHERE entity = 'negotiation' ORDER BY id DESC LIMIT 1`).get() as { before: string; after: string; user_id: number };
    expect(JSON.parse(audit.before).version).toBe(1);
    expect(JSON.parse(audit.after).version).toBe(2);
    expect(audit.user_id).toBe(ana.id);
  });

  it('refuses a form opened on a record that is gone as not found, and lists everything it shows when the log says nothing', () => {
    const db = freshDb();
    const ana = makeUser(db);
    const { negotiationId } = makeNegotiation(db, ana, undefined, { restricted: true });
    expect(() => updateNegotiation(db, ana, negotiationId + 100, 1, { name: 'X', description: '' })).toThrow(NotFoundError);
    expect(() => updateNegotiation(db, ana, negotiationId + 100, 1, { name: 'X', description: '' })).toThrow('The negotiation was not found; it may have been deleted.');
    // A version the record never had (a hand-made request): nothing in the log, so every field is named.
    const refusal = (() => {
      try {
        updateNegotiation(db, ana, negotiationId, 7, { name: 'X', description: '' });
      } catch (error) {
        return error as Error;
      }
    })();
    expect(refusal).toBeInstanceOf(ConflictError);
    expect(refusal!.message).toMatch(/^Someone changed this negotiation since you opened the form: the name now reads “Talks \w+”; the description is now empty; the handling marking is now empty; the access now reads “members only”\. Review and save again\.$/);
  });
});

describe('what a refusal says changed', () => {
  /** A record of the negotiations table found by its name, so it can be made by the first write. */
  function namedNegotiation(db: DB, name: string): VersionedRecord<typeof negotiations.$inferSelect> {
    return {
      what: `the negotiation ${name}`,
      added: `started the negotiation ${name}`,
      audit: { entities: ['negotiation'], entityId: 0 },
      read: () => db.select().from(negotiations).where(eq(negotiations.name, name)).get(),
      bump: () => db.update(negotiations).set({ version: sql`${negotiations.version} + 1` }).where(eq(negotiations.name, name)).run(),
      fields: { name: { label: 'name' }, description: { label: 'description' }, updatedAt: { label: 'last edit' } },
    };
  }

  it('names a record made since the form was opened by what it was given, leaving out its empty fields', () => {
    const db = freshDb();
    const ana = makeUser(db);
    const bob = makeUser(db);
    const record = namedNegotiation(db, 'Iran nuclear file');
    writeVersioned(db, ana, record, 0, () => db.insert(negotiations).values({ name: 'Iran nuclear file', description: '' }).run());
    expect(() => writeVersioned(db, bob, record, 0, () => undefined)).toThrow(
      `${ana.name} started the negotiation Iran nuclear file since you opened the form: the name now reads “Iran nuclear file”. Review and save again.`,
    );
  });

  it('answers a form claiming the record did not exist yet (a hand-made request) with what it was made with', () => {
    const db = freshDb();
    const ana = makeUser(db);
    const bob = makeUser(db, 'admin');
    // Left restricted as it starts (ana its member, bob an admin): opening it would be a write of its own.
    const { negotiationId } = makeNegotiation(db, ana, undefined, { restricted: true });
    const name = (db.select().from(negotiations).where(eq(negotiations.id, negotiationId)).get()!).name;
    expect(() => updateNegotiation(db, bob, negotiationId, 0, { name: 'Mine', description: '' })).toThrow(
      `${ana.name} changed this negotiation since you opened the form: the name now reads “${name}”; the access now reads “members only”. Review and save again.`,
    );
  });

  it('says a field was emptied, and who did it; a write by the shell is by someone', () => {
    const db = freshDb();
    const ana = makeUser(db);
    const bob = makeUser(db);
    const record = namedNegotiation(db, 'Gaza ceasefire');
    writeVersioned(db, ana, record, null, () => db.insert(negotiations).values({ name: 'Gaza ceasefire', description: 'Phase one' }).run());
    writeVersioned(db, ana, record, 1, () => db.update(negotiations).set({ description: '' }).where(eq(negotiations.name, 'Gaza ceasefire')).run());
    expect(() => writeVersioned(db, bob, record, 1, () => undefined)).toThrow(
      `${ana.name} changed the negotiation Gaza ceasefire since you opened the form: the description is now empty. Review and save again.`,
    );
    writeVersioned(db, null, record, null, () => db.update(negotiations).set({ description: 'Phase two' }).where(eq(negotiations.name, 'Gaza ceasefire')).run());
    expect(() => writeVersioned(db, bob, record, 2, () => undefined)).toThrow(
      'Someone changed the negotiation Gaza ceasefire since you opened the form: the description now reads “Phase two”. Review and save again.',
    );
  });
});

describe('the database moves a version on any write of what a form shows', () => {
  const raw = (db: DB, statement: string, ...params: unknown[]) => db.$client.prepare(statement).run(...params);
  const version = (db: DB, table: string, where: string, ...params: unknown[]) =>
    (db.$client.prepare(`SELECT version FROM ${table} WHERE ${where}`).get(...params) as { version: number }).version;

  it('on each versioned table, for a write made outside the mutations, and not for bookkeeping columns', () => {
    const db = freshDb();
    const ana = makeUser(db);
    const { negotiationId, partyA, issueId } = makeNegotiation(db, ana);
    addActor(db, ana, { name: 'Raw envoy', negotiationId, partyId: partyA, title: '', startsOn: null, endsOn: null });
    const affiliationId = (db.$client.prepare(`SELECT max(id) id FROM affiliations`).get() as { id: number }).id;
    const checks: [string, string, string, unknown[]][] = [
      ['negotiations', `description = 'raw'`, 'id = ?', [negotiationId]],
      ['parties', `short_name = 'RW'`, 'id = ?', [partyA]],
      ['negotiation_parties', `note = 'raw'`, 'negotiation_id = ? AND party_id = ?', [negotiationId, partyA]],
      ['issues', `title = 'Raw'`, 'id = ?', [issueId]],
      ['users', `role = 'viewer'`, 'id = ?', [ana.id]],
      ['affiliations', `title = 'raw'`, 'id = ?', [affiliationId]],
      ['outlets', `reliability = 'C'`, 'id = (SELECT a.outlet_id FROM articles a JOIN sources s ON s.article_id = a.id WHERE s.id = ?)', [makeSource(db, ana, { outlet: 'Raw outlet' })]],
    ];
    for (const [table, set, where, params] of checks) {
      const was = version(db, table, where, ...params);
      raw(db, `UPDATE ${table} SET ${set} WHERE ${where}`, ...params);
      expect(version(db, table, where, ...params), table).toBe(was + 1);
      // A write that moves the version itself is left alone.
      raw(db, `UPDATE ${table} SET ${set}, version = version + 5 WHERE ${where}`, ...params);
      expect(version(db, table, where, ...params), table).toBe(was + 6);
    }
    const issueVersion = version(db, 'issues', 'id = ?', issueId);
    raw(db, `UPDATE issues SET last_activity_at = 'now' WHERE id = ?`, issueId);
    expect(version(db, 'issues', 'id = ?', issueId)).toBe(issueVersion);
    // What the negotiation says of a party is edited on its seat's form: changing it moves the seat's version.
    const seat = () => version(db, 'negotiation_parties', 'negotiation_id = ? AND party_id = ?', negotiationId, partyA);
    const seatWas = seat();
    raw(db, `UPDATE party_descriptions SET description = 'raw' WHERE negotiation_id = ? AND party_id = ?`, negotiationId, partyA);
    expect(seat()).toBe(seatWas + 1);
    raw(db, `UPDATE party_descriptions SET description = 'raw' WHERE negotiation_id = ? AND party_id = ?`, negotiationId, partyA);
    expect(seat()).toBe(seatWas + 1);
    const triggers = (db.$client.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_version'`).all() as { name: string }[]).map((t) => t.name);
    expect(triggers.sort()).toEqual(
      ['affiliations', 'convergence', 'corroborations', 'homework', 'issues', 'negotiation_parties', 'negotiations', 'outlets', 'parties', 'party_descriptions_seat', 'rounds', 'updates', 'users'].map((t) => `${t}_version`),
    );
  });
});
