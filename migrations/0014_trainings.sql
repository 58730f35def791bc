CREATE TABLE `hromada_setups` (
	`code` text PRIMARY KEY NOT NULL,
	`coordinator_name` text DEFAULT '' NOT NULL,
	`coordinator_position` text DEFAULT '' NOT NULL,
	`coordinator_since` text,
	`agreement_kind` text,
	`agreement_number` text DEFAULT '' NOT NULL,
	`agreement_date` text,
	`updated_by` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `hromada_setups_updated_by` ON `hromada_setups` (`updated_by`);--> statement-breakpoint
CREATE TABLE `prevention_events` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`title` text NOT NULL,
	`date` text NOT NULL,
	`territory` text NOT NULL,
	`hromada_code` text,
	`raion_code` text,
	`place` text DEFAULT '' NOT NULL,
	`groups` text NOT NULL,
	`people` integer NOT NULL,
	`materials` integer DEFAULT 0 NOT NULL,
	`media_audience` integer DEFAULT 0 NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prevention_events_date` ON `prevention_events` (`date`,`id`);--> statement-breakpoint
CREATE INDEX `prevention_events_hromada` ON `prevention_events` (`hromada_code`,`date`);--> statement-breakpoint
CREATE INDEX `prevention_events_raion` ON `prevention_events` (`raion_code`,`date`);--> statement-breakpoint
CREATE INDEX `prevention_events_created_by` ON `prevention_events` (`created_by`);--> statement-breakpoint
CREATE TABLE `prevention_organisations` (
	`event_id` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`event_id`, `role`, `organisation_id`),
	FOREIGN KEY (`event_id`) REFERENCES `prevention_events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `prevention_organisations_organisation` ON `prevention_organisations` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `trainees` (
	`id` text PRIMARY KEY NOT NULL,
	`surname` text NOT NULL,
	`name` text NOT NULL,
	`patronymic` text DEFAULT '' NOT NULL,
	`match_key` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `trainees_match_key` ON `trainees` (`match_key`);--> statement-breakpoint
CREATE TABLE `training_organisations` (
	`training_id` text NOT NULL,
	`role` text NOT NULL,
	`organisation_id` text NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`training_id`, `role`, `organisation_id`),
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_organisations_organisation` ON `training_organisations` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `training_participants` (
	`id` text PRIMARY KEY NOT NULL,
	`training_id` text NOT NULL,
	`trainee_id` text NOT NULL,
	`surname` text NOT NULL,
	`name` text NOT NULL,
	`patronymic` text DEFAULT '' NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`organisation_id` text NOT NULL,
	`organisation_type` text NOT NULL,
	`territory` text DEFAULT '' NOT NULL,
	`hromada_code` text,
	`attendance` text NOT NULL,
	`hours_attended` real NOT NULL,
	`certificate_year` integer,
	`certificate_seq` integer,
	`certificate_issued_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`trainee_id`) REFERENCES `trainees`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_participants_training` ON `training_participants` (`training_id`,`surname`,`name`);--> statement-breakpoint
CREATE INDEX `training_participants_trainee` ON `training_participants` (`trainee_id`);--> statement-breakpoint
CREATE INDEX `training_participants_organisation` ON `training_participants` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `training_participants_hromada` ON `training_participants` (`hromada_code`,`training_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_participants_certificate` ON `training_participants` (`certificate_year`,`certificate_seq`);--> statement-breakpoint
CREATE TABLE `training_topic_links` (
	`training_id` text NOT NULL,
	`topic` text NOT NULL,
	PRIMARY KEY(`training_id`, `topic`),
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`topic`) REFERENCES `training_topics`(`code`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `training_topic_links_topic` ON `training_topic_links` (`topic`,`training_id`);--> statement-breakpoint
CREATE TABLE `training_topics` (
	`code` text PRIMARY KEY NOT NULL,
	`uk` text NOT NULL,
	`en` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`search_title` text NOT NULL,
	`kind` text NOT NULL,
	`starts_on` text NOT NULL,
	`ends_on` text NOT NULL,
	`hours` real NOT NULL,
	`format` text NOT NULL,
	`venue` text DEFAULT '' NOT NULL,
	`venue_hromada` text,
	`place` text DEFAULT '' NOT NULL,
	`trainers` text NOT NULL,
	`programme` text DEFAULT '' NOT NULL,
	`programme_file_name` text,
	`programme_file` blob,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `trainings_starts` ON `trainings` (`starts_on`,`id`);--> statement-breakpoint
CREATE INDEX `trainings_venue_hromada` ON `trainings` (`venue_hromada`,`ends_on`);--> statement-breakpoint
CREATE INDEX `trainings_created_by` ON `trainings` (`created_by`);--> statement-breakpoint
CREATE INDEX `territories_oblast_category` ON `territories` (`oblast_code`,`category`,`raion_code`);
--> statement-breakpoint
INSERT INTO `training_topics` (`code`, `uk`, `en`, `active`, `position`) VALUES
  ('nrm', 'Національний механізм взаємодії суб’єктів', 'National referral mechanism', 1, 0),
  ('identification', 'Виявлення та ідентифікація постраждалих', 'Identification of victims', 1, 1),
  ('status', 'Встановлення статусу особи, яка постраждала від торгівлі людьми', 'Status procedure', 1, 2),
  ('assistance', 'Допомога та реабілітація постраждалих', 'Assistance and rehabilitation', 1, 3),
  ('children', 'Протидія торгівлі дітьми', 'Child trafficking', 1, 4),
  ('labour', 'Трудова експлуатація', 'Labour exploitation', 1, 5),
  ('sexual', 'Сексуальна експлуатація', 'Sexual exploitation', 1, 6),
  ('online', 'Вербування в інтернеті', 'Online recruitment', 1, 7),
  ('war', 'Ризики торгівлі людьми під час війни та переміщення', 'Trafficking risks of war and displacement', 1, 8),
  ('law', 'Законодавство у сфері протидії торгівлі людьми', 'Counter-trafficking law', 1, 9),
  ('investigation', 'Розслідування та судовий розгляд', 'Investigation and prosecution', 1, 10),
  ('prevention', 'Запобігання торгівлі людьми', 'Prevention', 1, 11);
