-- The view of migration 0013 joined three tables; as the right side of a LEFT JOIN (a position, a status change or
-- an outcome that may cite no source) SQLite cannot flatten a join, so it built the whole view for every such read:
-- 150 ms for an issue page's position history on the benchmark's data, against 2 ms before the split. Over the one
-- table of quotes, with the article's and outlet's columns read by their primary keys, the view flattens into any
-- query that reads it, and a LEFT JOIN on it is a primary-key lookup again. Same columns, same names.
DROP VIEW `cited_sources`;--> statement-breakpoint
CREATE VIEW `cited_sources` AS
SELECT s.`id`, s.`article_id`,
       (SELECT a.`outlet_id` FROM `articles` a WHERE a.`id` = s.`article_id`) AS `outlet_id`,
       (SELECT o.`name` FROM `articles` a JOIN `outlets` o ON o.`id` = a.`outlet_id` WHERE a.`id` = s.`article_id`) AS `outlet`,
       (SELECT a.`title` FROM `articles` a WHERE a.`id` = s.`article_id`) AS `title`,
       (SELECT a.`url` FROM `articles` a WHERE a.`id` = s.`article_id`) AS `url`,
       (SELECT a.`published_on` FROM `articles` a WHERE a.`id` = s.`article_id`) AS `published_on`,
       (SELECT a.`published_on_precision` FROM `articles` a WHERE a.`id` = s.`article_id`) AS `published_on_precision`,
       (SELECT a.`published_on_label` FROM `articles` a WHERE a.`id` = s.`article_id`) AS `published_on_label`,
       s.`quote`,
       (SELECT a.`reliability` FROM `articles` a WHERE a.`id` = s.`article_id`) AS `reliability`,
       s.`credibility`, s.`cites_source_id`, s.`created_at`, s.`created_by`
  FROM `sources` s;
