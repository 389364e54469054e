import { eq } from 'drizzle-orm';
import { storedColumns } from '@/lib/partial-date';
import { readWhen } from '@/lib/interchange/schema';
import { outletGrades } from '@/lib/outlet-grades';
import { todayIso } from '@/lib/dates';
import type { DB } from '@/db';
import {
  actors,
  affiliations,
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
  partyDescriptions,
  roundAgenda,
  roundDelegations,
  rounds,
} from '@/db/schema';
import { clientOf, type Executor, type Tx } from '@/db/types';
import { countNegotiationsNamingActor, countNegotiationsNamingParty, findActorByName } from '@/db/queries/parties';
import { recordAudit } from './audit';
import { refreshLastEvent } from './last-event';
import { appendPosition } from './position-chain';
import { joinAsAnalyst } from './negotiations';
import { normalizeMarking } from '@/lib/access';
import { assertRole, type CurrentUser } from '@/lib/roles';
import { InvalidInputError } from '@/lib/errors';
import { copyIsIntact } from '@/lib/archived-copy';
import { unsourcedFlag } from '@/lib/update-sourcing';
import type { NegotiationCollection, NegotiationDocument } from '@/lib/interchange/schema';
import type { ImportMatch } from '@/lib/interchange/matches';

export type ImportOptions = { name?: string | null };

/** The negotiations an import created, and every party and actor it found already here and reused. */
export type ImportResult = { ids: number[]; matches: ImportMatch[] };

/** Why an import with this name would be refused, or null when the name is free. */
export function importNameProblem(db: Executor, name: string): string | null {
  const taken = db.select({ id: negotiations.id }).from(negotiations).where(eq(negotiations.name, name)).get();
  return taken ? `A negotiation named "${name}" already exists. Give the import a new name.` : null;
}

/**
 * Creates a NEW negotiation from a validated interchange document (lib/interchange/validate.ts),
 * all in one immediate transaction. It never touches another negotiation, users or roles:
 * parties and actors are reused by name when they exist (and named in the result), with what the
 * document says of them kept for the new negotiation only; everything else is created.
 */
export function importNegotiation(db: DB, user: CurrentUser, doc: NegotiationDocument, options: ImportOptions = {}): { id: number; matches: ImportMatch[] } {
  assertRole(user, 'analyst');
  const name = options.name?.trim() || doc.negotiation.name;
  if (name.length > 200) throw new InvalidInputError('The name is too long.', { name: ['At most 200 characters.'] });
  const { ids, matches } = importDocuments(db, user, [{ doc, name }]);
  return { id: ids[0], matches };
}

/** Creates the negotiations of a validated collection together, in one transaction: all of them or none. */
export function importCollection(db: DB, user: CurrentUser, collection: NegotiationCollection): ImportResult {
  assertRole(user, 'analyst');
  return importDocuments(
    db,
    user,
    collection.negotiations.map((doc) => ({ doc, name: doc.negotiation.name })),
  );
}

type Member = { doc: NegotiationDocument; name: string };

function importDocuments(db: DB, user: CurrentUser, members: Member[]): ImportResult {
  return db.transaction(
    (tx) => {
      for (const { name } of members) {
        const problem = importNameProblem(tx, name);
        if (problem) throw new InvalidInputError(problem, { name: [problem] });
      }
      return write(tx, user, members);
    },
    { behavior: 'immediate' },
  );
}

/**
 * Local keys → the ids created for them, across the whole file: a record of one document may
 * refer to a record of another (lib/interchange/schema.ts).
 */
class Ids {
  private byKey = new Map<string, number>();
  set(key: string, id: number) {
    this.byKey.set(key, id);
  }
  has(key: string) {
    return this.byKey.has(key);
  }
  /** The id of a key the validator has checked exists. */
  of(key: string): number {
    return this.byKey.get(key)!;
  }
  ref(key: string | null): number | null {
    return key === null ? null : this.of(key);
  }
}

