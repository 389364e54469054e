CREATE TABLE `affiliations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`negotiation_id` integer NOT NULL,
	`actor_id` integer NOT NULL,
	`party_id` integer,
	`title` text DEFAULT '' NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`negotiation_id`) REFERENCES `negotiations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `actors`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `affiliations_negotiation_actor` ON `affiliations` (`negotiation_id`,`actor_id`);--> statement-breakpoint
CREATE INDEX `affiliations_actor` ON `affiliations` (`actor_id`);--> statement-breakpoint
CREATE INDEX `affiliations_party` ON `affiliations` (`party_id`);--> statement-breakpoint
CREATE TABLE `party_descriptions` (
	`negotiation_id` integer NOT NULL,
	`party_id` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`negotiation_id`, `party_id`),
	FOREIGN KEY (`negotiation_id`) REFERENCES `negotiations`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`party_id`) REFERENCES `parties`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `party_descriptions_party` ON `party_descriptions` (`party_id`);--> statement-breakpoint
-- Data moves (docs/decisions/0014): what was said of a party and of an actor once for all negotiations
-- becomes what each negotiation says. Nothing is dropped before it is copied.
--
-- A party's one description becomes the description of every negotiation that seats it, and of every
-- negotiation whose records name it without seating it (the parties an export lists as role null).
INSERT INTO `party_descriptions` (`negotiation_id`, `party_id`, `description`)
SELECT np.`negotiation_id`, np.`party_id`, p.`description`
  FROM `negotiation_parties` np JOIN `parties` p ON p.`id` = np.`party_id`;--> statement-breakpoint
INSERT OR IGNORE INTO `party_descriptions` (`negotiation_id`, `party_id`, `description`)
SELECT named.`negotiation_id`, named.`party_id`, p.`description`
  FROM (
    SELECT u.`negotiation_id`, up.`party_id` FROM `update_parties` up JOIN `updates` u ON u.`id` = up.`update_id`
    UNION SELECT i.`negotiation_id`, po.`party_id` FROM `positions` po JOIN `issues` i ON i.`id` = po.`issue_id`
    UNION SELECT h.`negotiation_id`, ho.`party_id` FROM `homework_owners` ho JOIN `homework` h ON h.`id` = ho.`homework_id`
    UNION SELECT r.`negotiation_id`, rd.`party_id` FROM `round_delegations` rd JOIN `rounds` r ON r.`id` = rd.`round_id`
    UNION SELECT u.`negotiation_id`, a.`party_id` FROM `update_actors` ua JOIN `updates` u ON u.`id` = ua.`update_id` JOIN `actors` a ON a.`id` = ua.`actor_id`
     WHERE a.`party_id` IS NOT NULL
  ) named JOIN `parties` p ON p.`id` = named.`party_id`
 ORDER BY named.`negotiation_id`, named.`party_id`;--> statement-breakpoint
-- `actors` loses its party and title (they move to affiliations) by drizzle-kit's copy of the table,
-- which SQLite needs to drop a column named in a foreign key. Migrations run in one transaction with
-- foreign keys on (PRAGMA foreign_keys cannot change inside it), so dropping the old table cascades
-- to every update's actors: they are kept aside and put back, and the old actors kept for the moves below.
CREATE TABLE `__actors_before` AS SELECT `id`, `name`, `title`, `party_id`, `created_at` FROM `actors`;--> statement-breakpoint
CREATE TABLE `__update_actors_before` AS SELECT `update_id`, `actor_id` FROM `update_actors`;--> statement-breakpoint
CREATE TABLE `__new_actors` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
INSERT INTO `__new_actors`("id", "name", "created_at") SELECT "id", "name", "created_at" FROM `actors`;--> statement-breakpoint
DROP TABLE `actors`;--> statement-breakpoint
ALTER TABLE `__new_actors` RENAME TO `actors`;--> statement-breakpoint
INSERT INTO `update_actors` (`update_id`, `actor_id`) SELECT `update_id`, `actor_id` FROM `__update_actors_before`;--> statement-breakpoint
-- An actor (party and title) becomes an affiliation in every negotiation whose updates name them: that
-- is where they speak. An actor no update names yet: in every negotiation that seats their party, so
-- that they stay on its update form; failing that, wherever their party is named.
INSERT INTO `affiliations` (`negotiation_id`, `actor_id`, `party_id`, `title`, `created_at`)
SELECT DISTINCT u.`negotiation_id`, a.`id`, a.`party_id`, a.`title`, a.`created_at`
  FROM `__actors_before` a JOIN `update_actors` ua ON ua.`actor_id` = a.`id` JOIN `updates` u ON u.`id` = ua.`update_id`
 ORDER BY a.`id`, u.`negotiation_id`;--> statement-breakpoint
