-- Dates as precisely as reports give them (lib/partial-date.ts, docs/decisions/0020): each date keeps its
-- day as the first day of its window, with a precision, a label for an approximate one ("in the coming
-- weeks"), and, where overdue and sorting need it in SQL, the window's last day.
ALTER TABLE `homework` ADD `due_on_precision` text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE `homework` ADD `due_on_label` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `homework` ADD `due_on_until` text;--> statement-breakpoint
ALTER TABLE `rounds` ADD `starts_on_precision` text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE `rounds` ADD `starts_on_label` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `rounds` ADD `starts_on_until` text;--> statement-breakpoint
ALTER TABLE `sources` ADD `published_on_precision` text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE `sources` ADD `published_on_label` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `updates` ADD `occurred_on_precision` text DEFAULT 'day' NOT NULL;--> statement-breakpoint
ALTER TABLE `updates` ADD `occurred_on_label` text DEFAULT '' NOT NULL;;--> statement-breakpoint
UPDATE `homework` SET `due_on_until` = `due_on`;--> statement-breakpoint
UPDATE `rounds` SET `starts_on_until` = `starts_on`;--> statement-breakpoint
-- A round planned with words only ("in the coming weeks") becomes that phrase counted from the day it was
-- logged, the nearest thing to the report's day the tracker kept; the words move to the start's label. A
-- round with days keeps its words beside them (approx_date: "late January 2026 (dates approximate)").
UPDATE `rounds` SET `starts_on` = date(`created_at`), `starts_on_precision` = 'approx', `starts_on_label` = trim(`approx_date`), `approx_date` = ''
 WHERE `starts_on` IS NULL AND trim(`approx_date`) <> '';--> statement-breakpoint
-- The windows of lib/partial-date.ts's phrases; other words name no window but their day.
UPDATE `rounds` SET `starts_on_until` = CASE lower(`starts_on_label`)
    WHEN 'in the coming days' THEN date(`starts_on`, '+7 days')
    WHEN 'in the coming weeks' THEN date(`starts_on`, '+42 days')
    WHEN 'in the coming months' THEN date(`starts_on`, 'start of month', '+4 months', '-1 day')
    WHEN 'by the end of the month' THEN date(`starts_on`, 'start of month', '+1 month', '-1 day')
    WHEN 'next month' THEN date(`starts_on`, 'start of month', '+2 months', '-1 day')
    WHEN 'by the end of the year' THEN date(`starts_on`, 'start of year', '+1 year', '-1 day')
    WHEN 'next year' THEN date(`starts_on`, 'start of year', '+2 years', '-1 day')
    ELSE `starts_on` END
 WHERE `starts_on_precision` = 'approx';--> statement-breakpoint
-- "Published about that day": the day, approximate, with nothing more said.
UPDATE `sources` SET `published_on_precision` = 'approx' WHERE `published_on_approx` = 1 AND `published_on` IS NOT NULL;--> statement-breakpoint
ALTER TABLE `sources` DROP COLUMN `published_on_approx`;
