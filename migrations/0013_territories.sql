CREATE TABLE `territories` (
	`code` text PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`name` text NOT NULL,
	`search_name` text NOT NULL,
	`parent_code` text,
	`oblast_code` text,
	`raion_code` text,
	`hromada_code` text,
	`edition` text NOT NULL,
	`dropped_in` text
);
--> statement-breakpoint
CREATE INDEX `territories_search_name` ON `territories` (`search_name`);--> statement-breakpoint
CREATE INDEX `territories_oblast_name` ON `territories` (`oblast_code`,`search_name`);