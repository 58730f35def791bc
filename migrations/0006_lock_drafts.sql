CREATE TABLE `drafts` (
	`user_id` text NOT NULL,
	`key` text NOT NULL,
	`label` text NOT NULL,
	`payload` text NOT NULL,
	`saved_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `key`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
