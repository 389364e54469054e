import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiationParties, parties, rounds, citedSources, statusChanges } from '@/db/schema';
import { citationFields, type Citation } from './citation';
import { groupBy } from '@/lib/group-by';
import { chooseComparison, roundDate, type AskedPoints, type RoundPoint } from '@/lib/since-last-round';
import { sees, type ReaderScope } from './access';
import { issueMoved, movementOf, type Movement } from '@/lib/bottom-line';

type PositionState = { stance: string; summary: string; asOf: string; citation: Citation | null } | null;

/** `changed`: a version of the position is dated between the points; `movement`: what it did then (lib/bottom-line.ts), else null. */
export type PartyDiff = { partyId: number; partyName: string; partyShort: string; before: PositionState; after: PositionState; changed: boolean; movement: Movement | null };
export type IssueDiff = {
  id: number;
  title: string;
  statusBefore: string | null;
  statusAfter: string | null;
  statusChanged: boolean;
  statusCitations: Citation[];
  parties: PartyDiff[];
  /** Anything recorded between the points, first recordings included. */
  changed: boolean;
  /** A move: a status went from one to another, or a position moved (lib/bottom-line.ts issueMoved). */
  moved: boolean;
};

/** Every round of the negotiation, in sequence order, each a point the view can compare at (dated by lib/since-last-round.ts roundDate). */
export function roundPoints(db: DB, negotiationId: number): RoundPoint[] {
  return db
    .select()
    .from(rounds)
    .where(eq(rounds.negotiationId, negotiationId))
    .orderBy(asc(rounds.sequence))
    .all()
    .map((r) => ({ id: r.id, name: r.name, sequence: r.sequence, status: r.status, date: roundDate(r) }));
}

/**
 * The latest event date recorded in the negotiation: its issues' latest events (db/mutations/last-event.ts)
 * and its own updates, which may concern no issue (a round called off).
 */
function lastRecordedOn(db: DB, negotiationId: number): string | null {
  const row = db.$client
    .prepare(
      `SELECT nullif(max(coalesce((SELECT max(substr(last_activity_at, 1, 10)) FROM issues WHERE negotiation_id = @negotiationId), ''),
                         coalesce((SELECT max(occurred_on) FROM updates WHERE negotiation_id = @negotiationId), '')), '') latest`,
    )
    .get({ negotiationId }) as { latest: string | null };
  return row.latest;
}

/** The updates shown with a comparison: the latest first, at most this many (the timeline has them all). */
export const WINDOW_UPDATES_SHOWN = 20;
export type WindowUpdate = { id: number; occurredOn: string; occurredOnPrecision: string; occurredOnLabel: string; body: string };

const citationOf = (row: Citation): Citation | null => (row.sourceId ? { ...row } : null);

/**
 * Every issue of a negotiation with its status and each party's position as they stood at two
 * points, and the updates dated between them. The points are what the reader asked for, or the
 * default (lib/since-last-round.ts chooseComparison); a pair that makes no sense comes back as
 * its problem, with nothing compared. A change counts when it is dated in (from's date, to's date].
 */