INSERT INTO `affiliations` (`negotiation_id`, `actor_id`, `party_id`, `title`, `created_at`)
SELECT np.`negotiation_id`, a.`id`, a.`party_id`, a.`title`, a.`created_at`
  FROM `__actors_before` a JOIN `negotiation_parties` np ON np.`party_id` = a.`party_id`
 WHERE a.`id` NOT IN (SELECT `actor_id` FROM `affiliations`)
 ORDER BY a.`id`, np.`negotiation_id`;--> statement-breakpoint
INSERT INTO `affiliations` (`negotiation_id`, `actor_id`, `party_id`, `title`, `created_at`)
SELECT pd.`negotiation_id`, a.`id`, a.`party_id`, a.`title`, a.`created_at`
  FROM `__actors_before` a JOIN `party_descriptions` pd ON pd.`party_id` = a.`party_id`
 WHERE a.`id` NOT IN (SELECT `actor_id` FROM `affiliations`)
 ORDER BY a.`id`, pd.`negotiation_id`;--> statement-breakpoint
-- An actor of no negotiation at all keeps their name; their former party and title stay in the audit log.
INSERT INTO `audit_log` (`action`, `entity`, `entity_id`, `before`, `after`)
SELECT 'migrate', 'actor', a.`id`, json_object('name', a.`name`, 'title', a.`title`, 'partyId', a.`party_id`), json_object('name', a.`name`)
  FROM `__actors_before` a WHERE a.`id` NOT IN (SELECT `actor_id` FROM `affiliations`) ORDER BY a.`id`;--> statement-breakpoint
-- The search index (docs/decisions/0004) finds a person by each affiliation: the title is the
-- affiliation's, and the row carries its negotiation like every other kind that belongs to one. The
-- old table's triggers went with it.
DELETE FROM search_index WHERE kind = 'actor';--> statement-breakpoint
INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body)
SELECT f.id * 8 + 5, 'actor', f.id, f.negotiation_id, a.name, f.title FROM affiliations f JOIN actors a ON a.id = f.actor_id;--> statement-breakpoint
CREATE TRIGGER `search_affiliations_ai` AFTER INSERT ON `affiliations` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body)
  VALUES (new.id * 8 + 5, 'actor', new.id, new.negotiation_id, (SELECT name FROM actors WHERE id = new.actor_id), new.title);
END;--> statement-breakpoint
CREATE TRIGGER `search_affiliations_au` AFTER UPDATE OF title, negotiation_id, actor_id ON `affiliations` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body)
  VALUES (new.id * 8 + 5, 'actor', new.id, new.negotiation_id, (SELECT name FROM actors WHERE id = new.actor_id), new.title);
END;--> statement-breakpoint
CREATE TRIGGER `search_affiliations_ad` AFTER DELETE ON `affiliations` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;--> statement-breakpoint
CREATE TRIGGER `search_actors_au` AFTER UPDATE OF name ON `actors` BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT id * 8 + 5 FROM affiliations WHERE actor_id = new.id);
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body)
  SELECT id * 8 + 5, 'actor', id, negotiation_id, new.name, title FROM affiliations WHERE actor_id = new.id;
END;--> statement-breakpoint
DROP TABLE `__update_actors_before`;--> statement-breakpoint
DROP TABLE `__actors_before`;--> statement-breakpoint
ALTER TABLE `parties` DROP COLUMN `description`;
