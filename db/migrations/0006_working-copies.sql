CREATE TABLE `post_working_copies` (
	`post_id` integer PRIMARY KEY NOT NULL,
	`document` text NOT NULL,
	`base_version` integer NOT NULL,
	`editor_id` integer,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`editor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
