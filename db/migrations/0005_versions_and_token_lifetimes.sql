ALTER TABLE `affiliations` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `scope` text DEFAULT 'read' NOT NULL;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `expires_at` text DEFAULT '1970-01-01T00:00:00.000Z' NOT NULL;--> statement-breakpoint
ALTER TABLE `api_tokens` ADD `revoked_reason` text;--> statement-breakpoint
ALTER TABLE `convergence` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `corroborations` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `negotiation_parties` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `negotiations` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `parties` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `version` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
-- Tokens made before scopes and expiry existed acted with their owner's role and never expired: they keep
-- their role (scripts keep working) but are no longer taken in feed links, and end 90 days after the upgrade.
UPDATE `api_tokens` SET `scope` = 'full', `expires_at` = strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+90 days');
--> statement-breakpoint
-- Every write of what an edit form shows moves the record's version, whoever makes it: the mutations move it
-- themselves (db/mutations/versions.ts), and these catch any write that does not, so a form opened before it
-- can never be saved over it. `WHEN NEW.version = OLD.version`: a write that moved it already is left alone.
CREATE TRIGGER `negotiations_version` AFTER UPDATE OF `name`, `description` ON `negotiations` WHEN NEW.version = OLD.version BEGIN
  UPDATE `negotiations` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `parties_version` AFTER UPDATE OF `name`, `short_name` ON `parties` WHEN NEW.version = OLD.version BEGIN
  UPDATE `parties` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `negotiation_parties_version` AFTER UPDATE OF `role`, `note` ON `negotiation_parties` WHEN NEW.version = OLD.version BEGIN
  UPDATE `negotiation_parties` SET `version` = OLD.version + 1 WHERE `negotiation_id` = NEW.negotiation_id AND `party_id` = NEW.party_id;
END;
--> statement-breakpoint
CREATE TRIGGER `affiliations_version` AFTER UPDATE OF `party_id`, `title`, `starts_on`, `ends_on` ON `affiliations` WHEN NEW.version = OLD.version BEGIN
  UPDATE `affiliations` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
--> statement-breakpoint
-- What a negotiation says of a party is edited with its seat: a change to it moves the seat's version.
CREATE TRIGGER `party_descriptions_seat_version` AFTER UPDATE OF `description` ON `party_descriptions` WHEN NEW.description IS NOT OLD.description BEGIN
  UPDATE `negotiation_parties` SET `version` = `version` + 1 WHERE `negotiation_id` = NEW.negotiation_id AND `party_id` = NEW.party_id;
END;
--> statement-breakpoint
CREATE TRIGGER `issues_version` AFTER UPDATE OF `title`, `description`, `status`, `priority`, `key_date`, `key_date_label` ON `issues` WHEN NEW.version = OLD.version BEGIN
  UPDATE `issues` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `rounds_version` AFTER UPDATE OF `sequence`, `name`, `venue`, `starts_on`, `ends_on`, `approx_date`, `format`, `status`, `summary` ON `rounds` WHEN NEW.version = OLD.version BEGIN
  UPDATE `rounds` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `homework_version` AFTER UPDATE OF `title`, `description`, `issue_id`, `assigned_round_id`, `due_round_id`, `due_on`, `status`, `resolution`, `vague` ON `homework` WHEN NEW.version = OLD.version BEGIN
  UPDATE `homework` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `updates_version` AFTER UPDATE OF `body`, `occurred_on`, `occurred_time`, `round_id` ON `updates` WHEN NEW.version = OLD.version BEGIN
  UPDATE `updates` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `convergence_version` AFTER UPDATE OF `distance`, `note` ON `convergence` WHEN NEW.version = OLD.version BEGIN
  UPDATE `convergence` SET `version` = OLD.version + 1 WHERE `issue_id` = NEW.issue_id AND `round_id` = NEW.round_id;
END;
--> statement-breakpoint
CREATE TRIGGER `corroborations_version` AFTER UPDATE OF `label`, `consistent`, `note` ON `corroborations` WHEN NEW.version = OLD.version BEGIN
  UPDATE `corroborations` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
--> statement-breakpoint
CREATE TRIGGER `users_version` AFTER UPDATE OF `role`, `disabled`, `password_hash` ON `users` WHEN NEW.version = OLD.version BEGIN
  UPDATE `users` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
