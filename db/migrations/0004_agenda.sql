CREATE TABLE `plans` (
	`user_id` integer NOT NULL,
	`talk_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `talk_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`talk_id`) REFERENCES `talks`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `plans_talk_id_idx` ON `plans` (`talk_id`);--> statement-breakpoint
-- Hand-written in place of drizzle-kit's table rebuild for the new CHECK: rebuilding `talks` would
-- drop its search triggers and, with foreign keys on inside the migration's transaction, cascade
-- the DROP into ratings. ADD COLUMN keeps every row, trigger and reference; the constraint is the
-- same one the schema declares.
ALTER TABLE `talks` ADD `going_count` integer DEFAULT 0 NOT NULL CONSTRAINT `talks_going_count_check` CHECK(`going_count` >= 0);
