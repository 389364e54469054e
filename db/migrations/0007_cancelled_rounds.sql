ALTER TABLE `rounds` ADD `cancelled_on` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `cancellation_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `rounds` ADD `cancellation_source_id` integer REFERENCES sources(id);--> statement-breakpoint
CREATE INDEX `rounds_cancellation_source` ON `rounds` (`cancellation_source_id`);--> statement-breakpoint
-- The round's edit form now shows when and why it was cancelled and the source that says so: a write of any
-- of them moves the round's version like its other facts (0005).
DROP TRIGGER `rounds_version`;
--> statement-breakpoint
CREATE TRIGGER `rounds_version` AFTER UPDATE OF `sequence`, `name`, `venue`, `starts_on`, `ends_on`, `approx_date`, `format`, `status`, `summary`, `cancelled_on`, `cancellation_reason`, `cancellation_source_id` ON `rounds` WHEN NEW.version = OLD.version BEGIN
  UPDATE `rounds` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
