-- "No activity for N days" reads issues.last_activity_at as the latest event date of anything recorded on the
-- issue (db/mutations/last-event.ts, decision 0019), which every writer now keeps. The issues that existed
-- before held the time of their last write instead: they get their latest event date once, here.
UPDATE `issues` SET `last_activity_at` = nullif(max(
    coalesce((SELECT max(u.`occurred_on`) FROM `update_issues` ui JOIN `updates` u ON u.`id` = ui.`update_id` WHERE ui.`issue_id` = `issues`.`id`), ''),
    coalesce((SELECT max(p.`as_of`) FROM `positions` p WHERE p.`issue_id` = `issues`.`id`), ''),
    coalesce((SELECT max(s.`changed_on`) FROM `status_changes` s WHERE s.`issue_id` = `issues`.`id`), '')), '');
