import { clientOf, type Executor } from '@/db/types';

// "No activity for N days" has one definition: the latest event date of anything recorded on the
// issue — the day its updates happened (not the day they were logged), the as-of dates of its
// positions and the dates of its status changes, whether an analyst typed them in or the importer
// brought them. issues.last_activity_at holds it ('YYYY-MM-DD'), so the dashboard reads one column
// instead of scanning every update (~100 ms on the bench instance): each writer of those records
// recomputes it here from the records themselves, so logging an update today about an old event
// leaves the issue as quiet as it was. tests/last-event.test.ts holds every writer to the definition.

/**
 * SQL for the latest event date of the issue row aliased `issue`, NULL when nothing dated is
 * recorded on it. Each part is one index lookup per issue (update_issues_target,
 * positions_issue_party_asof, status_changes_issue).
 */
export function lastEventOnSql(issue: string): string {
  // max() with several arguments is NULL as soon as one is: each part is made '' when absent, and '' NULL again.
  return `nullif(max(
      coalesce((SELECT max(u.occurred_on) FROM update_issues ui JOIN updates u ON u.id = ui.update_id WHERE ui.issue_id = ${issue}.id), ''),
      coalesce((SELECT max(p.as_of) FROM positions p WHERE p.issue_id = ${issue}.id), ''),
      coalesce((SELECT max(s.changed_on) FROM status_changes s WHERE s.issue_id = ${issue}.id), '')), '')`;
}

/** Recomputes the latest event date of these issues, inside the caller's transaction, after it wrote their records. */
export function refreshLastEvent(tx: Executor, issueIds: Iterable<number>): void {
  const refresh = clientOf(tx).prepare(`UPDATE issues SET last_activity_at = ${lastEventOnSql('issues')} WHERE id = ?`);
  for (const id of new Set(issueIds)) refresh.run(id);
}
