import type { DB } from '@/db';

/**
 * The only position versions that can answer "which position held at this round, and what did it
 * replace" for every issue × party of a round's agenda: those recorded at the round, the current one,
 * the latest overall, the latest on or before the round's end, and the latest before its start.
 * At most a handful per pair, found by index seeks on positions_issue_party_asof, where reading every
 * version of the agenda's issues meant thousands of rows for a long-running issue.
 */
export function roundPositionCandidates(db: DB, issueIds: number[], roundId: number, start: string | null, end: string | null): number[] {
  if (issueIds.length === 0) return [];
  const latest = (condition: string) =>
    `SELECT (SELECT v.id FROM positions v WHERE v.issue_id = pair.issue_id AND v.party_id = pair.party_id ${condition}
              ORDER BY v.as_of DESC, v.id DESC LIMIT 1) FROM pair`;
  const rows = db.$client
    .prepare(
      `WITH agenda(id) AS (SELECT value FROM json_each(@issues)),
            pair AS (SELECT DISTINCT issue_id, party_id FROM positions WHERE issue_id IN agenda)
       SELECT id FROM positions WHERE issue_id IN agenda AND round_id = @roundId
       UNION SELECT id FROM positions WHERE issue_id IN agenda AND is_current = 1
       UNION ${latest('')}
       UNION ${latest('AND @end IS NOT NULL AND v.as_of <= @end')}
       UNION ${latest('AND @start IS NOT NULL AND v.as_of < @start')}`,
    )
    .pluck()
    .all({ issues: JSON.stringify(issueIds), roundId, start, end }) as (number | null)[];
  return rows.filter((id): id is number => id !== null);
}
