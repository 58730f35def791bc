CREATE TABLE `assignment_changes` (
	`id` text PRIMARY KEY NOT NULL,
	`assignment_id` text NOT NULL,
	`decision_id` text,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`changed_at` text NOT NULL,
	`changed_by` text NOT NULL,
	FOREIGN KEY (`assignment_id`) REFERENCES `assignments`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decision_id`) REFERENCES `decisions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`changed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `assignment_changes_assignment` ON `assignment_changes` (`assignment_id`,`changed_at`);--> statement-breakpoint
CREATE INDEX `assignment_changes_decision` ON `assignment_changes` (`decision_id`);--> statement-breakpoint
CREATE INDEX `assignment_changes_user` ON `assignment_changes` (`changed_by`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `merged_into_id` text;--> statement-breakpoint
CREATE INDEX `organisations_merged_into` ON `organisations` (`merged_into_id`);--> statement-breakpoint
ALTER TABLE `agenda_item_assignments` ADD `snapshot` text;--> statement-breakpoint
ALTER TABLE `attendance` ADD `absence_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `attendance` ADD `substitute` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `status_reason` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `meetings` ADD `rescheduled_from` text;