ALTER TABLE `cases` ADD `list_order` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `cases_list_order` ON `cases` (`list_order`,`id`);--> statement-breakpoint
UPDATE `cases` SET `list_order` = CASE WHEN `due_on` IS NOT NULL THEN `due_on` ELSE 'N' || (99999999 - CAST(replace(`registration_date`, '-', '') AS INTEGER)) END;