export function sinceLastRound(db: DB, scope: ReaderScope, negotiationId: number, asked: AskedPoints, today: string) {
  // A negotiation the reader may not see has, for them, no rounds and nothing recorded.
  const seen = sees(scope, negotiationId);
  const choices = seen ? roundPoints(db, negotiationId) : [];
  const comparison = chooseComparison(asked, choices, today, seen ? lastRecordedOn(db, negotiationId) : null);
  const nothing = { choices, comparison, issues: [] as IssueDiff[], updates: { items: [] as WindowUpdate[], count: 0 } };
  if (!comparison.ok) return nothing;
  const [start, end] = [comparison.from.date, comparison.to.date];

  const issueRows = db.select().from(issues).where(eq(issues.negotiationId, negotiationId)).orderBy(asc(issues.sortOrder), asc(issues.id)).all();
  const issueIds = issueRows.map((i) => i.id);
  const seated = db
    .select({ id: parties.id, name: parties.name, shortName: parties.shortName })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .where(eq(negotiationParties.negotiationId, negotiationId))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
  const windowUpdates = updatesBetween(db, negotiationId, start, end);
  if (issueIds.length === 0) return { ...nothing, updates: windowUpdates };

  // Everything up to the later date, oldest first: the last row at or before a date is the state then.
  const statusRows = db
    .select({ issueId: statusChanges.issueId, id: statusChanges.id, on: statusChanges.changedOn, toStatus: statusChanges.toStatus, ...citationFields })
    .from(statusChanges)
    .leftJoin(citedSources, eq(citedSources.id, statusChanges.sourceId))
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
      const [was, is] = [before.get(pair) ?? null, after.get(pair) ?? null];
      const changed = movedInWindow.has(pair);
      return { partyId: party.id, partyName: party.name, partyShort: party.shortName, before: was, after: is, changed, movement: changed ? movementOf(was, is) : null };
    });
    const statusChanged = statusWindow.length > 0;
    const statusBefore = lastAt(statuses, start)?.toStatus ?? null;
    return {
      id: issue.id,
      title: issue.title,
      statusBefore,
      statusAfter: lastAt(statuses, end)?.toStatus ?? null,
      statusChanged,
      statusCitations: statusWindow.map(citationOf).filter((c): c is Citation => c !== null),
      parties: partyDiffs,
      changed: statusChanged || partyDiffs.some((p) => p.changed),
      moved: issueMoved({ statusChanged, statusBefore, parties: partyDiffs }),
    };
  });
  return { choices, comparison, issues: diffs, updates: windowUpdates };
}

/** The negotiation's updates dated in (start, end], latest first, and how many there are. */
function updatesBetween(db: DB, negotiationId: number, start: string, end: string): { items: WindowUpdate[]; count: number } {
  const rows = db.$client
    .prepare(
      `SELECT id, occurred_on occurredOn, occurred_on_precision occurredOnPrecision, occurred_on_label occurredOnLabel, body, count(*) OVER () total FROM updates
        WHERE negotiation_id = ? AND occurred_on > ? AND occurred_on <= ?
        ORDER BY occurred_on DESC, id DESC LIMIT ?`,
    )
    .all(negotiationId, start, end, WINDOW_UPDATES_SHOWN) as (WindowUpdate & { total: number })[];
  return { items: rows.map(({ total: _, ...u }) => u), count: rows[0]?.total ?? 0 };
}

/**
 * Each issue × seated party's position as it stood on a date: the latest version on or before it.
 * One statement whatever the history's length: an index seek per pair on positions_issue_party_asof,
 * instead of reading every version of the negotiation to keep one per pair.
 */
function positionStatesAt(db: DB, negotiationId: number) {
  const statement = db.$client.prepare(
    `SELECT pair.issue_id issueId, pair.party_id partyId, p.stance, p.summary, p.as_of asOf,
            s.id sourceId, s.outlet sourceOutlet, s.title sourceTitle, s.url sourceUrl, s.published_on sourcePublishedOn, s.published_on_precision sourcePublishedOnPrecision, s.published_on_label sourcePublishedOnLabel,
            s.reliability sourceReliability, s.credibility sourceCredibility, s.quote sourceQuote
       FROM (SELECT i.id issue_id, np.party_id FROM issues i JOIN negotiation_parties np ON np.negotiation_id = i.negotiation_id
              WHERE i.negotiation_id = @negotiationId) pair
       JOIN positions p ON p.id = (SELECT v.id FROM positions v WHERE v.issue_id = pair.issue_id AND v.party_id = pair.party_id AND v.as_of <= @date
                                    ORDER BY v.as_of DESC, v.id DESC LIMIT 1)
       LEFT JOIN cited_sources s ON s.id = p.source_id`,
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
