import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { DB } from '@/db';
import {
  actors,
  auditLog,
  homework,
  homeworkRevisions,
  issues,
  negotiationParties,
  negotiations,
  parties,
  positions,
  rounds,
  citedSources,
  statusChanges,
  updateActors,
  updateIssues,
  updateParties,
  updateRevisions,
  updates,
  updateSources,
  users,
} from '@/db/schema';
import { citationFields } from './citation';
import { visible, type ReaderScope } from './access';
import { peopleByNegotiation, titleOnDay } from './parties';


/** The sources of several updates at once, grouped by update. */
export function sourcesOfUpdates(db: DB, updateIds: number[]) {
  const bySource = new Map<number, ReturnType<typeof citationRows>>();
  if (updateIds.length === 0) return bySource;
  for (const row of citationRows(db, updateIds)) {
    const list = bySource.get(row.updateId) ?? [];
    list.push(row);
    bySource.set(row.updateId, list);
  }
  return bySource;
}

function citationRows(db: DB, updateIds: number[]) {
  return db
    .select({ updateId: updateSources.updateId, ...citationFields, sourceOutletId: citedSources.outletId, sourceArticleId: citedSources.articleId })
    .from(updateSources)
    .innerJoin(citedSources, eq(citedSources.id, updateSources.targetId))
    .where(inArray(updateSources.updateId, updateIds))
    .orderBy(asc(citedSources.id))
    .all();
}

/** One update the reader sees, with everything its page shows: links, sources, the changes it brought, earlier revisions. */
export function getUpdateDetail(db: DB, scope: ReaderScope, id: number) {
  const editor = alias(users, 'editor');
  const update = db
    .select({
      update: updates,
      negotiationName: negotiations.name,
      marking: negotiations.marking,
      roundName: rounds.name,
      authorName: users.name,
      editorName: editor.name,
    })
    .from(updates)
    .innerJoin(negotiations, eq(negotiations.id, updates.negotiationId))
    .leftJoin(rounds, and(eq(rounds.id, updates.roundId), visible(scope, rounds.negotiationId)))
    .leftJoin(users, eq(users.id, updates.authorId))
    .leftJoin(editor, eq(editor.id, updates.editedBy))
    .where(and(eq(updates.id, id), visible(scope, updates.negotiationId)))
    .get();
  if (!update) return undefined;
  const linkedIssues = db
    .select({ id: issues.id, title: issues.title })
    .from(updateIssues)
    .innerJoin(issues, eq(issues.id, updateIssues.targetId))
    .where(and(eq(updateIssues.updateId, id), visible(scope, issues.negotiationId)))
    .orderBy(asc(issues.sortOrder))
    .all();
  const linkedParties = db
    .select({ id: parties.id, name: parties.name, shortName: parties.shortName })
    .from(updateParties)
    .innerJoin(parties, eq(parties.id, updateParties.targetId))
    .where(eq(updateParties.updateId, id))
    .orderBy(asc(parties.name))
    .all();
  const linkedActors = db
    .select({ id: actors.id, name: actors.name, title: titleOnDay(update.update.negotiationId, update.update.occurredOn) })
    .from(updateActors)
    .innerJoin(actors, eq(actors.id, updateActors.targetId))
    .where(eq(updateActors.updateId, id))
    .orderBy(asc(actors.name))
    .all();
  const citations = citationRows(db, [id]);
  const newPositions = db
    .select({
      id: positions.id,
      issueId: positions.issueId,
      issueTitle: issues.title,
      partyName: parties.name,
      stance: positions.stance,
      summary: positions.summary,
      asOf: positions.asOf,
    })
    .from(positions)
    .innerJoin(issues, eq(issues.id, positions.issueId))
    .innerJoin(parties, eq(parties.id, positions.partyId))
    .where(and(eq(positions.updateId, id), visible(scope, issues.negotiationId)))
    .all();
  const newStatuses = db
    .select({
      id: statusChanges.id,
      issueId: statusChanges.issueId,
      issueTitle: issues.title,
      fromStatus: statusChanges.fromStatus,
      toStatus: statusChanges.toStatus,
      changedOn: statusChanges.changedOn,
    })
    .from(statusChanges)
    .innerJoin(issues, eq(issues.id, statusChanges.issueId))
    .where(and(eq(statusChanges.updateId, id), visible(scope, issues.negotiationId)))
    .all();
  // A homework status change leaves a revision pointing at the update; a new item is tied to it only in its audit row.
  const homeworkChanged = db
    .select({ id: homework.id, title: homework.title, status: homework.status, snapshot: homeworkRevisions.snapshot })
    .from(homeworkRevisions)
    .innerJoin(homework, eq(homework.id, homeworkRevisions.homeworkId))
    .where(and(eq(homeworkRevisions.updateId, id), visible(scope, homework.negotiationId)))
    .all()
    .map((h) => ({ id: h.id, title: h.title, status: h.status, previousStatus: (JSON.parse(h.snapshot) as { status?: string }).status ?? null }));
  const homeworkAdded = db
    .select({ id: homework.id, title: homework.title, status: homework.status })
    .from(auditLog)
    .innerJoin(homework, eq(homework.id, auditLog.entityId))
    .where(
      and(
        eq(auditLog.entity, 'homework'),
        eq(auditLog.action, 'create'),
        sql`json_extract(${auditLog.after}, '$.updateId') = ${id}`,
        visible(scope, homework.negotiationId),
      ),
    )
    .all();
  const revisions = db
    .select({ id: updateRevisions.id, body: updateRevisions.body, occurredOn: updateRevisions.occurredOn, replacedAt: updateRevisions.replacedAt, editorName: users.name })
    .from(updateRevisions)
    .leftJoin(users, eq(users.id, updateRevisions.editedBy))
    .where(eq(updateRevisions.updateId, id))
    .orderBy(desc(updateRevisions.id))
    .all();
  return { ...update, issues: linkedIssues, parties: linkedParties, actors: linkedActors, citations, newPositions, newStatuses, homeworkAdded, homeworkChanged, revisions };
}

