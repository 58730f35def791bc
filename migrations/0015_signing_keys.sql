CREATE TABLE `signing_keys` (
	`key_id` text PRIMARY KEY NOT NULL,
	`public_key` text NOT NULL,
	`secret` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text NOT NULL,
	`retired_at` text,
	`statement` text DEFAULT '' NOT NULL,
	`statement_signature` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `signing_keys_created_by` ON `signing_keys` (`created_by`);