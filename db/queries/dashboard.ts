import { and, asc, eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { issues, negotiationParties, negotiations, parties, positions } from '@/db/schema';
import type { DashboardFilters } from '@/lib/validation/dashboard-filters';
import { sees, visible, type ReaderScope } from './access';

export type MatrixCell = { stance: string; summary: string; asOf: string };
export type MatrixRow = {
  id: number;
  title: string;
  status: string;
  priority: string;
  keyDate: string | null;
  keyDateLabel: string;
  /** The latest event date of anything recorded on the issue (db/mutations/last-event.ts), if any. */
  lastActivityAt: string | null;
  cells: Record<number, MatrixCell>;
};
export type MatrixBlock = {
  /** With its handling marking ('' for none), shown beside its name. */
  negotiation: { id: number; name: string; marking: string };
  parties: { id: number; name: string; shortName: string; role: string }[];
  rows: MatrixRow[];
};

/**
 * Every issue of every negotiation the reader sees against the parties at its table: four queries, whatever the size.
 * Filters narrow it: one negotiation, one party's column (negotiations without that party drop out),
 * a status, a priority; a negotiation left with no matching issue drops out when a filter is set.
 */
export function dashboardMatrix(db: DB, scope: ReaderScope, filters: DashboardFilters = {}): MatrixBlock[] {
  if (filters.negotiation && !sees(scope, filters.negotiation)) return [];
  const negs = db
    .select({ id: negotiations.id, name: negotiations.name, marking: negotiations.marking })
    .from(negotiations)
    .where(and(filters.negotiation ? eq(negotiations.id, filters.negotiation) : undefined, visible(scope, negotiations.id)))
    .orderBy(asc(negotiations.name))
    .all();
  if (negs.length === 0) return [];
  const ids = negs.map((n) => n.id);
  const seats = db
    .select({
      negotiationId: negotiationParties.negotiationId,
      id: parties.id,
      name: parties.name,
      shortName: parties.shortName,
      role: negotiationParties.role,
    })
    .from(negotiationParties)
    .innerJoin(parties, eq(parties.id, negotiationParties.partyId))
    .where(and(inArray(negotiationParties.negotiationId, ids), filters.party ? eq(negotiationParties.partyId, filters.party) : undefined))
    .orderBy(asc(negotiationParties.sortOrder), asc(parties.name))
    .all();
  const issueRows = db
    .select({
      id: issues.id,
      negotiationId: issues.negotiationId,
      title: issues.title,
      status: issues.status,
      priority: issues.priority,
      keyDate: issues.keyDate,
      keyDateLabel: issues.keyDateLabel,
      lastActivityAt: issues.lastActivityAt,
    })
    .from(issues)
    .where(
      and(
        inArray(issues.negotiationId, ids),
        filters.status ? eq(issues.status, filters.status) : undefined,
        filters.priority ? eq(issues.priority, filters.priority) : undefined,
      ),
    )
    .orderBy(asc(issues.sortOrder), asc(issues.id))
    .all();
  const current = db
    .select({
      issueId: positions.issueId,
      partyId: positions.partyId,
      stance: positions.stance,
      summary: positions.summary,
      asOf: positions.asOf,
      negotiationId: issues.negotiationId,
    })
    .from(positions)
    .innerJoin(issues, eq(issues.id, positions.issueId))
    .where(and(eq(positions.isCurrent, true), inArray(issues.negotiationId, ids), filters.party ? eq(positions.partyId, filters.party) : undefined))
    .all();

  const cellsByIssue = new Map<number, Record<number, MatrixCell>>();
  for (const p of current) {
    const cells = cellsByIssue.get(p.issueId) ?? {};
    cells[p.partyId] = { stance: p.stance, summary: p.summary, asOf: p.asOf };
    cellsByIssue.set(p.issueId, cells);
  }
  const blocks = negs.map((negotiation) => ({
    negotiation,
    parties: seats.filter((s) => s.negotiationId === negotiation.id),
    rows: issueRows
      .filter((i) => i.negotiationId === negotiation.id)
      .map(({ negotiationId: _, ...i }) => ({ ...i, cells: cellsByIssue.get(i.id) ?? {} })),
  }));
  const filtered = filters.party || filters.status || filters.priority;
  return filtered ? blocks.filter((b) => b.rows.length > 0 && (!filters.party || b.parties.length > 0)) : blocks;
}
