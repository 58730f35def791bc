CREATE TABLE `case_aid` (
	`case_id` text PRIMARY KEY NOT NULL,
	`application_date` text NOT NULL,
	`category` text NOT NULL,
	`minimum_kop` integer NOT NULL,
	`amount_kop` integer NOT NULL,
	`paying_body` text NOT NULL,
	`payment_date` text,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `case_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`date` text NOT NULL,
	`official` text DEFAULT '' NOT NULL,
	`documents` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`number` text DEFAULT '' NOT NULL,
	`waiver_reason` text,
	`proceedings` integer,
	`proceedings_number` text DEFAULT '' NOT NULL,
	`outcome` text,
	`refusal_reason` text,
	`deciding_body` text DEFAULT '' NOT NULL,
	`valid_until` text,
	`end_reason` text,
	`court` text DEFAULT '' NOT NULL,
	`due_on` text,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_steps_case_seq` ON `case_steps` (`case_id`,`seq`);--> statement-breakpoint
CREATE INDEX `case_steps_kind_date` ON `case_steps` (`kind`,`date`);--> statement-breakpoint
CREATE INDEX `case_steps_recorded_by` ON `case_steps` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`receiving_body_kind` text NOT NULL,
	`receiving_body_name` text NOT NULL,
	`registration_number` text NOT NULL,
	`registration_date` text NOT NULL,
	`registration_year` integer NOT NULL,
	`arrival` text NOT NULL,
	`referred_by_organisation_id` text,
	`identification_katottg` text DEFAULT '' NOT NULL,
	`forms_version` text NOT NULL,
	`forms` text NOT NULL,
	`countries` text NOT NULL,
	`exploitation_from` text,
	`exploitation_to` text,
	`documents_received` text NOT NULL,
	`child` integer NOT NULL,
	`age_at_registration` integer,
	`foreigner` integer NOT NULL,
	`state` text NOT NULL,
	`next_step` text,
	`due_on` text,
	`valid_until` text,
	`closed_on` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referred_by_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_year_number` ON `cases` (`registration_year`,`registration_number`);--> statement-breakpoint
CREATE INDEX `cases_person` ON `cases` (`person_id`);--> statement-breakpoint
CREATE INDEX `cases_state_due` ON `cases` (`state`,`due_on`);--> statement-breakpoint
CREATE INDEX `cases_due` ON `cases` (`due_on`);--> statement-breakpoint
CREATE INDEX `cases_registration` ON `cases` (`registration_date`);--> statement-breakpoint
CREATE INDEX `cases_referred_by` ON `cases` (`referred_by_organisation_id`);--> statement-breakpoint
CREATE TABLE `person_identities` (
	`person_id` text PRIMARY KEY NOT NULL,
	`surname` text NOT NULL,
	`given_name` text NOT NULL,
	`patronymic` text DEFAULT '' NOT NULL,
	`birth_date` text,
	`age_at_identification` integer,
	`languages` text DEFAULT '' NOT NULL,
	`interpreter_needed` integer DEFAULT false NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`email` text DEFAULT '' NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`identity_document` text DEFAULT '' NOT NULL,
	`incapable` integer DEFAULT false NOT NULL,
	`representative_name` text DEFAULT '' NOT NULL,
	`representative_relation` text DEFAULT '' NOT NULL,
	`representative_contacts` text DEFAULT '' NOT NULL,
	`search_name` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `person_identities_search` ON `person_identities` (`search_name`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`sex` text,
	`citizenship` text DEFAULT 'UA' NOT NULL,
	`anonymised_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_code` ON `persons` (`code`);--> statement-breakpoint
CREATE TABLE `days_off` (
	`date` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `deciding_bodies` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`valid_from` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `deciding_bodies_from` ON `deciding_bodies` (`valid_from`);--> statement-breakpoint
CREATE TABLE `subsistence_minimums` (
	`id` text PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`valid_from` text NOT NULL,
	`amount_kop` integer NOT NULL,
	`legal_basis` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `subsistence_minimums_category_from` ON `subsistence_minimums` (`category`,`valid_from`);--> statement-breakpoint
CREATE TABLE `term_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`value` integer NOT NULL,
	`unit` text NOT NULL,
	`day_kind` text NOT NULL,
	`counts_from` text NOT NULL,
	`legal_basis` text NOT NULL,
	`confirmed` integer NOT NULL,
	`valid_from` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `term_versions_key_from` ON `term_versions` (`key`,`valid_from`);--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-register', 'register', 0, 'days', 'calendar', 'registration', 'Постанова КМУ № 417, п. 3 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-interview', 'interview', 3, 'days', 'working', 'registration', 'Постанова КМУ № 417 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-police_request', 'police_request', 3, 'days', 'working', 'interview', 'Постанова КМУ № 417 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-police_answer', 'police_answer', 10, 'days', 'calendar', 'police_request', 'Постанова КМУ № 417 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-forward', 'forward', 3, 'days', 'working', 'police_answer', 'Постанова КМУ № 417 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-decision', 'decision', 10, 'days', 'calendar', 'forwarded', 'Постанова КМУ № 417 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-notify', 'notify', 3, 'days', 'working', 'decision', 'Постанова КМУ № 417 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-certificate', 'certificate', 3, 'days', 'working', 'decision', 'Постанова КМУ № 417 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-procedure', 'procedure', 1, 'months', 'calendar', 'interview', 'Закон № 3739-VI, ст. 15 ч. 3: не більше місяця з дня співбесіди', 1, '2011-11-15', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-status', 'status', 2, 'years', 'calendar', 'decision', 'Закон № 3739-VI, ст. 15 ч. 5: статус встановлюється на строк до двох років', 1, '2011-11-15', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-extension', 'extension', 1, 'years', 'calendar', 'certificate', 'Закон № 3739-VI, ст. 15 ч. 5: продовження не більше ніж на один рік', 1, '2011-11-15', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO subsistence_minimums (id, category, valid_from, amount_kop, legal_basis) VALUES ('default-child_under_6-2025-01-01', 'child_under_6', '2025-01-01', 256300, 'Закон про Державний бюджет України на 2025 рік');--> statement-breakpoint
INSERT INTO subsistence_minimums (id, category, valid_from, amount_kop, legal_basis) VALUES ('default-child_6_18-2025-01-01', 'child_6_18', '2025-01-01', 319600, 'Закон про Державний бюджет України на 2025 рік');--> statement-breakpoint
INSERT INTO subsistence_minimums (id, category, valid_from, amount_kop, legal_basis) VALUES ('default-working_age-2025-01-01', 'working_age', '2025-01-01', 302800, 'Закон про Державний бюджет України на 2025 рік');--> statement-breakpoint
INSERT INTO subsistence_minimums (id, category, valid_from, amount_kop, legal_basis) VALUES ('default-lost_capacity-2025-01-01', 'lost_capacity', '2025-01-01', 236100, 'Закон про Державний бюджет України на 2025 рік');--> statement-breakpoint
INSERT INTO deciding_bodies (id, name, valid_from) VALUES ('default-1', 'Міністерство соціальної політики України', '2012-05-23');--> statement-breakpoint
INSERT INTO deciding_bodies (id, name, valid_from) VALUES ('default-2', 'Національна соціальна сервісна служба України', '2021-06-01');
