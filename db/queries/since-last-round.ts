import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiationParties, parties, rounds, sources, statusChanges } from '@/db/schema';
import { citationFields, type Citation } from './citation';
import { groupBy } from '@/lib/group-by';
import { sees, type ReaderScope } from './access';

export type RoundChoice = { id: number; name: string; sequence: number; status: string; date: string | null };
type PositionState = { stance: string; summary: string; asOf: string; citation: Citation | null } | null;

export type PartyDiff = { partyId: number; partyName: string; partyShort: string; before: PositionState; after: PositionState; changed: boolean };
export type IssueDiff = {
  id: number;
  title: string;
  statusBefore: string | null;
  statusAfter: string | null;
  statusChanged: boolean;
  statusCitations: Citation[];
  parties: PartyDiff[];
  changed: boolean;
};

/** A round's reference date: its last day, else its first. */
const dateOf = (r: { endsOn: string | null; startsOn: string | null }) => r.endsOn ?? r.startsOn;

/** Rounds that can be compared: held, dated, in sequence order. */
export function comparableRounds(db: DB, negotiationId: number): RoundChoice[] {
  return db
    .select()
    .from(rounds)
    .where(eq(rounds.negotiationId, negotiationId))
    .orderBy(asc(rounds.sequence))
    .all()
    .filter((r) => r.status === 'held' && dateOf(r))
    .map((r) => ({ id: r.id, name: r.name, sequence: r.sequence, status: r.status, date: dateOf(r) }));
}

const citationOf = (row: Citation): Citation | null => (row.sourceId ? { ...row } : null);

/**
 * Every issue of a negotiation with its status and each party's position as they stood at the end of
 * round `from` and at the end of round `to`. A change counts when it is dated in (from's date, to's date].
 */
export function sinceLastRound(db: DB, scope: ReaderScope, negotiationId: number, fromId?: number | null, toId?: number | null) {
  // A negotiation the reader may not see has, for them, no rounds to compare.
  const choices = sees(scope, negotiationId) ? comparableRounds(db, negotiationId) : [];
  const to = choices.find((r) => r.id === toId) ?? choices.at(-1);
  const from = choices.find((r) => r.id === fromId) ?? (to ? choices.filter((r) => r.sequence < to.sequence).at(-1) : undefined);
  if (!from || !to) return { choices, from: from ?? null, to: to ?? null, issues: [] as IssueDiff[] };
  const [start, end] = [from.date!, to.date!].sort();

  const issueRows = db.select().from(issues).where(eq(issues.negotiationId, negotiationId)).orderBy(asc(issues.sortOrder), asc(issues.id)).all();
  const issueIds = issueRows.map((i) => i.id);
  const seated = db
    .select({ id: parties.id, name: parties.name, shortName: parties.shortName })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .where(eq(negotiationParties.negotiationId, negotiationId))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
  if (issueIds.length === 0) return { choices, from, to, issues: [] as IssueDiff[] };

  // Everything up to the later date, oldest first: the last row at or before a date is the state then.
  const statusRows = db
    .select({ issueId: statusChanges.issueId, id: statusChanges.id, on: statusChanges.changedOn, toStatus: statusChanges.toStatus, ...citationFields })
    .from(statusChanges)
    .leftJoin(sources, eq(sources.id, statusChanges.sourceId))
    .where(and(inArray(statusChanges.issueId, issueIds), lte(statusChanges.changedOn, end)))
    .orderBy(asc(statusChanges.changedOn), asc(statusChanges.id))
    .all();
  const statesAt = positionStatesAt(db, negotiationId);
  const before = new Map(statesAt(start).map((p) => [`${p.issueId}:${p.partyId}`, p.state]));
  const after = new Map(statesAt(end).map((p) => [`${p.issueId}:${p.partyId}`, p.state]));
  const movedInWindow = new Set(
    (
      db.$client
        .prepare(
          `SELECT DISTINCT p.issue_id issueId, p.party_id partyId FROM positions p JOIN issues i ON i.id = p.issue_id
            WHERE i.negotiation_id = ? AND p.as_of > ? AND p.as_of <= ?`,
        )
        .all(negotiationId, start, end) as { issueId: number; partyId: number }[]
    ).map((p) => `${p.issueId}:${p.partyId}`),
  );

  const lastAt = <T extends { on: string }>(rows: T[], date: string) => rows.filter((r) => r.on <= date).at(-1);
  const inWindow = (on: string) => on > start && on <= end;
  const statusesByIssue = groupBy(statusRows, (s) => s.issueId);

  const diffs = issueRows.map((issue): IssueDiff => {
    const statuses = statusesByIssue.get(issue.id) ?? [];
    const statusWindow = statuses.filter((s) => inWindow(s.on));
    const partyDiffs = seated.map((party): PartyDiff => {
      const pair = `${issue.id}:${party.id}`;
      return {
        partyId: party.id,
        partyName: party.name,
        partyShort: party.shortName,
        before: before.get(pair) ?? null,
        after: after.get(pair) ?? null,
        changed: movedInWindow.has(pair),
      };
    });
    const statusChanged = statusWindow.length > 0;
    return {
      id: issue.id,
      title: issue.title,
      statusBefore: lastAt(statuses, start)?.toStatus ?? null,
      statusAfter: lastAt(statuses, end)?.toStatus ?? null,
      statusChanged,
      statusCitations: statusWindow.map(citationOf).filter((c): c is Citation => c !== null),
      parties: partyDiffs,
      changed: statusChanged || partyDiffs.some((p) => p.changed),
    };
  });
  return { choices, from, to, issues: diffs };
}

/**
 * Each issue × seated party's position as it stood on a date: the latest version on or before it.
 * One statement whatever the history's length: an index seek per pair on positions_issue_party_asof,
 * instead of reading every version of the negotiation to keep one per pair.
 */
function positionStatesAt(db: DB, negotiationId: number) {
  const statement = db.$client.prepare(
    `SELECT pair.issue_id issueId, pair.party_id partyId, p.stance, p.summary, p.as_of asOf,
            s.id sourceId, s.outlet sourceOutlet, s.title sourceTitle, s.url sourceUrl, s.published_on sourcePublishedOn,
            s.reliability sourceReliability, s.credibility sourceCredibility, s.quote sourceQuote
       FROM (SELECT i.id issue_id, np.party_id FROM issues i JOIN negotiation_parties np ON np.negotiation_id = i.negotiation_id
              WHERE i.negotiation_id = @negotiationId) pair
       JOIN positions p ON p.id = (SELECT v.id FROM positions v WHERE v.issue_id = pair.issue_id AND v.party_id = pair.party_id AND v.as_of <= @date
                                    ORDER BY v.as_of DESC, v.id DESC LIMIT 1)
       LEFT JOIN sources s ON s.id = p.source_id`,
  );
  return (date: string) =>
    (statement.all({ negotiationId, date }) as ({ issueId: number; partyId: number; stance: string; summary: string; asOf: string } & Citation)[]).map(
      ({ issueId, partyId, stance, summary, asOf, ...citation }) => ({
        issueId,
        partyId,
        state: { stance, summary, asOf, citation: citationOf(citation) } as PositionState,
      }),
    );
}
