import { keywordList } from '@/lib/validation/issues';
// The export's lists that stay short however long a negotiation runs (its parties, actors, issues,
// rounds, homework, corroborations and convergence): each read whole and written as one batch.
import { asc, eq, inArray } from 'drizzle-orm';
import { convergence, corroborations, corroborationUpdates, homework, homeworkOwners, outcomes, roundAgenda, roundDelegations, rounds, updates } from '@/db/schema';
import { groupBy } from '@/lib/group-by';
import { writeWhen } from '@/lib/interchange/schema';
import { storedDate } from '@/lib/partial-date';
import type { ExportContext } from './keys';
import type { Batches } from './stream';

export function partyRecords({ parties, keys }: ExportContext): Batches<object> {
  return [parties.map((p) => ({ key: keys.party.ref(p.id), name: p.name, shortName: p.shortName, description: p.description, role: p.role, note: p.note }))];
}

export function actorRecords({ actors, keys }: ExportContext): Batches<object> {
  return [
    actors.map((a) => ({
      key: keys.actor.ref(a.id),
      name: a.name,
      affiliations: a.affiliations.map((f) => ({ party: keys.party.ref(f.partyId), title: f.title, from: f.startsOn, to: f.endsOn })),
    })),
  ];
}

export function issueRecords({ issues, keys }: ExportContext): Batches<object> {
  return [
    issues.map((i) => ({
      key: keys.issue.ref(i.id),
      title: i.title,
      description: i.description,
      status: i.status,
      priority: i.priority,
      keyDate: i.keyDate,
      keyDateLabel: i.keyDateLabel,
      // Only when kept, so a negotiation without keywords exports as it did before them.
      ...(i.keywords ? { keywords: keywordList(i.keywords) } : {}),
      sortOrder: i.sortOrder,
    })),
  ];
}

/** Each round with its agenda, its delegations (heads by party), its outcomes and, when cancelled, its cancellation. */
export function roundRecords({ db, rounds: roundRows, keys }: ExportContext): Batches<object> {
  const roundIds = roundRows.map((r) => r.id);
  const ofRounds = <T extends { roundId: number }>(read: () => T[]) => groupBy(roundIds.length ? read() : [], (r) => r.roundId);
  const agenda = ofRounds(() => db.select().from(roundAgenda).where(inArray(roundAgenda.roundId, roundIds)).all());
  const delegations = ofRounds(() => db.select().from(roundDelegations).where(inArray(roundDelegations.roundId, roundIds)).all());
  const outcomeRows = ofRounds(() => db.select().from(outcomes).where(inArray(outcomes.roundId, roundIds)).orderBy(asc(outcomes.id)).all());
  return [
    roundRows.map((r) => {
      const delegationsOf = delegations.get(r.id) ?? [];
      const headOf = new Map(delegationsOf.map((d) => [keys.party.ref(d.partyId), d.head]));
      return {
        key: keys.round.ref(r.id),
        sequence: r.sequence,
        name: r.name,
        venue: r.venue,
        startsOn: writeWhen(storedDate(r.startsOn, r.startsOnPrecision, r.startsOnLabel)),
        endsOn: r.endsOn,
        approxDate: r.approxDate,
        format: r.format,
        status: r.status,
        summary: r.summary,
        agenda: keys.issue.list((agenda.get(r.id) ?? []).map((a) => a.issueId)),
        delegations: keys.party.list(delegationsOf.map((d) => d.partyId)).map((party) => ({ party, head: headOf.get(party) ?? '' })),
        outcomes: (outcomeRows.get(r.id) ?? []).map((o) => ({ issue: keys.issue.ref(o.issueId), text: o.text, source: keys.source.ref(o.sourceId) })),
        // Only a cancelled round says when and why it was called off.
        ...(r.status === 'cancelled' && {
          cancelledOn: r.cancelledOn,
          cancellationReason: r.cancellationReason,
          cancellationSource: keys.source.ref(r.cancellationSourceId),
        }),
      };
    }),
  ];
}

export function homeworkRecords({ db, negotiationId, keys }: ExportContext): Batches<object> {
  const homeworkRows = db.select().from(homework).where(eq(homework.negotiationId, negotiationId)).orderBy(asc(homework.id)).all();
  const homeworkIdsOf = db.select({ id: homework.id }).from(homework).where(eq(homework.negotiationId, negotiationId));
  const owners = groupBy(db.select().from(homeworkOwners).where(inArray(homeworkOwners.homeworkId, homeworkIdsOf)).all(), (o) => o.homeworkId);
  return [
    homeworkRows.map((h) => ({
      title: h.title,
      description: h.description,
      issue: keys.issue.ref(h.issueId),
      assignedRound: keys.round.ref(h.assignedRoundId),
      dueRound: keys.round.ref(h.dueRoundId),
      dueOn: writeWhen(storedDate(h.dueOn, h.dueOnPrecision, h.dueOnLabel)),
      status: h.status,
      resolution: h.resolution,
      vague: h.vague,
      owners: keys.party.list((owners.get(h.id) ?? []).map((o) => o.partyId)),
    })),
  ];
}

/** The corroborations that link at least one of the negotiation's updates, with the updates they link. */
export function corroborationRecords({ db, negotiationId, keys }: ExportContext): Batches<object> {
  const updateIdsOf = db.select({ id: updates.id }).from(updates).where(eq(updates.negotiationId, negotiationId));
  const links = db
    .select({ corroborationId: corroborationUpdates.corroborationId, updateId: corroborationUpdates.updateId })
    .from(corroborationUpdates)
    .where(inArray(corroborationUpdates.updateId, updateIdsOf))
    .all();
  const byCorroboration = groupBy(links, (l) => l.corroborationId);
  const rows = byCorroboration.size
    ? db.select().from(corroborations).where(inArray(corroborations.id, [...byCorroboration.keys()])).orderBy(asc(corroborations.id)).all()
    : [];
  return [
    rows.map((c) => ({
      label: c.label,
      consistent: c.consistent,
      note: c.note,
      updates: keys.update.list((byCorroboration.get(c.id) ?? []).map((l) => l.updateId)),
    })),
  ];
}

/** By issue (in document order), then by round. */
export function convergenceRecords({ db, negotiationId, issues, rounds: roundRows, keys }: ExportContext): Batches<object> {
  const roundIdsOf = db.select({ id: rounds.id }).from(rounds).where(eq(rounds.negotiationId, negotiationId));
  const rows = db.select().from(convergence).where(inArray(convergence.roundId, roundIdsOf)).all();
  const issueIndex = new Map(issues.map((r, i) => [r.id, i]));
  const roundSequence = new Map(roundRows.map((r) => [r.id, r.sequence]));
  return [
    rows
      .filter((c) => issueIndex.has(c.issueId))
      .sort((a, b) => issueIndex.get(a.issueId)! - issueIndex.get(b.issueId)! || roundSequence.get(a.roundId)! - roundSequence.get(b.roundId)!)
      .map((c) => ({ issue: keys.issue.ref(c.issueId), round: keys.round.ref(c.roundId), distance: c.distance, note: c.note })),
  ];
}
