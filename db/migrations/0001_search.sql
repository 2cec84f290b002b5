-- Full-text search (SQLite FTS5), kept current by triggers so that every writer (the seed, the
-- authoring actions, the importer, a sqlite3 shell) updates it in the same transaction as the row.
--
-- One FTS table per kind, each keyed by its source row's id (rowid), so a trigger removes a row by
-- rowid in O(log n) and each kind has its own bm25 column weights (see db/search.ts).
-- The tables keep their own copy of the text (not `content=`), so a trigger never has to repeat
-- the exact old values (external-content tables are corrupted when it gets them wrong).
--
-- Posts: title, body and the author's notes on the talks the recap covers (post_talks), which the
-- recap page shows with it. Only `status = 'published'` rows are indexed: drafts never enter, and
-- an unpublished or deleted post leaves. Publication time (scheduled posts) is checked at query
-- time by joining posts.
-- The body is indexed from `body_markdown`, not `body_html`: SQL cannot strip tags, and HTML would
-- index tag and attribute names (class, href, hljs…). Markdown punctuation is a token separator
-- for the unicode61 tokenizer; snippets are cleaned of markdown syntax when they are displayed.
--
-- Tokenizer: unicode61 with diacritics folded ("Malmo" finds "Malmö"); prefix indexes of 2 and 3
-- characters make "ka*"/"kaf*" queries cheap.
CREATE VIRTUAL TABLE `posts_fts` USING fts5(
  `title`, `body`, `notes`,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `talks_fts` USING fts5(
  `title`, `abstract`,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
CREATE VIRTUAL TABLE `speakers_fts` USING fts5(
  `name`, `bio`,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint
-- `tracks`: the names of the conference's tracks over all its days; `details`: city, venue, description.
CREATE VIRTUAL TABLE `conferences_fts` USING fts5(
  `name`, `tracks`, `details`,
  tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
);
--> statement-breakpoint

-- ------------------------------------------------------------------ posts
-- A post's row is rebuilt from the posts table (and its talk notes) whenever either changes; only
-- published posts get one.
CREATE TRIGGER `posts_fts_after_insert` AFTER INSERT ON `posts` WHEN new.`status` = 'published' BEGIN
  INSERT INTO `posts_fts` (rowid, `title`, `body`, `notes`)
  SELECT p.`id`, p.`title`,
    replace(replace(p.`body_markdown`, '<!-- more -->', ' '), '<!--more-->', ' '),
    coalesce((SELECT group_concat(pt.`note_markdown`, ' ') FROM `post_talks` pt WHERE pt.`post_id` = p.`id`), '')
  FROM `posts` p WHERE p.`id` = new.`id` AND p.`status` = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_update` AFTER UPDATE OF `id`, `title`, `body_markdown`, `status` ON `posts` BEGIN
  DELETE FROM `posts_fts` WHERE rowid = old.`id`;
  INSERT INTO `posts_fts` (rowid, `title`, `body`, `notes`)
  SELECT p.`id`, p.`title`,
    replace(replace(p.`body_markdown`, '<!-- more -->', ' '), '<!--more-->', ' '),
    coalesce((SELECT group_concat(pt.`note_markdown`, ' ') FROM `post_talks` pt WHERE pt.`post_id` = p.`id`), '')
  FROM `posts` p WHERE p.`id` = new.`id` AND p.`status` = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `posts_fts_after_delete` AFTER DELETE ON `posts` BEGIN
  DELETE FROM `posts_fts` WHERE rowid = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `post_talks_posts_fts_after_insert` AFTER INSERT ON `post_talks` BEGIN
  DELETE FROM `posts_fts` WHERE rowid = new.`post_id`;
  INSERT INTO `posts_fts` (rowid, `title`, `body`, `notes`)
  SELECT p.`id`, p.`title`,
    replace(replace(p.`body_markdown`, '<!-- more -->', ' '), '<!--more-->', ' '),
    coalesce((SELECT group_concat(pt.`note_markdown`, ' ') FROM `post_talks` pt WHERE pt.`post_id` = p.`id`), '')
  FROM `posts` p WHERE p.`id` = new.`post_id` AND p.`status` = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `post_talks_posts_fts_after_update` AFTER UPDATE OF `post_id`, `note_markdown` ON `post_talks` BEGIN
  DELETE FROM `posts_fts` WHERE rowid IN (old.`post_id`, new.`post_id`);
  INSERT INTO `posts_fts` (rowid, `title`, `body`, `notes`)
  SELECT p.`id`, p.`title`,
    replace(replace(p.`body_markdown`, '<!-- more -->', ' '), '<!--more-->', ' '),
    coalesce((SELECT group_concat(pt.`note_markdown`, ' ') FROM `post_talks` pt WHERE pt.`post_id` = p.`id`), '')
  FROM `posts` p WHERE p.`id` IN (old.`post_id`, new.`post_id`) AND p.`status` = 'published';
END;
--> statement-breakpoint
CREATE TRIGGER `post_talks_posts_fts_after_delete` AFTER DELETE ON `post_talks` BEGIN
  DELETE FROM `posts_fts` WHERE rowid = old.`post_id`;
  INSERT INTO `posts_fts` (rowid, `title`, `body`, `notes`)
  SELECT p.`id`, p.`title`,
    replace(replace(p.`body_markdown`, '<!-- more -->', ' '), '<!--more-->', ' '),
    coalesce((SELECT group_concat(pt.`note_markdown`, ' ') FROM `post_talks` pt WHERE pt.`post_id` = p.`id`), '')
  FROM `posts` p WHERE p.`id` = old.`post_id` AND p.`status` = 'published';
END;
--> statement-breakpoint

-- ------------------------------------------------------------------ talks
CREATE TRIGGER `talks_fts_after_insert` AFTER INSERT ON `talks` BEGIN
  INSERT INTO `talks_fts` (rowid, `title`, `abstract`) VALUES (new.`id`, new.`title`, coalesce(new.`abstract`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `talks_fts_after_update` AFTER UPDATE OF `id`, `title`, `abstract` ON `talks` BEGIN
  DELETE FROM `talks_fts` WHERE rowid = old.`id`;
  INSERT INTO `talks_fts` (rowid, `title`, `abstract`) VALUES (new.`id`, new.`title`, coalesce(new.`abstract`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `talks_fts_after_delete` AFTER DELETE ON `talks` BEGIN
  DELETE FROM `talks_fts` WHERE rowid = old.`id`;
END;
--> statement-breakpoint

-- --------------------------------------------------------------- speakers
CREATE TRIGGER `speakers_fts_after_insert` AFTER INSERT ON `speakers` BEGIN
  INSERT INTO `speakers_fts` (rowid, `name`, `bio`) VALUES (new.`id`, new.`name`, coalesce(new.`bio`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `speakers_fts_after_update` AFTER UPDATE OF `id`, `name`, `bio` ON `speakers` BEGIN
  DELETE FROM `speakers_fts` WHERE rowid = old.`id`;
  INSERT INTO `speakers_fts` (rowid, `name`, `bio`) VALUES (new.`id`, new.`name`, coalesce(new.`bio`, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `speakers_fts_after_delete` AFTER DELETE ON `speakers` BEGIN
  DELETE FROM `speakers_fts` WHERE rowid = old.`id`;
END;
--> statement-breakpoint

-- ------------------------------------------------------------ conferences
-- A conference's row is rebuilt whole (name, track names, details) whenever the conference, one
-- of its days or one of its tracks changes. The SELECT is repeated in each trigger: SQLite has
-- no procedures, and a view cannot be the target of the rebuild.
CREATE TRIGGER `conferences_fts_after_insert` AFTER INSERT ON `conferences` BEGIN
  INSERT INTO `conferences_fts` (rowid, `name`, `tracks`, `details`)
  SELECT c.`id`, c.`name`,
    coalesce((SELECT group_concat(n, ' · ') FROM (
      SELECT tr.`name` AS n, min(d.`number` * 100000 + tr.`position`) AS o
      FROM `tracks` tr JOIN `days` d ON d.`id` = tr.`day_id`
      WHERE d.`conference_id` = c.`id` GROUP BY tr.`name` ORDER BY o)), ''),
    trim(coalesce(c.`city`, '') || ' ' || coalesce(c.`location`, '') || ' ' || coalesce(c.`description`, ''))
  FROM `conferences` c WHERE c.`id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `conferences_fts_after_update` AFTER UPDATE OF `id`, `name`, `city`, `location`, `description` ON `conferences` BEGIN
  DELETE FROM `conferences_fts` WHERE rowid = old.`id`;
  INSERT INTO `conferences_fts` (rowid, `name`, `tracks`, `details`)
  SELECT c.`id`, c.`name`,
    coalesce((SELECT group_concat(n, ' · ') FROM (
      SELECT tr.`name` AS n, min(d.`number` * 100000 + tr.`position`) AS o
      FROM `tracks` tr JOIN `days` d ON d.`id` = tr.`day_id`
      WHERE d.`conference_id` = c.`id` GROUP BY tr.`name` ORDER BY o)), ''),
    trim(coalesce(c.`city`, '') || ' ' || coalesce(c.`location`, '') || ' ' || coalesce(c.`description`, ''))
  FROM `conferences` c WHERE c.`id` = new.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `conferences_fts_after_delete` AFTER DELETE ON `conferences` BEGIN
  DELETE FROM `conferences_fts` WHERE rowid = old.`id`;
END;
--> statement-breakpoint
CREATE TRIGGER `days_conferences_fts_after_update` AFTER UPDATE OF `conference_id`, `number` ON `days` BEGIN
  DELETE FROM `conferences_fts` WHERE rowid IN (old.`conference_id`, new.`conference_id`);
  INSERT INTO `conferences_fts` (rowid, `name`, `tracks`, `details`)
  SELECT c.`id`, c.`name`,
    coalesce((SELECT group_concat(n, ' · ') FROM (
      SELECT tr.`name` AS n, min(d.`number` * 100000 + tr.`position`) AS o
      FROM `tracks` tr JOIN `days` d ON d.`id` = tr.`day_id`
      WHERE d.`conference_id` = c.`id` GROUP BY tr.`name` ORDER BY o)), ''),
    trim(coalesce(c.`city`, '') || ' ' || coalesce(c.`location`, '') || ' ' || coalesce(c.`description`, ''))
  FROM `conferences` c WHERE c.`id` IN (old.`conference_id`, new.`conference_id`);
END;
--> statement-breakpoint
-- Deleting a day cascades to its tracks; their triggers can no longer see the day, so the day's
-- own trigger rebuilds the conference row.
CREATE TRIGGER `days_conferences_fts_after_delete` AFTER DELETE ON `days` BEGIN
  DELETE FROM `conferences_fts` WHERE rowid = old.`conference_id`;
  INSERT INTO `conferences_fts` (rowid, `name`, `tracks`, `details`)
  SELECT c.`id`, c.`name`,
    coalesce((SELECT group_concat(n, ' · ') FROM (
      SELECT tr.`name` AS n, min(d.`number` * 100000 + tr.`position`) AS o
      FROM `tracks` tr JOIN `days` d ON d.`id` = tr.`day_id`
      WHERE d.`conference_id` = c.`id` GROUP BY tr.`name` ORDER BY o)), ''),
    trim(coalesce(c.`city`, '') || ' ' || coalesce(c.`location`, '') || ' ' || coalesce(c.`description`, ''))
  FROM `conferences` c WHERE c.`id` = old.`conference_id`;
END;
--> statement-breakpoint
CREATE TRIGGER `tracks_conferences_fts_after_insert` AFTER INSERT ON `tracks` BEGIN
  DELETE FROM `conferences_fts` WHERE rowid IN (SELECT `conference_id` FROM `days` WHERE `id` = new.`day_id`);
  INSERT INTO `conferences_fts` (rowid, `name`, `tracks`, `details`)
  SELECT c.`id`, c.`name`,
    coalesce((SELECT group_concat(n, ' · ') FROM (
      SELECT tr.`name` AS n, min(d.`number` * 100000 + tr.`position`) AS o
      FROM `tracks` tr JOIN `days` d ON d.`id` = tr.`day_id`
      WHERE d.`conference_id` = c.`id` GROUP BY tr.`name` ORDER BY o)), ''),
    trim(coalesce(c.`city`, '') || ' ' || coalesce(c.`location`, '') || ' ' || coalesce(c.`description`, ''))
  FROM `conferences` c WHERE c.`id` IN (SELECT `conference_id` FROM `days` WHERE `id` = new.`day_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `tracks_conferences_fts_after_update` AFTER UPDATE OF `name`, `day_id`, `position` ON `tracks` BEGIN
  DELETE FROM `conferences_fts` WHERE rowid IN (SELECT `conference_id` FROM `days` WHERE `id` IN (old.`day_id`, new.`day_id`));
  INSERT INTO `conferences_fts` (rowid, `name`, `tracks`, `details`)
  SELECT c.`id`, c.`name`,
    coalesce((SELECT group_concat(n, ' · ') FROM (
      SELECT tr.`name` AS n, min(d.`number` * 100000 + tr.`position`) AS o
      FROM `tracks` tr JOIN `days` d ON d.`id` = tr.`day_id`
      WHERE d.`conference_id` = c.`id` GROUP BY tr.`name` ORDER BY o)), ''),
    trim(coalesce(c.`city`, '') || ' ' || coalesce(c.`location`, '') || ' ' || coalesce(c.`description`, ''))
  FROM `conferences` c WHERE c.`id` IN (SELECT `conference_id` FROM `days` WHERE `id` IN (old.`day_id`, new.`day_id`));
END;
--> statement-breakpoint
CREATE TRIGGER `tracks_conferences_fts_after_delete` AFTER DELETE ON `tracks` BEGIN
  DELETE FROM `conferences_fts` WHERE rowid IN (SELECT `conference_id` FROM `days` WHERE `id` = old.`day_id`);
  INSERT INTO `conferences_fts` (rowid, `name`, `tracks`, `details`)
  SELECT c.`id`, c.`name`,
    coalesce((SELECT group_concat(n, ' · ') FROM (
      SELECT tr.`name` AS n, min(d.`number` * 100000 + tr.`position`) AS o
      FROM `tracks` tr JOIN `days` d ON d.`id` = tr.`day_id`
      WHERE d.`conference_id` = c.`id` GROUP BY tr.`name` ORDER BY o)), ''),
    trim(coalesce(c.`city`, '') || ' ' || coalesce(c.`location`, '') || ' ' || coalesce(c.`description`, ''))
  FROM `conferences` c WHERE c.`id` IN (SELECT `conference_id` FROM `days` WHERE `id` = old.`day_id`);
END;
--> statement-breakpoint

-- --------------------------------------------------------------- backfill
INSERT INTO `posts_fts` (rowid, `title`, `body`, `notes`)
SELECT p.`id`, p.`title`,
  replace(replace(p.`body_markdown`, '<!-- more -->', ' '), '<!--more-->', ' '),
  coalesce((SELECT group_concat(pt.`note_markdown`, ' ') FROM `post_talks` pt WHERE pt.`post_id` = p.`id`), '')
FROM `posts` p WHERE p.`status` = 'published';
--> statement-breakpoint
INSERT INTO `talks_fts` (rowid, `title`, `abstract`) SELECT `id`, `title`, coalesce(`abstract`, '') FROM `talks`;
--> statement-breakpoint
INSERT INTO `speakers_fts` (rowid, `name`, `bio`) SELECT `id`, `name`, coalesce(`bio`, '') FROM `speakers`;
--> statement-breakpoint
INSERT INTO `conferences_fts` (rowid, `name`, `tracks`, `details`)
SELECT c.`id`, c.`name`,
  coalesce((SELECT group_concat(n, ' · ') FROM (
    SELECT tr.`name` AS n, min(d.`number` * 100000 + tr.`position`) AS o
    FROM `tracks` tr JOIN `days` d ON d.`id` = tr.`day_id`
    WHERE d.`conference_id` = c.`id` GROUP BY tr.`name` ORDER BY o)), ''),
  trim(coalesce(c.`city`, '') || ' ' || coalesce(c.`location`, '') || ' ' || coalesce(c.`description`, ''))
FROM `conferences` c;
