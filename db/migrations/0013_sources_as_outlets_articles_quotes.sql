-- Sources as analysts think of them (docs/decisions/0023): the outlet, graded A–F with a dated history and a
-- default for new articles; the article (title, URL, date, its own grade, the archived copy); the quote, with
-- its credibility. The quote keeps the table `sources` and its ids, so everything that cites a source still does.
CREATE TABLE `outlets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`reliability` text DEFAULT 'F' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outlets_name` ON `outlets` (lower("name"));--> statement-breakpoint
CREATE TABLE `outlet_gradings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outlet_id` integer NOT NULL,
	`reliability` text NOT NULL,
	`graded_on` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `outlet_gradings_outlet` ON `outlet_gradings` (`outlet_id`,`graded_on`);--> statement-breakpoint
CREATE TABLE `articles` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`outlet_id` integer NOT NULL,
	`title` text DEFAULT '' NOT NULL,
	`url` text,
	`published_on` text,
	`published_on_precision` text DEFAULT 'day' NOT NULL,
	`published_on_label` text DEFAULT '' NOT NULL,
	`reliability` text DEFAULT 'F' NOT NULL,
	`archived_text` text,
	`archived_at` text,
	`archived_sha256` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`outlet_id`) REFERENCES `outlets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `articles_outlet` ON `articles` (`outlet_id`);--> statement-breakpoint
CREATE INDEX `articles_url` ON `articles` (`url`);--> statement-breakpoint
-- The data move. An outlet per name, whatever its case, named as first entered. An article per outlet, URL,
-- title, date and grade: sources that differ only in their quote (and credibility) are quotes of one article;
-- the same article graded differently becomes one article per grade, so no grade is lost.
INSERT INTO `outlets` (`name`, `created_at`, `created_by`)
SELECT trim(s.`outlet`), s.`created_at`, s.`created_by` FROM `sources` s
 WHERE s.`id` = (SELECT min(f.`id`) FROM `sources` f WHERE lower(trim(f.`outlet`)) = lower(trim(s.`outlet`)))
 ORDER BY s.`id`;--> statement-breakpoint
CREATE TABLE `__sources_before` AS SELECT s.*, o.`id` AS `outlet_id`, NULL AS `article_id`
  FROM `sources` s JOIN `outlets` o ON lower(o.`name`) = lower(trim(s.`outlet`));--> statement-breakpoint
INSERT INTO `articles` (`outlet_id`, `title`, `url`, `published_on`, `published_on_precision`, `published_on_label`, `reliability`, `created_at`, `created_by`)
SELECT s.`outlet_id`, s.`title`, s.`url`, s.`published_on`, s.`published_on_precision`, s.`published_on_label`, s.`reliability`, s.`created_at`, s.`created_by`
  FROM `__sources_before` s
 WHERE s.`id` = (SELECT min(f.`id`) FROM `__sources_before` f WHERE f.`outlet_id` = s.`outlet_id` AND f.`title` = s.`title` AND f.`url` IS s.`url`
                   AND f.`published_on` IS s.`published_on` AND f.`published_on_precision` = s.`published_on_precision`
                   AND f.`published_on_label` = s.`published_on_label` AND f.`reliability` = s.`reliability`)
 ORDER BY s.`id`;--> statement-breakpoint
UPDATE `__sources_before` SET `article_id` = (SELECT a.`id` FROM `articles` a WHERE a.`outlet_id` = `__sources_before`.`outlet_id`
  AND a.`title` = `__sources_before`.`title` AND a.`url` IS `__sources_before`.`url` AND a.`published_on` IS `__sources_before`.`published_on`
  AND a.`published_on_precision` = `__sources_before`.`published_on_precision` AND a.`published_on_label` = `__sources_before`.`published_on_label`
  AND a.`reliability` = `__sources_before`.`reliability`);--> statement-breakpoint
-- An outlet's history: each grade its articles had, dated by the earliest article with it (its publication, or
-- the day it was entered); its current grade, the default for new articles, is that of its latest article.
INSERT INTO `outlet_gradings` (`outlet_id`, `reliability`, `graded_on`, `note`, `created_at`, `created_by`)
SELECT a.`outlet_id`, a.`reliability`, min(coalesce(a.`published_on`, substr(a.`created_at`, 1, 10))),
       'As its articles were graded before outlets had a grade of their own.', min(a.`created_at`), NULL
  FROM `articles` a GROUP BY a.`outlet_id`, a.`reliability`
 ORDER BY a.`outlet_id`, min(coalesce(a.`published_on`, substr(a.`created_at`, 1, 10))), a.`reliability`;--> statement-breakpoint
UPDATE `outlets` SET `reliability` = coalesce((SELECT a.`reliability` FROM `articles` a WHERE a.`outlet_id` = `outlets`.`id`
  ORDER BY coalesce(a.`published_on`, substr(a.`created_at`, 1, 10)) DESC, a.`id` DESC LIMIT 1), 'F');--> statement-breakpoint
-- `sources` loses its article's columns by a copy of the table. Migrations run in one transaction with foreign
-- keys on, where PRAGMA foreign_keys cannot change; deferring them lets the old table go while positions, status
-- changes, outcomes and rounds still cite its ids, and putting the same ids back settles every one before the
-- commit checks. Dropping it cascades to the updates' sources: they are kept aside and put back.
PRAGMA defer_foreign_keys = ON;--> statement-breakpoint
CREATE TABLE `__update_sources_before` AS SELECT `update_id`, `source_id` FROM `update_sources`;--> statement-breakpoint
DROP TABLE `sources`;--> statement-breakpoint
CREATE TABLE `sources` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`article_id` integer NOT NULL,
	`quote` text DEFAULT '' NOT NULL,
	`credibility` integer DEFAULT 6 NOT NULL,
	`cites_source_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`created_by` integer,
	FOREIGN KEY (`article_id`) REFERENCES `articles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cites_source_id`) REFERENCES `sources`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `sources` (`id`, `article_id`, `quote`, `credibility`, `cites_source_id`, `created_at`, `created_by`)
