import { and, eq, isNull } from 'drizzle-orm';
import type { DB } from '../index';
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
  positions,
  roundAgenda,
  roundDelegations,
  rounds,
  sources,
  statusChanges,
  updateActors,
  updateIssues,
  updateParties,
  updates,
  updateSources,
} from '../schema';
import type { Executor, Tx } from '../types';
import { recordAudit } from './audit';
import { assertRole, type CurrentUser } from '../../lib/roles';
import { InvalidInputError } from '../../lib/errors';
import type { NegotiationDocument } from '../../lib/interchange/schema';

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
      return write(tx, user, doc, name);
    },
    { behavior: 'immediate' },
  );
}

function write(tx: Tx, user: CurrentUser, doc: NegotiationDocument, name: string): number {
  const by = user.id;
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
  for (const s of doc.sources) {
    const { key, cites: _cites, ...values } = s;
    void _cites;
    source.set(key, tx.insert(sources).values({ ...values, createdBy: by }).returning({ id: sources.id }).get().id);
  }
  // A source may cite one listed after it: link once all exist.
  for (const s of doc.sources) {
    if (s.cites) tx.update(sources).set({ citesSourceId: source.get(s.cites)! }).where(eq(sources.id, source.get(s.key)!)).run();
  }

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
  for (const u of doc.updates) {
    const updateId = tx
      .insert(updates)
      .values({ negotiationId: nid, occurredOn: u.occurredOn, occurredTime: u.occurredTime, body: u.body, roundId: id(round, u.round), authorId: by })
      .returning({ id: updates.id })
      .get().id;
    update.set(u.key, updateId);
    for (const k of u.issues) {
      const issueId = issue.get(k)!;
      tx.insert(updateIssues).values({ updateId, targetId: issueId }).run();
      if ((lastActivity.get(issueId) ?? '') < u.occurredOn) lastActivity.set(issueId, u.occurredOn);
    }
    for (const k of u.parties) tx.insert(updateParties).values({ updateId, targetId: party.get(k)! }).run();
    for (const k of u.actors) tx.insert(updateActors).values({ updateId, targetId: actor.get(k)! }).run();
    for (const k of u.sources) tx.insert(updateSources).values({ updateId, targetId: source.get(k)! }).run();
  }

  const position = new Map<string, number>();
  for (const p of doc.positions) {
    const positionId = tx
      .insert(positions)
      .values({
        issueId: issue.get(p.issue)!,
        partyId: party.get(p.party)!,
        summary: p.summary,
        stance: p.stance,
        redLines: p.redLines,
        flexibility: p.flexibility,
        asOf: p.asOf,
        sourceId: id(source, p.source),
        roundId: id(round, p.round),
        updateId: id(update, p.update),
        isCurrent: p.isCurrent,
        createdBy: by,
      })
      .returning({ id: positions.id })
      .get().id;
    position.set(p.key, positionId);
  }
  for (const p of doc.positions) {
    if (p.supersedes) tx.update(positions).set({ supersedesId: position.get(p.supersedes)! }).where(eq(positions.id, position.get(p.key)!)).run();
  }

  for (const s of doc.statusChanges) {
    tx.insert(statusChanges)
      .values({
        issueId: issue.get(s.issue)!,
        fromStatus: s.from,
        toStatus: s.to,
        changedOn: s.changedOn,
        note: s.note,
        roundId: id(round, s.round),
        updateId: id(update, s.update),
        sourceId: id(source, s.source),
        createdBy: by,
      })
      .run();
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
