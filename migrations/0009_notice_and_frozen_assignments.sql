ALTER TABLE `meetings` ADD `notice_sent_on` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `assignments_snapshot` text;