/**
 * What the update form offers, for every negotiation the reader sees at once (a handful of small sets), so the
 * form can switch negotiation without a round trip.
 */
export function updateFormChoices(db: DB, scope: ReaderScope) {
  const negs = db
    .select({ id: negotiations.id, name: negotiations.name })
    .from(negotiations)
    .where(visible(scope, negotiations.id))
    .orderBy(asc(negotiations.name))
    .all();
  const issueRows = db
    .select({ id: issues.id, negotiationId: issues.negotiationId, title: issues.title, status: issues.status })
    .from(issues)
    .where(visible(scope, issues.negotiationId))
    .orderBy(asc(issues.sortOrder), asc(issues.id))
    .all();
  const seats = db
    .select({ negotiationId: negotiationParties.negotiationId, id: parties.id, name: parties.name, shortName: parties.shortName })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .where(visible(scope, negotiationParties.negotiationId))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
  const people = peopleByNegotiation(db, scope);
  const roundRows = db
    .select({ id: rounds.id, negotiationId: rounds.negotiationId, name: rounds.name, status: rounds.status })
    .from(rounds)
    .where(visible(scope, rounds.negotiationId))
    .orderBy(asc(rounds.sequence))
    .all();
  const homeworkRows = db
    .select({ id: homework.id, negotiationId: homework.negotiationId, title: homework.title, status: homework.status })
    .from(homework)
    .where(visible(scope, homework.negotiationId))
    .orderBy(asc(homework.id))
    .all();
  // The current positions: a position change in the form starts from the one it replaces, so nothing is wiped.
  const currentPositions = db
    .select({
      negotiationId: issues.negotiationId,
      id: positions.id,
      issueId: positions.issueId,
      partyId: positions.partyId,
      stance: positions.stance,
      flexibility: positions.flexibility,
      summary: positions.summary,
      redLines: positions.redLines,
      asOf: positions.asOf,
    })
    .from(positions)
    .innerJoin(issues, eq(issues.id, positions.issueId))
    .where(and(eq(positions.isCurrent, true), visible(scope, issues.negotiationId)))
    .all();
  return {
    negotiations: negs.map((n) => {
      const seated = seats.filter((s) => s.negotiationId === n.id);
      return {
        ...n,
        issues: issueRows.filter((i) => i.negotiationId === n.id).map(({ id, title, status }) => ({ id, title, status })),
        parties: seated.map(({ id, name, shortName }) => ({ id, name, shortName })),
        actors: people.get(n.id) ?? [],
        rounds: roundRows.filter((r) => r.negotiationId === n.id).map(({ id, name, status }) => ({ id, name, status })),
        homework: homeworkRows.filter((h) => h.negotiationId === n.id).map(({ id, title, status }) => ({ id, title, status })),
        positions: currentPositions.filter((p) => p.negotiationId === n.id).map(({ negotiationId: _, ...p }) => p),
      };
    }),
  };
}

/** An update the reader sees, as its edit form needs it. */
export function getUpdateForEdit(db: DB, scope: ReaderScope, id: number) {
  const row = db
    .select()
    .from(updates)
    .where(and(eq(updates.id, id), visible(scope, updates.negotiationId)))
    .get();
  if (!row) return undefined;
  const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
  return {
    update: row,
    issueIds: ids(db.select({ id: updateIssues.targetId }).from(updateIssues).where(eq(updateIssues.updateId, id)).all()),
    partyIds: ids(db.select({ id: updateParties.targetId }).from(updateParties).where(eq(updateParties.updateId, id)).all()),
    actorIds: ids(db.select({ id: updateActors.targetId }).from(updateActors).where(eq(updateActors.updateId, id)).all()),
    sourceIds: ids(db.select({ id: updateSources.targetId }).from(updateSources).where(eq(updateSources.updateId, id)).all()),
  };
}
