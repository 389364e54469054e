-- Full-text search over what analysts write, kept in step with the tables by triggers,
-- so a result can never point at a deleted or stale row. The rowid encodes the kind and
-- the row's id (id * 8 + kind) so triggers touch exactly one index row.
-- kinds: 1 update, 2 position, 3 homework, 4 issue, 5 actor, 6 source
CREATE VIRTUAL TABLE `search_index` USING fts5(
  kind UNINDEXED, ref_id UNINDEXED, negotiation_id UNINDEXED, title, body,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `search_updates_ai` AFTER INSERT ON `updates` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (new.id * 8 + 1, 'update', new.id, new.negotiation_id, '', new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_updates_au` AFTER UPDATE OF body, negotiation_id ON `updates` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (new.id * 8 + 1, 'update', new.id, new.negotiation_id, '', new.body);
END;
--> statement-breakpoint
CREATE TRIGGER `search_updates_ad` AFTER DELETE ON `updates` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `search_positions_ai` AFTER INSERT ON `positions` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (
    new.id * 8 + 2, 'position', new.id, (SELECT negotiation_id FROM issues WHERE id = new.issue_id), new.summary, new.red_lines);
END;
--> statement-breakpoint
CREATE TRIGGER `search_positions_au` AFTER UPDATE OF summary, red_lines ON `positions` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (
    new.id * 8 + 2, 'position', new.id, (SELECT negotiation_id FROM issues WHERE id = new.issue_id), new.summary, new.red_lines);
END;
--> statement-breakpoint
CREATE TRIGGER `search_positions_ad` AFTER DELETE ON `positions` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 2;
END;
--> statement-breakpoint
CREATE TRIGGER `search_homework_ai` AFTER INSERT ON `homework` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (
    new.id * 8 + 3, 'homework', new.id, new.negotiation_id, new.title, new.description || ' ' || new.resolution);
END;
--> statement-breakpoint
CREATE TRIGGER `search_homework_au` AFTER UPDATE OF title, description, resolution ON `homework` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (
    new.id * 8 + 3, 'homework', new.id, new.negotiation_id, new.title, new.description || ' ' || new.resolution);
END;
--> statement-breakpoint
CREATE TRIGGER `search_homework_ad` AFTER DELETE ON `homework` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 3;
END;
--> statement-breakpoint
CREATE TRIGGER `search_issues_ai` AFTER INSERT ON `issues` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (
    new.id * 8 + 4, 'issue', new.id, new.negotiation_id, new.title, new.description || ' ' || new.key_date_label);
END;
--> statement-breakpoint
CREATE TRIGGER `search_issues_au` AFTER UPDATE OF title, description, key_date_label ON `issues` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (
    new.id * 8 + 4, 'issue', new.id, new.negotiation_id, new.title, new.description || ' ' || new.key_date_label);
END;
--> statement-breakpoint
CREATE TRIGGER `search_issues_ad` AFTER DELETE ON `issues` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 4;
END;
--> statement-breakpoint
CREATE TRIGGER `search_actors_ai` AFTER INSERT ON `actors` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (new.id * 8 + 5, 'actor', new.id, NULL, new.name, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `search_actors_au` AFTER UPDATE OF name, title ON `actors` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (new.id * 8 + 5, 'actor', new.id, NULL, new.name, new.title);
END;
--> statement-breakpoint
CREATE TRIGGER `search_actors_ad` AFTER DELETE ON `actors` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 5;
END;
--> statement-breakpoint
CREATE TRIGGER `search_sources_ai` AFTER INSERT ON `sources` BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (
    new.id * 8 + 6, 'source', new.id, NULL, new.outlet || ' ' || new.title, new.quote);
END;
--> statement-breakpoint
CREATE TRIGGER `search_sources_au` AFTER UPDATE OF outlet, title, quote ON `sources` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) VALUES (
    new.id * 8 + 6, 'source', new.id, NULL, new.outlet || ' ' || new.title, new.quote);
END;
--> statement-breakpoint
CREATE TRIGGER `search_sources_ad` AFTER DELETE ON `sources` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8 + 6;
END;
--> statement-breakpoint
-- Rows that existed before this migration.
INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) SELECT id * 8 + 1, 'update', id, negotiation_id, '', body FROM updates;
--> statement-breakpoint
INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body)
  SELECT p.id * 8 + 2, 'position', p.id, i.negotiation_id, p.summary, p.red_lines FROM positions p JOIN issues i ON i.id = p.issue_id;
--> statement-breakpoint
INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) SELECT id * 8 + 3, 'homework', id, negotiation_id, title, description || ' ' || resolution FROM homework;
--> statement-breakpoint
INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) SELECT id * 8 + 4, 'issue', id, negotiation_id, title, description || ' ' || key_date_label FROM issues;
--> statement-breakpoint
INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) SELECT id * 8 + 5, 'actor', id, NULL, name, title FROM actors;
--> statement-breakpoint
INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body) SELECT id * 8 + 6, 'source', id, NULL, outlet || ' ' || title, quote FROM sources;
