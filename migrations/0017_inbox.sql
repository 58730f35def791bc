CREATE TABLE `inbox_keys` (
	`key_id` text PRIMARY KEY NOT NULL,
	`sender_code` text NOT NULL,
	`public_key` text NOT NULL,
	`valid_from` text NOT NULL,
	`valid_to` text,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL,
	`source` text DEFAULT 'added' NOT NULL,
	`statement` text DEFAULT '' NOT NULL,
	`statement_signature` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`sender_code`) REFERENCES `inbox_senders`(`code`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inbox_keys_sender` ON `inbox_keys` (`sender_code`);--> statement-breakpoint
CREATE INDEX `inbox_keys_added_by` ON `inbox_keys` (`added_by`);--> statement-breakpoint
CREATE TABLE `inbox_senders` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`added_at` text NOT NULL,
	`added_by` text NOT NULL,
	FOREIGN KEY (`added_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `inbox_senders_added_by` ON `inbox_senders` (`added_by`);--> statement-breakpoint
CREATE TABLE `received_bundles` (
	`id` text PRIMARY KEY NOT NULL,
	`sender_code` text,
	`period` text,
	`profile` text,
	`generated_at` text,
	`key_id` text,
	`file_name` text NOT NULL,
	`sha256` text NOT NULL,
	`size` integer NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`detail` text DEFAULT '' NOT NULL,
	`received_at` text NOT NULL,
	`received_by` text NOT NULL,
	`report_json` text,
	FOREIGN KEY (`received_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `received_bundles_sender_period` ON `received_bundles` (`sender_code`,`period`,`profile`);--> statement-breakpoint
CREATE INDEX `received_bundles_period` ON `received_bundles` (`period`,`status`);--> statement-breakpoint
CREATE INDEX `received_bundles_received_by` ON `received_bundles` (`received_by`);--> statement-breakpoint
CREATE INDEX `received_bundles_received_at` ON `received_bundles` (`received_at`);