/**
 * One import: its transaction, its author, its documents with the negotiation each becomes, the keys
 * written so far, and the parties and actors found already here.
 */
type Context = { tx: Tx; by: number; members: Member[]; negotiationIds: number[]; ids: Ids; matches: ImportMatch[] };

// Kind by kind across all documents, in the order listed: every record a reference can point at
// exists before the records that refer to it, and ids follow the order of the file.
function write(tx: Tx, user: CurrentUser, members: Member[]): ImportResult {
  const negotiationIds = members.map(
    ({ doc, name }) =>
      tx
        .insert(negotiations)
        .values({ name, description: doc.negotiation.description, marking: normalizeMarking(doc.negotiation.marking ?? ''), createdBy: user.id })
        .returning({ id: negotiations.id })
        .get().id,
  );
  // Restricted to the importer, as any new negotiation (docs/decisions/0017), until they open it or add members.
  for (const id of negotiationIds) joinAsAnalyst(tx, user, id);
  const ctx: Context = { tx, by: user.id, members, negotiationIds, ids: new Ids(), matches: [] };
  const createdParties = writeParties(ctx);
  writeActors(ctx);
  writeSources(ctx);
  writeIssuesAndRounds(ctx);
  writeUpdates(ctx);
  writePositionsAndStatusChanges(ctx);
  writeHomework(ctx);
  writeJudgements(ctx);

  members.forEach(({ doc, name }, n) =>
    recordAudit(tx, {
      userId: user.id,
      action: 'import',
      entity: 'negotiation',
      entityId: negotiationIds[n],
      after: {
        name,
        importedFrom: doc.negotiation.name,
        parties: doc.parties.length,
        partiesCreated: createdParties[n],
        matched: ctx.matches.map((m) => `${m.kind}: ${m.name}`),
        issues: doc.issues.length,
        rounds: doc.rounds.length,
        updates: doc.updates.length,
        positions: doc.positions.length,
        sources: doc.sources.length,
        homework: doc.homework.length,
      },
    }),
  );
  return { ids: negotiationIds, matches: ctx.matches };
}

/**
 * Parties are matched by name; a party listed by several documents of the file is one party, listed
 * in each. What a document says of a party (description; role and note when seated) is written for
 * its own negotiation only: a matched party's other negotiations keep theirs, and it keeps its short name.
 */
function writeParties({ tx, by, members, ids, negotiationIds, matches }: Context): number[] {
  return members.map(({ doc }, n) => {
    let created = 0;
    doc.parties.forEach((p, i) => {
      if (!ids.has(p.key)) {
        const found = tx.select({ id: parties.id, shortName: parties.shortName }).from(parties).where(eq(parties.name, p.name)).get();
        if (found) {
          matches.push({
            kind: 'party',
            name: p.name,
            otherNegotiations: countNegotiationsNamingParty(tx, found.id, negotiationIds),
            ...(found.shortName !== p.shortName ? { shortNameKept: { kept: found.shortName, inFile: p.shortName } } : {}),
          });
        } else created++;
        ids.set(p.key, found?.id ?? tx.insert(parties).values({ name: p.name, shortName: p.shortName, createdBy: by }).returning({ id: parties.id }).get().id);
      }
      const partyId = ids.of(p.key);
      tx.insert(partyDescriptions).values({ negotiationId: negotiationIds[n], partyId, description: p.description }).run();
      if (p.role) tx.insert(negotiationParties).values({ negotiationId: negotiationIds[n], partyId, role: p.role, sortOrder: i, note: p.note }).run();
    });
    return created;
  });
}

/**
 * A person is matched by name, to one not yet matched or made by this import (two people of one name
 * stay two); their affiliations in the document are written for its own negotiation.
 */
