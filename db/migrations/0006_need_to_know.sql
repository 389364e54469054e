CREATE TABLE `negotiation_members` (
	`negotiation_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	PRIMARY KEY(`negotiation_id`, `user_id`),
	FOREIGN KEY (`negotiation_id`) REFERENCES `negotiations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `negotiation_members_user` ON `negotiation_members` (`user_id`);--> statement-breakpoint
ALTER TABLE `audit_log` ADD `negotiation_id` integer;--> statement-breakpoint
CREATE INDEX `audit_log_negotiation` ON `audit_log` (`negotiation_id`,`id`);--> statement-breakpoint
ALTER TABLE `negotiations` ADD `access` text DEFAULT 'restricted' NOT NULL;--> statement-breakpoint
ALTER TABLE `negotiations` ADD `marking` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `outcomes_source` ON `outcomes` (`source_id`);--> statement-breakpoint
CREATE INDEX `positions_source` ON `positions` (`source_id`);--> statement-breakpoint
CREATE INDEX `status_changes_source` ON `status_changes` (`source_id`);--> statement-breakpoint
-- Need to know (docs/decisions/0017). The negotiations that exist stay open to every signed-in user, as they
-- were; a negotiation created from now on is restricted to its creator until they open it or add members.
UPDATE `negotiations` SET `access` = 'open';
--> statement-breakpoint
-- The audit log names the negotiation each change was made in (db/mutations/audit.ts derives it the same way), so
-- that the activity feed can show a reader only the negotiations they may see. The log is append-only: its guard
-- is lifted for this one statement, which fills the new column and changes nothing else.
DROP TRIGGER `audit_log_no_update`;
--> statement-breakpoint
UPDATE `audit_log` SET `negotiation_id` = CASE
  WHEN `entity` IN ('negotiation', 'negotiation_party') THEN `entity_id`
  WHEN `entity` = 'update' AND `action` = 'import' THEN `entity_id`
  WHEN `entity` = 'update' THEN (SELECT `negotiation_id` FROM `updates` WHERE `id` = `audit_log`.`entity_id`)
  WHEN `entity` IN ('issue', 'convergence') THEN (SELECT `negotiation_id` FROM `issues` WHERE `id` = `audit_log`.`entity_id`)
  WHEN `entity` = 'position' THEN (SELECT i.`negotiation_id` FROM `positions` p JOIN `issues` i ON i.`id` = p.`issue_id` WHERE p.`id` = `audit_log`.`entity_id`)
  WHEN `entity` = 'affiliation' THEN (SELECT `negotiation_id` FROM `affiliations` WHERE `id` = `audit_log`.`entity_id`)
  WHEN `entity` = 'homework' THEN (SELECT `negotiation_id` FROM `homework` WHERE `id` = `audit_log`.`entity_id`)
  WHEN `entity` IN ('round', 'round_agenda', 'round_delegations') THEN (SELECT `negotiation_id` FROM `rounds` WHERE `id` = `audit_log`.`entity_id`)
  WHEN `entity` = 'outcome' THEN (SELECT `negotiation_id` FROM `rounds` WHERE `id` = json_extract(coalesce(`after`, `before`), '$.roundId'))
  WHEN `entity` = 'corroboration' THEN (SELECT u.`negotiation_id` FROM `corroboration_updates` c JOIN `updates` u ON u.`id` = c.`update_id`
                                         WHERE c.`corroboration_id` = `audit_log`.`entity_id` ORDER BY u.`id` LIMIT 1)
  WHEN `entity` = 'source' THEN (SELECT u.`negotiation_id` FROM `update_sources` us JOIN `updates` u ON u.`id` = us.`update_id`
                                  WHERE us.`source_id` = `audit_log`.`entity_id` ORDER BY u.`id` LIMIT 1)
END;
--> statement-breakpoint
CREATE TRIGGER `audit_log_no_update` BEFORE UPDATE ON `audit_log`
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
--> statement-breakpoint
-- A negotiation's marking and who may read it are on its edit form too: writing them moves its version (decision 0015).
DROP TRIGGER `negotiations_version`;
--> statement-breakpoint
CREATE TRIGGER `negotiations_version` AFTER UPDATE OF `name`, `description`, `marking`, `access` ON `negotiations` WHEN NEW.version = OLD.version BEGIN
  UPDATE `negotiations` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
