-- Search finds the forms of a Russian or Ukrainian word ("Пескова" finds "Песков"), ё read as е ("ежик" finds
-- "Ёжик"), and rounds by the heads of their delegations (decision 0020). Each index row gains a column `forms`:
-- the Cyrillic words of its title and body with ё as е, and their Russian and Ukrainian stems, made by
-- search_forms(), a JavaScript function every connection registers as it opens (db/index.ts → db/search-forms.ts).
-- FTS5 cannot add a column, so the rows are kept aside and the table made anew (as in 0010); every trigger that
-- writes it is written again with the column. Rounds get index rows too (rowid id * 8 + 7): name and heads.
CREATE TABLE `__search_index_rows` AS SELECT rowid AS `rid`, `kind`, `ref_id`, `negotiation_id`, `title`, `body` FROM `search_index`;
--> statement-breakpoint
DROP TABLE `search_index`;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_index` USING fts5(
  kind UNINDEXED, ref_id UNINDEXED, negotiation_id UNINDEXED, title, body, forms,
  tokenize = 'porter unicode61 remove_diacritics 2'
);
--> statement-breakpoint
INSERT INTO `search_index`(rowid, `kind`, `ref_id`, `negotiation_id`, `title`, `body`, `forms`)
  SELECT `rid`, `kind`, `ref_id`, `negotiation_id`, `title`, `body`, search_forms(`title`, `body`) FROM `__search_index_rows` ORDER BY `rid`;
--> statement-breakpoint
DROP TABLE `__search_index_rows`;
--> statement-breakpoint
INSERT INTO `search_index`(rowid, `kind`, `ref_id`, `negotiation_id`, `title`, `body`, `forms`)
  SELECT r.id * 8 + 7, 'round', r.id, r.negotiation_id, r.name, h.heads, search_forms(r.name, h.heads)
    FROM rounds r, (SELECT round_id, group_concat(head, '; ') heads FROM round_delegations GROUP BY round_id) h WHERE h.round_id = r.id
  UNION ALL
  SELECT r.id * 8 + 7, 'round', r.id, r.negotiation_id, r.name, '', search_forms(r.name) FROM rounds r WHERE NOT EXISTS (SELECT 1 FROM round_delegations d WHERE d.round_id = r.id);
--> statement-breakpoint
DROP TRIGGER `search_updates_ai`;
--> statement-breakpoint
CREATE TRIGGER `search_updates_ai` AFTER INSERT ON `updates` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  VALUES (new.id * 8 + 1, 'update', new.id, new.negotiation_id, '', new.body, search_forms(new.body));
END;
--> statement-breakpoint
DROP TRIGGER `search_updates_au`;
--> statement-breakpoint
CREATE TRIGGER `search_updates_au` AFTER UPDATE OF body, negotiation_id ON `updates` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  VALUES (new.id * 8 + 1, 'update', new.id, new.negotiation_id, '', new.body, search_forms(new.body));
END;
--> statement-breakpoint
DROP TRIGGER `search_positions_ai`;
--> statement-breakpoint
CREATE TRIGGER `search_positions_ai` AFTER INSERT ON `positions` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms) VALUES (
    new.id * 8 + 2, 'position', new.id, (SELECT negotiation_id FROM issues WHERE id = new.issue_id), new.summary, new.red_lines,
    search_forms(new.summary, new.red_lines));
END;
--> statement-breakpoint
DROP TRIGGER `search_positions_au`;
--> statement-breakpoint
CREATE TRIGGER `search_positions_au` AFTER UPDATE OF summary, red_lines ON `positions` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms) VALUES (
    new.id * 8 + 2, 'position', new.id, (SELECT negotiation_id FROM issues WHERE id = new.issue_id), new.summary, new.red_lines,
    search_forms(new.summary, new.red_lines));
END;
--> statement-breakpoint
DROP TRIGGER `search_homework_ai`;
--> statement-breakpoint
CREATE TRIGGER `search_homework_ai` AFTER INSERT ON `homework` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms) VALUES (
    new.id * 8 + 3, 'homework', new.id, new.negotiation_id, new.title, new.description || ' ' || new.resolution,
    search_forms(new.title, new.description, new.resolution));
END;
--> statement-breakpoint
DROP TRIGGER `search_homework_au`;
--> statement-breakpoint
CREATE TRIGGER `search_homework_au` AFTER UPDATE OF title, description, resolution ON `homework` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms) VALUES (
    new.id * 8 + 3, 'homework', new.id, new.negotiation_id, new.title, new.description || ' ' || new.resolution,
    search_forms(new.title, new.description, new.resolution));
END;
--> statement-breakpoint
DROP TRIGGER `search_issues_ai`;
--> statement-breakpoint
CREATE TRIGGER `search_issues_ai` AFTER INSERT ON `issues` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms) VALUES (
    new.id * 8 + 4, 'issue', new.id, new.negotiation_id, new.title, new.description || ' ' || new.key_date_label,
    search_forms(new.title, new.description, new.key_date_label));
END;
--> statement-breakpoint
DROP TRIGGER `search_issues_au`;
--> statement-breakpoint
CREATE TRIGGER `search_issues_au` AFTER UPDATE OF title, description, key_date_label ON `issues` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms) VALUES (
    new.id * 8 + 4, 'issue', new.id, new.negotiation_id, new.title, new.description || ' ' || new.key_date_label,
    search_forms(new.title, new.description, new.key_date_label));
END;
--> statement-breakpoint
DROP TRIGGER `search_actors_au`;
--> statement-breakpoint
CREATE TRIGGER `search_actors_au` AFTER UPDATE OF name ON `actors` BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT id * 8 + 5 FROM affiliations WHERE actor_id = new.id);
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT id * 8 + 5, 'actor', id, negotiation_id, new.name, title, search_forms(new.name, title) FROM affiliations WHERE actor_id = new.id;
END;
--> statement-breakpoint
DROP TRIGGER `search_affiliations_ai`;
--> statement-breakpoint
CREATE TRIGGER `search_affiliations_ai` AFTER INSERT ON `affiliations` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT new.id * 8 + 5, 'actor', new.id, new.negotiation_id, name, new.title, search_forms(name, new.title) FROM actors WHERE id = new.actor_id;
END;
--> statement-breakpoint
DROP TRIGGER `search_affiliations_au`;
--> statement-breakpoint
CREATE TRIGGER `search_affiliations_au` AFTER UPDATE OF title, negotiation_id, actor_id ON `affiliations` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT new.id * 8 + 5, 'actor', new.id, new.negotiation_id, name, new.title, search_forms(name, new.title) FROM actors WHERE id = new.actor_id;
END;
--> statement-breakpoint
DROP TRIGGER `search_sources_ai`;
--> statement-breakpoint
CREATE TRIGGER `search_sources_ai` AFTER INSERT ON `sources` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms) VALUES (
    new.id * 8 + 6, 'source', new.id, NULL, new.outlet || ' ' || new.title, new.quote, search_forms(new.outlet, new.title, new.quote));
END;
--> statement-breakpoint
DROP TRIGGER `search_sources_au`;
--> statement-breakpoint
CREATE TRIGGER `search_sources_au` AFTER UPDATE OF outlet, title, quote ON `sources` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms) VALUES (
    new.id * 8 + 6, 'source', new.id, NULL, new.outlet || ' ' || new.title, new.quote, search_forms(new.outlet, new.title, new.quote));
END;
--> statement-breakpoint
CREATE TRIGGER `search_rounds_ai` AFTER INSERT ON `rounds` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  VALUES (new.id * 8 + 7, 'round', new.id, new.negotiation_id, new.name, '', search_forms(new.name));
END;
--> statement-breakpoint
CREATE TRIGGER `search_rounds_au` AFTER UPDATE OF name ON `rounds` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 7;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT new.id * 8 + 7, 'round', new.id, new.negotiation_id, new.name, coalesce(group_concat(head, '; '), ''), search_forms(new.name, group_concat(head, '; '))
    FROM round_delegations WHERE round_id = new.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_rounds_ad` AFTER DELETE ON `rounds` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 7;
