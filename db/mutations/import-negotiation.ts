import { and, eq, isNull } from 'drizzle-orm';
import type { DB } from '@/db';
import {
  actors,
  convergence,
  corroborations,
  corroborationUpdates,
  homework,
  homeworkOwners,
  issues,
  negotiationParties,
  negotiations,
  outcomes,
  parties,
  roundAgenda,
  roundDelegations,
  rounds,
} from '@/db/schema';
import type { Executor, Tx } from '@/db/types';
import { recordAudit } from './audit';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError } from '@/lib/errors';
import type { NegotiationDocument } from '@/lib/interchange/schema';

export type ImportOptions = { name?: string | null };

/** Why an import with this name would be refused, or null when the name is free. */
export function importNameProblem(db: Executor, name: string): string | null {
  const taken = db.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.name, name)).get();
  return taken ? `A negotiation named "${name}" already exists. Give the import a new name.` : null;
}

/**
 * Creates a NEW negotiation from a validated interchange document (lib/interchange/validate.ts),
 * all in one immediate transaction. It never touches another negotiation, users or roles:
 * parties and actors are reused by name when they exist, everything else is created.
 */
export function importNegotiation(db: DB, user: CurrentUser, doc: NegotiationDocument, options: ImportOptions = {}): number {
  assertRole(user, 'analyst');
  const name = options.name?.trim() || doc.negotiation.name;
  if (name.length > 200) throw new InvalidInputError('The name is too long.', { name: ['At most 200 characters.'] });
  return db.transaction(
    (tx) => {
      const problem = importNameProblem(tx, name);
      if (problem) throw new InvalidInputError(problem, { name: [problem] });
      return write(db, tx, user, doc, name);
    },
    { behavior: 'immediate' },
  );
}

