CREATE TABLE `coordination_group` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`parent_body` text NOT NULL,
	`order_number` text DEFAULT '' NOT NULL,
	`order_date` text,
	`regulation` text DEFAULT '' NOT NULL,
	`quorum_numerator` integer DEFAULT 1 NOT NULL,
	`quorum_denominator` integer DEFAULT 2 NOT NULL,
	`quorum_strict` integer DEFAULT true NOT NULL,
	`notice_working_days` integer DEFAULT 5 NOT NULL,
	`meetings_per_year` integer DEFAULT 4 NOT NULL,
	`decision_rule` text DEFAULT 'simple_majority_present' NOT NULL,
	`remote_allowed` integer DEFAULT true NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `group_members` (
	`id` text PRIMARY KEY NOT NULL,
	`surname` text NOT NULL,
	`given_name` text NOT NULL,
	`patronymic` text DEFAULT '' NOT NULL,
	`position` text NOT NULL,
	`organisation_id` text,
	`role` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `group_members_valid` ON `group_members` (`valid_from`,`valid_to`);--> statement-breakpoint
CREATE TABLE `organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`short_name` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`katottg` text DEFAULT '' NOT NULL,
	`territory_name` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`contact_person` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `organisations_name` ON `organisations` (`name`);