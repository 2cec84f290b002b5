CREATE TABLE `rooms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`conference_id` integer NOT NULL,
	`name` text NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`guid` text,
	FOREIGN KEY (`conference_id`) REFERENCES `conferences`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `rooms_conference_id_name_idx` ON `rooms` (`conference_id`,`name`);--> statement-breakpoint
CREATE TABLE `schedule_persons` (
	`conference_id` integer NOT NULL,
	`person_key` text NOT NULL,
	`speaker_id` integer NOT NULL,
	PRIMARY KEY(`conference_id`, `person_key`),
	FOREIGN KEY (`conference_id`) REFERENCES `conferences`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`speaker_id`) REFERENCES `speakers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `schedule_persons_speaker_id_idx` ON `schedule_persons` (`speaker_id`);--> statement-breakpoint
ALTER TABLE `talks` ADD `guid` text;--> statement-breakpoint
ALTER TABLE `talks` ADD `schedule_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `talks_conference_id_guid_idx` ON `talks` (`conference_id`,`guid`);