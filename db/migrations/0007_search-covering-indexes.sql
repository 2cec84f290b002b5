CREATE INDEX `posts_id_status_published_at_idx` ON `posts` (`id`,`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `talks_id_conference_id_idx` ON `talks` (`id`,`conference_id`);