ALTER TABLE `issues` ADD `keywords` text DEFAULT '' NOT NULL;--> statement-breakpoint
-- The capture (issue 18) keeps an article's text as its archived copy: search finds the article by it, as it finds a
-- quote by its words (migration 0013). One index row per kept copy (rowid id * 8 + 0, the one slot the other kinds
-- leave free): the outlet and headline as its title, the text as its body. Seen as its quotes are (ARTICLE_SEEN).
CREATE TRIGGER `search_articles_archived_ai` AFTER INSERT ON `articles` WHEN new.archived_text IS NOT NULL BEGIN
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT new.id * 8, 'article', new.id, NULL, o.name || ' ' || new.title, new.archived_text, search_forms(o.name, new.title, new.archived_text)
    FROM outlets o WHERE o.id = new.outlet_id;
END;
--> statement-breakpoint
CREATE TRIGGER `search_articles_archived_au` AFTER UPDATE OF archived_text, title, outlet_id ON `articles` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8;
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT new.id * 8, 'article', new.id, NULL, o.name || ' ' || new.title, new.archived_text, search_forms(o.name, new.title, new.archived_text)
    FROM outlets o WHERE o.id = new.outlet_id AND new.archived_text IS NOT NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_articles_archived_ad` AFTER DELETE ON `articles` BEGIN
  DELETE FROM search_index WHERE rowid = old.id * 8;
END;
--> statement-breakpoint
CREATE TRIGGER `search_outlets_archived_au` AFTER UPDATE OF name ON `outlets` BEGIN
  DELETE FROM search_index WHERE rowid IN (SELECT id * 8 FROM articles WHERE outlet_id = new.id AND archived_text IS NOT NULL);
  INSERT INTO search_index(rowid, kind, ref_id, negotiation_id, title, body, forms)
  SELECT a.id * 8, 'article', a.id, NULL, new.name || ' ' || a.title, a.archived_text, search_forms(new.name, a.title, a.archived_text)
    FROM articles a WHERE a.outlet_id = new.id AND a.archived_text IS NOT NULL;
END;
