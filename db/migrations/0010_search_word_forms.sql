-- Search finds the forms of an English word (negotiation, negotiations; enrich, enrichment): the index is made
-- again with FTS5's porter stemmer over the same unicode61 tokens (diacritics and ё folded as before). FTS5
-- cannot change a table's tokenizer, so its rows are kept aside, the table made anew under the same name (the
-- triggers that keep it write to it by name) and the rows put back with their ids.
CREATE TABLE `__search_index_rows` AS SELECT rowid AS `rid`, `kind`, `ref_id`, `negotiation_id`, `title`, `body` FROM `search_index`;
--> statement-breakpoint
DROP TABLE `search_index`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
  kind UNINDEXED, ref_id UNINDEXED, negotiation_id UNINDEXED, title, body,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `search_index`(rowid, `kind`, `ref_id`, `negotiation_id`, `title`, `body`)
  SELECT `rid`, `kind`, `ref_id`, `negotiation_id`, `title`, `body` FROM `__search_index_rows` ORDER BY `rid`;
--> statement-breakpoint
DROP TABLE `__search_index_rows`;