function writeActors({ tx, by, members, ids, negotiationIds, matches }: Context): void {
  const taken: number[] = [];
  members.forEach(({ doc }, n) => {
    for (const a of doc.actors) {
      if (!ids.has(a.key)) {
        const found = findActorByName(tx, a.name, taken);
        if (found) matches.push({ kind: 'actor', name: a.name, otherNegotiations: countNegotiationsNamingActor(tx, found.id, negotiationIds) });
        const actorId = found?.id ?? tx.insert(actors).values({ name: a.name }).returning({ id: actors.id }).get().id;
        taken.push(actorId);
        ids.set(a.key, actorId);
      }
      for (const f of a.affiliations) {
        tx.insert(affiliations)
          .values({ negotiationId: negotiationIds[n], actorId: ids.of(a.key), partyId: ids.ref(f.party), title: f.title, startsOn: f.from, endsOn: f.to, createdBy: by })
          .run();
      }
    }
  });
}

// The bulky records go through statements prepared once: drizzle prepares a new statement per
// call, which dominates the time of an import with tens of thousands of rows.
const IMPORTED_GRADING = 'As its articles were graded in the imported file.';
const newId = (r: { lastInsertRowid: number | bigint }) => Number(r.lastInsertRowid);

/**
 * Each source becomes a quote of an article of an outlet (docs/decisions/0023). An outlet the instance knows by
 * name, whatever its case, is reused and keeps its grade and history; a new one is made as the file lists it, or,
 * when the file lists it not, graded from its articles (lib/outlet-grades.ts, dated today when undated). The
 * sources of a file that share outlet, title, URL, date and grade are quotes of one article.
 */
function writeSources({ tx, by, members, ids }: Context): void {
  const client = clientOf(tx);
  const findOutlet = client.prepare(`SELECT id FROM outlets WHERE lower(name) = lower(?)`).pluck();
  const insertOutlet = client.prepare(`INSERT INTO outlets (name, reliability, created_by) VALUES (?,?,?)`);
  const insertGrading = client.prepare(`INSERT INTO outlet_gradings (outlet_id, reliability, graded_on, note, created_by) VALUES (?,?,?,?,?)`);
  const insertArticle = client.prepare(
    `INSERT INTO articles (outlet_id, title, url, published_on, published_on_precision, published_on_label, reliability, created_by) VALUES (?,?,?,?,?,?,?,?)`,
  );
  const insertQuote = client.prepare(`INSERT INTO sources (article_id, quote, credibility, created_by) VALUES (?,?,?,?)`);
  const keepArchive = client.prepare(`UPDATE articles SET archived_text = ?, archived_at = ?, archived_sha256 = ? WHERE id = ? AND archived_text IS NULL`);
  const all = members.flatMap(({ doc }) => doc.sources);
  const listed = new Map(members.flatMap(({ doc }) => doc.outlets).map((o) => [o.name.trim().toLowerCase(), o]));
  const graded = all.map((s) => ({ outlet: s.outlet, publishedOn: readWhen(s.publishedOn)?.date ?? null, reliability: s.reliability }));
  const derived = new Map(outletGrades(graded, todayIso()).map((o) => [o.name.toLowerCase(), o]));
  const outletIds = new Map<string, number>();
  const articleIds = new Map<string, number>();
  for (const name of [...new Set(all.map((s) => s.outlet.trim()))]) {
    const nameKey = name.toLowerCase();
    if (outletIds.has(nameKey)) continue;
    const known = findOutlet.get(name) as number | undefined;
    if (known !== undefined) {
      outletIds.set(nameKey, known);
      continue;
    }
    const given = listed.get(nameKey);
    const outlet = given
      ? { name: given.name.trim(), current: given.reliability, gradings: given.gradings.map((g) => ({ reliability: g.reliability, on: g.on, note: g.note })) }
      : { ...derived.get(nameKey)!, gradings: derived.get(nameKey)!.gradings.map((g) => ({ ...g, note: IMPORTED_GRADING })) };
    const id = newId(insertOutlet.run(outlet.name, outlet.current, by));
    for (const g of outlet.gradings) insertGrading.run(id, g.reliability, g.on, g.note, by);
    outletIds.set(nameKey, id);
  }
  for (const s of all) {
    const outletId = outletIds.get(s.outlet.trim().toLowerCase())!;
    const published = storedColumns(readWhen(s.publishedOn));
    const articleKey = JSON.stringify([outletId, s.title, s.url, published.date, published.precision, published.label, s.reliability]);
    let articleId = articleIds.get(articleKey);
    if (articleId === undefined) {
      articleId = newId(insertArticle.run(outletId, s.title, s.url, published.date, published.precision, published.label, s.reliability, by));
      articleIds.set(articleKey, articleId);
    }
    if (s.archive) {
      // Evidence crosses trackers unchanged, or not at all.
      if (!copyIsIntact(s.archive)) throw new InvalidInputError(`The archived copy of source ${s.key} does not match its SHA-256: it was changed after it was kept.`);
      keepArchive.run(s.archive.text, s.archive.capturedAt, s.archive.sha256.toLowerCase(), articleId);
    }
    ids.set(s.key, newId(insertQuote.run(articleId, s.quote, s.credibility, by)));
  }
  // A source may cite one listed after it: link once all exist.
  const cite = client.prepare(`UPDATE sources SET cites_source_id = ? WHERE id = ?`);
  for (const s of all) if (s.cites) cite.run(ids.of(s.cites), ids.of(s.key));
}

