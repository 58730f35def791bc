CREATE TABLE `report_releases` (
	`id` text PRIMARY KEY NOT NULL,
	`period_id` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`profile` text NOT NULL,
	`threshold` integer,
	`form` text NOT NULL,
	`report_hash` text NOT NULL,
	`audit_count` integer NOT NULL,
	`tables` text NOT NULL,
	`suppressed` text NOT NULL,
	`released_at` text NOT NULL,
	`released_by` text NOT NULL,
	FOREIGN KEY (`released_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `report_releases_profile_period` ON `report_releases` (`profile`,`period_to`);--> statement-breakpoint
CREATE INDEX `report_releases_released_by` ON `report_releases` (`released_by`);--> statement-breakpoint
CREATE INDEX `case_aid_payment` ON `case_aid` (`payment_date`,`category`);--> statement-breakpoint
CREATE INDEX `assignments_closed` ON `assignments` (`status`,`closed_on`);--> statement-breakpoint
CREATE INDEX `trainings_ends` ON `trainings` (`ends_on`,`kind`);