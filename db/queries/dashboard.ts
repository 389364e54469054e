import { asc, eq, inArray } from 'drizzle-orm';
import type { DB } from '../index';
import { issues, negotiationParties, negotiations, parties, positions } from '../schema';

export type MatrixCell = { stance: string; summary: string; asOf: string };
export type MatrixRow = {
  id: number;
  title: string;
  status: string;
  priority: string;
  keyDate: string | null;
  keyDateLabel: string;
  cells: Record<number, MatrixCell>;
};
export type MatrixBlock = {
  negotiation: { id: number; name: string };
  parties: { id: number; name: string; shortName: string; role: string }[];
  rows: MatrixRow[];
};

/** Every issue of every negotiation against the parties at its table: four queries, whatever the size. */
export function dashboardMatrix(db: DB, negotiationIds?: number[]): MatrixBlock[] {
  const negs = db
    .select({ id: negotiations.id, name: negotiations.name })
    .from(negotiations)
    .where(negotiationIds?.length ? inArray(negotiations.id, negotiationIds) : undefined)
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
    .where(inArray(negotiationParties.negotiationId, ids))
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
    })
    .from(issues)
    .where(inArray(issues.negotiationId, ids))
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
    .where(eq(positions.isCurrent, true))
    .all();

  const cellsByIssue = new Map<number, Record<number, MatrixCell>>();
  for (const p of current) {
    const cells = cellsByIssue.get(p.issueId) ?? {};
    cells[p.partyId] = { stance: p.stance, summary: p.summary, asOf: p.asOf };
    cellsByIssue.set(p.issueId, cells);
  }
  return negs.map((negotiation) => ({
    negotiation,
    parties: seats.filter((s) => s.negotiationId === negotiation.id),
    rows: issueRows
      .filter((i) => i.negotiationId === negotiation.id)
      .map(({ negotiationId: _, ...i }) => ({ ...i, cells: cellsByIssue.get(i.id) ?? {} })),
  }));
}