END;
--> statement-breakpoint
CREATE TRIGGER `search_delegations_ai` AFTER INSERT ON `round_delegations` BEGIN
  DELETE FROM search_index WHERE rowid = new.round_id * 8 + 7;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT r.id * 8 + 7, 'round', r.id, r.negotiation_id, r.name, coalesce(group_concat(d.head, '; '), ''), search_forms(r.name, group_concat(d.head, '; '))
    FROM rounds r LEFT JOIN round_delegations d ON d.round_id = r.id WHERE r.id = new.round_id GROUP BY r.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_delegations_au` AFTER UPDATE ON `round_delegations` BEGIN
  DELETE FROM search_index WHERE rowid IN (old.round_id * 8 + 7, new.round_id * 8 + 7);
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT r.id * 8 + 7, 'round', r.id, r.negotiation_id, r.name, coalesce(group_concat(d.head, '; '), ''), search_forms(r.name, group_concat(d.head, '; '))
    FROM rounds r LEFT JOIN round_delegations d ON d.round_id = r.id WHERE r.id IN (old.round_id, new.round_id) GROUP BY r.id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_delegations_ad` AFTER DELETE ON `round_delegations` BEGIN
  DELETE FROM search_index WHERE rowid = old.round_id * 8 + 7;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT r.id * 8 + 7, 'round', r.id, r.negotiation_id, r.name, coalesce(group_concat(d.head, '; '), ''), search_forms(r.name, group_concat(d.head, '; '))
    FROM rounds r LEFT JOIN round_delegations d ON d.round_id = r.id WHERE r.id = old.round_id GROUP BY r.id;
END;
