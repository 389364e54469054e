CREATE TABLE `content_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`changes` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
-- The read cache's state (db/read-cache.ts, decision 0018): one counter, moved by every write of what the pages
-- show, in the writing transaction, so a rollback takes it back and another process's commit is seen at once.
-- Bookkeeping does not move it: login attempts, API tokens' last use, saved views (read afresh on every request),
-- sign-in and sign-out rows of the audit log, a user's session version or password.
INSERT INTO `content_version` (`id`, `changes`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `content_version_actors_ai` AFTER INSERT ON `actors` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_actors_au` AFTER UPDATE ON `actors` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_actors_ad` AFTER DELETE ON `actors` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_affiliations_ai` AFTER INSERT ON `affiliations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_affiliations_au` AFTER UPDATE ON `affiliations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_affiliations_ad` AFTER DELETE ON `affiliations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_convergence_ai` AFTER INSERT ON `convergence` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_convergence_au` AFTER UPDATE ON `convergence` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_convergence_ad` AFTER DELETE ON `convergence` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_corroboration_updates_ai` AFTER INSERT ON `corroboration_updates` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_corroboration_updates_au` AFTER UPDATE ON `corroboration_updates` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_corroboration_updates_ad` AFTER DELETE ON `corroboration_updates` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_corroborations_ai` AFTER INSERT ON `corroborations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_corroborations_au` AFTER UPDATE ON `corroborations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_corroborations_ad` AFTER DELETE ON `corroborations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_homework_ai` AFTER INSERT ON `homework` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_homework_au` AFTER UPDATE ON `homework` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_homework_ad` AFTER DELETE ON `homework` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_homework_owners_ai` AFTER INSERT ON `homework_owners` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_homework_owners_au` AFTER UPDATE ON `homework_owners` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_homework_owners_ad` AFTER DELETE ON `homework_owners` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_homework_revisions_ai` AFTER INSERT ON `homework_revisions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_homework_revisions_au` AFTER UPDATE ON `homework_revisions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_homework_revisions_ad` AFTER DELETE ON `homework_revisions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_issues_ai` AFTER INSERT ON `issues` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_issues_au` AFTER UPDATE ON `issues` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_issues_ad` AFTER DELETE ON `issues` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_negotiation_members_ai` AFTER INSERT ON `negotiation_members` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_negotiation_members_au` AFTER UPDATE ON `negotiation_members` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_negotiation_members_ad` AFTER DELETE ON `negotiation_members` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_negotiation_parties_ai` AFTER INSERT ON `negotiation_parties` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_negotiation_parties_au` AFTER UPDATE ON `negotiation_parties` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_negotiation_parties_ad` AFTER DELETE ON `negotiation_parties` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_negotiations_ai` AFTER INSERT ON `negotiations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_negotiations_au` AFTER UPDATE ON `negotiations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_negotiations_ad` AFTER DELETE ON `negotiations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_outcomes_ai` AFTER INSERT ON `outcomes` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_outcomes_au` AFTER UPDATE ON `outcomes` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_outcomes_ad` AFTER DELETE ON `outcomes` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_parties_ai` AFTER INSERT ON `parties` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_parties_au` AFTER UPDATE ON `parties` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_parties_ad` AFTER DELETE ON `parties` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_party_descriptions_ai` AFTER INSERT ON `party_descriptions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_party_descriptions_au` AFTER UPDATE ON `party_descriptions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_party_descriptions_ad` AFTER DELETE ON `party_descriptions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_positions_ai` AFTER INSERT ON `positions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_positions_au` AFTER UPDATE ON `positions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_positions_ad` AFTER DELETE ON `positions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_round_agenda_ai` AFTER INSERT ON `round_agenda` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_round_agenda_au` AFTER UPDATE ON `round_agenda` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_round_agenda_ad` AFTER DELETE ON `round_agenda` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_round_delegations_ai` AFTER INSERT ON `round_delegations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_round_delegations_au` AFTER UPDATE ON `round_delegations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_round_delegations_ad` AFTER DELETE ON `round_delegations` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_rounds_ai` AFTER INSERT ON `rounds` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_rounds_au` AFTER UPDATE ON `rounds` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_rounds_ad` AFTER DELETE ON `rounds` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_sources_ai` AFTER INSERT ON `sources` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_sources_au` AFTER UPDATE ON `sources` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_sources_ad` AFTER DELETE ON `sources` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_status_changes_ai` AFTER INSERT ON `status_changes` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_status_changes_au` AFTER UPDATE ON `status_changes` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_status_changes_ad` AFTER DELETE ON `status_changes` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_actors_ai` AFTER INSERT ON `update_actors` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_actors_au` AFTER UPDATE ON `update_actors` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_actors_ad` AFTER DELETE ON `update_actors` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_issues_ai` AFTER INSERT ON `update_issues` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_issues_au` AFTER UPDATE ON `update_issues` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_issues_ad` AFTER DELETE ON `update_issues` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_parties_ai` AFTER INSERT ON `update_parties` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_parties_au` AFTER UPDATE ON `update_parties` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_parties_ad` AFTER DELETE ON `update_parties` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_revisions_ai` AFTER INSERT ON `update_revisions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_revisions_au` AFTER UPDATE ON `update_revisions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_revisions_ad` AFTER DELETE ON `update_revisions` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_sources_ai` AFTER INSERT ON `update_sources` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_sources_au` AFTER UPDATE ON `update_sources` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_update_sources_ad` AFTER DELETE ON `update_sources` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_updates_ai` AFTER INSERT ON `updates` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_updates_au` AFTER UPDATE ON `updates` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_updates_ad` AFTER DELETE ON `updates` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_users_ai` AFTER INSERT ON `users` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_users_au` AFTER UPDATE OF `name`, `email`, `role`, `disabled` ON `users` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_users_ad` AFTER DELETE ON `users` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_audit_log_ai` AFTER INSERT ON `audit_log` WHEN NEW.`action` NOT IN ('login', 'logout') BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
