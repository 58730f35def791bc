CREATE TABLE `audit_events` (
	`seq` integer PRIMARY KEY NOT NULL,
	`ts` text NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`entity` text,
	`entity_id` text,
	`details` text NOT NULL,
	`workstation` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL,
	`mac` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_ts` ON `audit_events` (`ts`);--> statement-breakpoint
CREATE INDEX `audit_action` ON `audit_events` (`action`);--> statement-breakpoint
CREATE INDEX `audit_actor` ON `audit_events` (`actor_id`);--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`login` text NOT NULL,
	`display_name` text NOT NULL,
	`roles` text NOT NULL,
	`must_change_passphrase` integer DEFAULT false NOT NULL,
	`created_at` text NOT NULL,
	`removed_at` text,
	`last_unlock_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_login_active` ON `users` (lower("login")) WHERE "users"."removed_at" IS NULL;