SELECT `id`, `article_id`, `quote`, `credibility`, `cites_source_id`, `created_at`, `created_by` FROM `__sources_before` ORDER BY `id`;--> statement-breakpoint
INSERT INTO `update_sources` (`update_id`, `source_id`) SELECT `update_id`, `source_id` FROM `__update_sources_before`;--> statement-breakpoint
DROP TABLE `__update_sources_before`;--> statement-breakpoint
DROP TABLE `__sources_before`;--> statement-breakpoint
CREATE INDEX `sources_article` ON `sources` (`article_id`);--> statement-breakpoint
CREATE INDEX `sources_cites` ON `sources` (`cites_source_id`);--> statement-breakpoint
-- A quote with its article and outlet, under a source's old column names: what the pages and exports read.
CREATE VIEW `cited_sources` AS
SELECT s.`id`, s.`article_id`, a.`outlet_id`, o.`name` AS `outlet`, a.`title`, a.`url`, a.`published_on`, a.`published_on_precision`,
       a.`published_on_label`, s.`quote`, a.`reliability`, s.`credibility`, s.`cites_source_id`, s.`created_at`, s.`created_by`
  FROM `sources` s JOIN `articles` a ON a.`id` = s.`article_id` JOIN `outlets` o ON o.`id` = a.`outlet_id`;--> statement-breakpoint
-- A regrading moves the outlet's version, whatever writes it (as migration 0005 does for every edited record).
CREATE TRIGGER `outlets_version` AFTER UPDATE OF `name`, `reliability` ON `outlets` WHEN NEW.version = OLD.version BEGIN
  UPDATE `outlets` SET `version` = OLD.version + 1 WHERE `id` = NEW.id;
END;
--> statement-breakpoint
-- Search (migrations 0002, 0011) keeps finding a quote by its outlet, its article's title and its words: the
-- index rows are the same, written now from the three tables; renaming an outlet or retitling an article
-- rewrites the rows of its quotes. The old table's triggers went with it.
CREATE TRIGGER `search_sources_ai` AFTER INSERT ON `sources` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT new.id * 8 + 6, 'source', new.id, NULL, o.name || ' ' || a.title, new.quote, search_forms(o.name, a.title, new.quote)
    FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.id = new.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_sources_au` AFTER UPDATE OF quote, article_id ON `sources` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT new.id * 8 + 6, 'source', new.id, NULL, o.name || ' ' || a.title, new.quote, search_forms(o.name, a.title, new.quote)
    FROM articles a JOIN outlets o ON o.id = a.outlet_id WHERE a.id = new.article_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_sources_ad` AFTER DELETE ON `sources` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
END;
--> statement-breakpoint
CREATE TRIGGER `search_articles_au` AFTER UPDATE OF title, outlet_id ON `articles` BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT id * 8 + 6 FROM sources WHERE article_id = new.id);
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT s.id * 8 + 6, 'source', s.id, NULL, o.name || ' ' || new.title, s.quote, search_forms(o.name, new.title, s.quote)
    FROM sources s JOIN outlets o ON o.id = new.outlet_id WHERE s.article_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_outlets_au` AFTER UPDATE OF name ON `outlets` BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT s.id * 8 + 6 FROM sources s JOIN articles a ON a.id = s.article_id WHERE a.outlet_id = new.id);
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT s.id * 8 + 6, 'source', s.id, NULL, new.name || ' ' || a.title, s.quote, search_forms(new.name, a.title, s.quote)
    FROM sources s JOIN articles a ON a.id = s.article_id WHERE a.outlet_id = new.id;
END;
--> statement-breakpoint
-- The content counter (migration 0008): the three are content, as sources were.
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
CREATE TRIGGER `content_version_articles_ai` AFTER INSERT ON `articles` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_articles_au` AFTER UPDATE ON `articles` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_articles_ad` AFTER DELETE ON `articles` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_outlets_ai` AFTER INSERT ON `outlets` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_outlets_au` AFTER UPDATE ON `outlets` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_outlets_ad` AFTER DELETE ON `outlets` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_outlet_gradings_ai` AFTER INSERT ON `outlet_gradings` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_outlet_gradings_au` AFTER UPDATE ON `outlet_gradings` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
--> statement-breakpoint
CREATE TRIGGER `content_version_outlet_gradings_ad` AFTER DELETE ON `outlet_gradings` BEGIN
  UPDATE `content_version` SET `changes` = `changes` + 1 WHERE `id` = 1;
END;
