-- Talks created before schedule import get a random (version 4) UUID, as new talks do.
UPDATE `talks` SET `guid` = lower(
  hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))
) WHERE `guid` IS NULL;
--> statement-breakpoint
-- Every room a talk already names becomes one of its conference's rooms, alphabetically.
INSERT INTO `rooms` (`conference_id`, `name`, `position`, `guid`)
SELECT `conference_id`, `room`, (ROW_NUMBER() OVER (PARTITION BY `conference_id` ORDER BY `room`)) - 1,
  lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' ||
  substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))
FROM (SELECT DISTINCT `conference_id`, `room` FROM `talks` WHERE `room` IS NOT NULL AND trim(`room`) <> '');