function writeIssuesAndRounds({ tx, by, members, ids, negotiationIds }: Context): void {
  members.forEach(({ doc }, n) => {
    for (const { key, keywords, ...values } of doc.issues) {
      ids.set(key, tx.insert(issues).values({ ...values, keywords: (keywords ?? []).join('\n'), negotiationId: negotiationIds[n], createdBy: by }).returning({ id: issues.id }).get().id);
    }
  });
  members.forEach(({ doc }, n) => {
    for (const r of doc.rounds) {
      const { key, agenda, delegations, outcomes: _, cancellationSource, startsOn, ...values } = r;
      const start = storedColumns(readWhen(startsOn));
      const roundId = tx
        .insert(rounds)
        .values({ ...values, startsOn: start.date, startsOnPrecision: start.precision, startsOnLabel: start.label, startsOnUntil: start.until, cancellationSourceId: ids.ref(cancellationSource ?? null), negotiationId: negotiationIds[n], createdBy: by })
        .returning({ id: rounds.id })
        .get().id;
      ids.set(key, roundId);
      for (const k of agenda) tx.insert(roundAgenda).values({ roundId, issueId: ids.of(k) }).run();
      for (const d of delegations) tx.insert(roundDelegations).values({ roundId, partyId: ids.of(d.party), head: d.head }).run();
    }
  });
  for (const { doc } of members) {
    for (const r of doc.rounds) {
      for (const o of r.outcomes) {
        tx.insert(outcomes).values({ roundId: ids.of(r.key), issueId: ids.ref(o.issue), text: o.text, sourceId: ids.ref(o.source), createdBy: by }).run();
      }
    }
  }
}