// The bulky records go through statements prepared once: drizzle prepares a new statement per
// call, which dominates the time of an import with tens of thousands of rows.
function write(db: DB, tx: Tx, user: CurrentUser, doc: NegotiationDocument, name: string): number {
  const by = user.id;
  const client = db.$client;
  const bool = (v: boolean | null) => (v === null ? null : v ? 1 : 0);
  const newId = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);
  const nid = tx.insert(negotiations).values({ name, description: doc.negotiation.description, createdBy: by }).returning({ id: negotiations.id }).get().id;
  const id = (map: Map<string, number>, key: string | null) => (key === null ? null : map.get(key)!);

  const party = new Map<string, number>();
  let createdParties = 0;
  doc.parties.forEach((p) => {
    const found = tx.select({ id: parties.id }).from(parties).where(eq(parties.name, p.name)).get();
    const partyId =
      found?.id ??
      (createdParties++, tx.insert(parties).values({ name: p.name, shortName: p.shortName, description: p.description, createdBy: by }).returning({ id: parties.id }).get().id);
    party.set(p.key, partyId);
  });
  doc.parties.forEach((p, i) => {
    if (p.role) tx.insert(negotiationParties).values({ negotiationId: nid, partyId: party.get(p.key)!, role: p.role, sortOrder: i, note: p.note }).run();
  });

  const actor = new Map<string, number>();
  for (const a of doc.actors) {
    const partyId = id(party, a.party);
    const found = tx
      .select({ id: actors.id })
      .from(actors)
      .where(and(eq(actors.name, a.name), partyId === null ? isNull(actors.partyId) : eq(actors.partyId, partyId)))
      .get();
    actor.set(a.key, found?.id ?? tx.insert(actors).values({ name: a.name, title: a.title, partyId }).returning({ id: actors.id }).get().id);
  }

  const source = new Map<string, number>();
  const insertSourceRow = client.prepare(
    `INSERT INTO sources (outlet, title, url, published_on, published_on_approx, quote, reliability, credibility, created_by) VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  for (const s of doc.sources) {
    source.set(s.key, newId(insertSourceRow.run(s.outlet, s.title, s.url, s.publishedOn, bool(s.publishedOnApprox), s.quote, s.reliability, s.credibility, by)));
  }
  // A source may cite one listed after it: link once all exist.
  const citeSource = client.prepare(`UPDATE sources SET cites_source_id = ? WHERE id = ?`);
  for (const s of doc.sources) if (s.cites) citeSource.run(source.get(s.cites)!, source.get(s.key)!);

  const issue = new Map<string, number>();
  for (const i of doc.issues) {
    const { key, ...values } = i;
    issue.set(key, tx.insert(issues).values({ ...values, negotiationId: nid, createdBy: by }).returning({ id: issues.id }).get().id);
  }

  const round = new Map<string, number>();
  for (const r of doc.rounds) {
    const { key, agenda, delegations, outcomes: results, ...values } = r;
    void results;
    const roundId = tx.insert(rounds).values({ ...values, negotiationId: nid, createdBy: by }).returning({ id: rounds.id }).get().id;
    round.set(key, roundId);
    for (const k of agenda) tx.insert(roundAgenda).values({ roundId, issueId: issue.get(k)! }).run();
    for (const d of delegations) tx.insert(roundDelegations).values({ roundId, partyId: party.get(d.party)!, head: d.head }).run();
  }
  for (const r of doc.rounds) {
    for (const o of r.outcomes) {
      tx.insert(outcomes)
        .values({ roundId: round.get(r.key)!, issueId: id(issue, o.issue), text: o.text, sourceId: id(source, o.source), createdBy: by })
        .run();
    }
  }

  const update = new Map<string, number>();
  const lastActivity = new Map<number, string>();
  const insertUpdate = client.prepare(
    `INSERT INTO updates (negotiation_id, occurred_on, occurred_time, body, round_id, author_id) VALUES (?,?,?,?,?,?)`,
  );
  const link = (table: string, column: string) => client.prepare(`INSERT INTO ${table} (update_id, ${column}) VALUES (?, ?)`);
  const linkIssue = link('update_issues', 'issue_id');
  const linkParty = link('update_parties', 'party_id');
  const linkActor = link('update_actors', 'actor_id');
  const linkSource = link('update_sources', 'source_id');
  for (const u of doc.updates) {
    const updateId = newId(insertUpdate.run(nid, u.occurredOn, u.occurredTime, u.body, id(round, u.round), by));
    update.set(u.key, updateId);
    for (const k of u.issues) {
      const issueId = issue.get(k)!;
      linkIssue.run(updateId, issueId);
      if ((lastActivity.get(issueId) ?? '') < u.occurredOn) lastActivity.set(issueId, u.occurredOn);
    }
    for (const k of u.parties) linkParty.run(updateId, party.get(k)!);
    for (const k of u.actors) linkActor.run(updateId, actor.get(k)!);
    for (const k of u.sources) linkSource.run(updateId, source.get(k)!);
  }

  const position = new Map<string, number>();
  const insertPosition = client.prepare(
    `INSERT INTO positions (issue_id, party_id, summary, stance, red_lines, flexibility, as_of, source_id, round_id, update_id, is_current, created_by)
     VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`,
  );
  for (const p of doc.positions) {
    const positionId = newId(
      insertPosition.run(
        issue.get(p.issue)!,
        party.get(p.party)!,
        p.summary,
        p.stance,
        p.redLines,
        p.flexibility,
        p.asOf,
        id(source, p.source),
        id(round, p.round),
        id(update, p.update),
        bool(p.isCurrent),
        by,
      ),
    );
    position.set(p.key, positionId);
  }
  const supersede = client.prepare(`UPDATE positions SET supersedes_id = ? WHERE id = ?`);
  for (const p of doc.positions) if (p.supersedes) supersede.run(position.get(p.supersedes)!, position.get(p.key)!);

  const insertStatusChange = client.prepare(
    `INSERT INTO status_changes (issue_id, from_status, to_status, changed_on, note, round_id, update_id, source_id, created_by) VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  for (const s of doc.statusChanges) {
    insertStatusChange.run(issue.get(s.issue)!, s.from, s.to, s.changedOn, s.note, id(round, s.round), id(update, s.update), id(source, s.source), by);
  }

  for (const h of doc.homework) {
    const { owners, issue: issueKey, assignedRound, dueRound, ...values } = h;
    const homeworkId = tx
      .insert(homework)
      .values({
        ...values,
        negotiationId: nid,
        issueId: id(issue, issueKey),
        assignedRoundId: id(round, assignedRound),
        dueRoundId: id(round, dueRound),
        createdBy: by,
      })
      .returning({ id: homework.id })
      .get().id;
    for (const k of owners) tx.insert(homeworkOwners).values({ homeworkId, partyId: party.get(k)! }).run();
  }

  for (const c of doc.corroborations) {
    const corroborationId = tx
      .insert(corroborations)
      .values({ label: c.label, consistent: c.consistent, note: c.note, createdBy: by })
      .returning({ id: corroborations.id })
      .get().id;
    for (const k of c.updates) tx.insert(corroborationUpdates).values({ corroborationId, updateId: update.get(k)! }).run();
  }

  for (const c of doc.convergence) {
    tx.insert(convergence).values({ issueId: issue.get(c.issue)!, roundId: round.get(c.round)!, distance: c.distance, note: c.note, assessedBy: by }).run();
  }

  for (const [issueId, on] of lastActivity) tx.update(issues).set({ lastActivityAt: on }).where(eq(issues.id, issueId)).run();

  recordAudit(tx, {
    userId: by,
    action: 'import',
    entity: 'negotiation',
    entityId: nid,
    after: {
      name,
      importedFrom: doc.negotiation.name,
      parties: doc.parties.length,
      partiesCreated: createdParties,
      issues: doc.issues.length,
      rounds: doc.rounds.length,
      updates: doc.updates.length,
      positions: doc.positions.length,
      sources: doc.sources.length,
      homework: doc.homework.length,
    },
  });
  return nid;
}
