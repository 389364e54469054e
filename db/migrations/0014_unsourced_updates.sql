-- An update needs a source, or the analyst's word that it has none yet (lib/update-sourcing.ts). Updates
-- logged before the rule without any source are marked unsourced, as an imported document's are, so the
-- weak-sources panel counts them from the first start after the upgrade.
ALTER TABLE `updates` ADD `unsourced` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `updates_unsourced` ON `updates` (`negotiation_id`,`occurred_on`) WHERE "updates"."unsourced" = 1;--> statement-breakpoint
UPDATE `updates` SET `unsourced` = 1 WHERE NOT EXISTS (SELECT 1 FROM `update_sources` s WHERE s.`update_id` = `updates`.`id`);