function writeUpdates({ tx, by, members, ids, negotiationIds }: Context): void {
  const client = clientOf(tx);
  const insert = client.prepare(
    `INSERT INTO updates (negotiation_id, occurred_on, occurred_on_precision, occurred_on_label, occurred_time, body, round_id, unsourced, author_id) VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  const link = (table: string, column: string) => client.prepare(`INSERT INTO ${table} (update_id, ${column}) VALUES (?, ?)`);
  const links = {
    issues: link('update_issues', 'issue_id'),
    parties: link('update_parties', 'party_id'),
    actors: link('update_actors', 'actor_id'),
    sources: link('update_sources', 'source_id'),
  };
  members.forEach(({ doc }, n) => {
    for (const u of doc.updates) {
      const occurred = storedColumns(readWhen(u.occurredOn));
      // Read as unsourced when it gives no source, said or not: a document from before the flag never says it.
      const unsourced = unsourcedFlag(u.sources.length, true);
      const updateId = newId(insert.run(negotiationIds[n], occurred.date, occurred.precision, occurred.label, u.occurredTime, u.body, ids.ref(u.round), unsourced ? 1 : 0, by));
      ids.set(u.key, updateId);
      for (const list of ['issues', 'parties', 'actors', 'sources'] as const) for (const k of u[list]) links[list].run(updateId, ids.of(k));
    }
  });
}

function writePositionsAndStatusChanges({ tx, by, members, ids }: Context): void {
  // The validator has checked that each party's positions on an issue are listed as one chain,
  // so appending them in that order rebuilds the history the document describes.
  for (const { doc } of members) {
    for (const p of doc.positions) {
      const { id } = appendPosition(tx, {
        issueId: ids.of(p.issue),
        partyId: ids.of(p.party),
        summary: p.summary,
        stance: p.stance,
        redLines: p.redLines,
        flexibility: p.flexibility,
        asOf: p.asOf,
        sourceId: ids.ref(p.source),
        roundId: ids.ref(p.round),
        updateId: ids.ref(p.update),
        createdBy: by,
      });
      ids.set(p.key, id);
    }
  }
  const insert = clientOf(tx).prepare(
    `INSERT INTO status_changes (issue_id, from_status, to_status, changed_on, note, round_id, update_id, source_id, created_by) VALUES (?,?,?,?,?,?,?,?,?)`,
  );
  for (const { doc } of members) {
    for (const s of doc.statusChanges) {
      insert.run(ids.of(s.issue), s.from, s.to, s.changedOn, s.note, ids.ref(s.round), ids.ref(s.update), ids.ref(s.source), by);
    }
  }
  // Every record dated on an issue is written by now: its updates, positions and status changes.
  refreshLastEvent(tx, members.flatMap(({ doc }) => doc.issues.map((i) => ids.of(i.key))));
}

function writeHomework({ tx, by, members, ids, negotiationIds }: Context): void {
  members.forEach(({ doc }, n) => {
    for (const h of doc.homework) {
      const { owners, issue, assignedRound, dueRound, dueOn, ...values } = h;
      const due = storedColumns(readWhen(dueOn));
      const homeworkId = tx
        .insert(homework)
        .values({
          ...values,
          dueOn: due.date,
          dueOnPrecision: due.precision,
          dueOnLabel: due.label,
          dueOnUntil: due.until,
          negotiationId: negotiationIds[n],
          issueId: ids.ref(issue),
          assignedRoundId: ids.ref(assignedRound),
          dueRoundId: ids.ref(dueRound),
          createdBy: by,
        })
        .returning({ id: homework.id })
        .get().id;
      for (const k of owners) tx.insert(homeworkOwners).values({ homeworkId, partyId: ids.of(k) }).run();
    }
  });
}

/** The analysts' judgements: which updates corroborate each other, and how far apart the parties were at each round. */
function writeJudgements({ tx, by, members, ids }: Context): void {
  for (const { doc } of members) {
    for (const c of doc.corroborations) {
      const corroborationId = tx
        .insert(corroborations)
        .values({ label: c.label, consistent: c.consistent, note: c.note, createdBy: by })
        .returning({ id: corroborations.id })
        .get().id;
      for (const k of c.updates) tx.insert(corroborationUpdates).values({ corroborationId, updateId: ids.of(k) }).run();
    }
  }
  for (const { doc } of members) {
    for (const c of doc.convergence) {
      tx.insert(convergence).values({ issueId: ids.of(c.issue), roundId: ids.of(c.round), distance: c.distance, note: c.note, assessedBy: by }).run();
    }
  }
}
