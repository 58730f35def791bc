CREATE TABLE `organisation_services` (
	`organisation_id` text NOT NULL,
	`service` text NOT NULL,
	PRIMARY KEY(`service`, `organisation_id`),
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `organisation_services_organisation` ON `organisation_services` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `consent_organisations` (
	`consent_id` text NOT NULL,
	`organisation_id` text NOT NULL,
	PRIMARY KEY(`consent_id`, `organisation_id`),
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_organisations_organisation` ON `consent_organisations` (`organisation_id`);--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`date` text NOT NULL,
	`form` text NOT NULL,
	`witness` text DEFAULT '' NOT NULL,
	`given_by` text NOT NULL,
	`organisation_types` text NOT NULL,
	`categories` text NOT NULL,
	`valid_until` text,
	`note` text DEFAULT '' NOT NULL,
	`revoked_on` text,
	`revocation_note` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_person` ON `consents` (`person_id`,`date`);--> statement-breakpoint
CREATE INDEX `consents_recorded_by` ON `consents` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `needs_assessments` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`date` text NOT NULL,
	`assessed_by` text NOT NULL,
	`needs` text NOT NULL,
	`urgency` text NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `needs_assessments_person` ON `needs_assessments` (`person_id`,`date`);--> statement-breakpoint
CREATE INDEX `needs_assessments_recorded_by` ON `needs_assessments` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `referral_events` (
	`id` text PRIMARY KEY NOT NULL,
	`referral_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`state` text NOT NULL,
	`date` text NOT NULL,
	`reason` text,
	`outcome` text,
	`note` text DEFAULT '' NOT NULL,
	`recorded_by` text NOT NULL,
	`recorded_at` text NOT NULL,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referral_events_seq` ON `referral_events` (`referral_id`,`seq`);--> statement-breakpoint
CREATE INDEX `referral_events_recorded_by` ON `referral_events` (`recorded_by`);--> statement-breakpoint
CREATE TABLE `referral_needs` (
	`referral_id` text NOT NULL,
	`service` text NOT NULL,
	PRIMARY KEY(`referral_id`, `service`),
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `referral_needs_service` ON `referral_needs` (`service`,`referral_id`);--> statement-breakpoint
CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`assessment_id` text NOT NULL,
	`number_year` integer,
	`number_seq` integer,
	`from_organisation_id` text NOT NULL,
	`to_organisation_id` text NOT NULL,
	`urgency` text NOT NULL,
	`officer_id` text NOT NULL,
	`officer_contact` text NOT NULL,
	`disclose` text NOT NULL,
	`circumstances` text DEFAULT '' NOT NULL,
	`documents` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`state` text NOT NULL,
	`sent_on` text,
	`accepted_on` text,
	`answer_due_on` text,
	`service_due_on` text,
	`due_kind` text,
	`due_on` text,
	`consent_id` text,
	`consent_revoked_on` text,
	`decline_reason` text,
	`outcome` text,
	`revoke_reason` text,
	`last_date` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assessment_id`) REFERENCES `needs_assessments`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`from_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`to_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`officer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `referrals_number` ON `referrals` (`number_year`,`number_seq`);--> statement-breakpoint
CREATE INDEX `referrals_person` ON `referrals` (`person_id`);--> statement-breakpoint
CREATE INDEX `referrals_state_due` ON `referrals` (`state`,`due_on`);--> statement-breakpoint
CREATE INDEX `referrals_due` ON `referrals` (`due_on`);--> statement-breakpoint
CREATE INDEX `referrals_to` ON `referrals` (`to_organisation_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `referrals_state_created` ON `referrals` (`state`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `referrals_from` ON `referrals` (`from_organisation_id`);--> statement-breakpoint
CREATE INDEX `referrals_sent` ON `referrals` (`sent_on`);--> statement-breakpoint
CREATE INDEX `referrals_consent` ON `referrals` (`consent_id`);--> statement-breakpoint
CREATE INDEX `referrals_assessment` ON `referrals` (`assessment_id`);--> statement-breakpoint
CREATE INDEX `referrals_created` ON `referrals` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `referrals_officer` ON `referrals` (`officer_id`);--> statement-breakpoint
CREATE TABLE `services_received` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`date` text NOT NULL,
	`provider_organisation_id` text NOT NULL,
	`service` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`referral_id` text,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`provider_organisation_id`) REFERENCES `organisations`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`referral_id`) REFERENCES `referrals`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `services_received_person` ON `services_received` (`person_id`,`date`);--> statement-breakpoint
CREATE INDEX `services_received_referral` ON `services_received` (`referral_id`);--> statement-breakpoint
CREATE INDEX `services_received_provider` ON `services_received` (`provider_organisation_id`);--> statement-breakpoint
CREATE INDEX `services_received_recorded_by` ON `services_received` (`recorded_by`);--> statement-breakpoint
ALTER TABLE `persons` ADD `identified_on` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `identified_by_organisation_id` text REFERENCES organisations(id);--> statement-breakpoint
ALTER TABLE `persons` ADD `identified_katottg` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `persons_created` ON `persons` (`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `persons_identified_by` ON `persons` (`identified_by_organisation_id`);--> statement-breakpoint
ALTER TABLE `organisations` ADD `nrm_subject` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `organisations` ADD `ownership` text;--> statement-breakpoint
ALTER TABLE `organisations` ADD `client_groups` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
UPDATE organisations SET ownership = 'state', nrm_subject = 1 WHERE type = 'state_admin';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'social' FROM organisations WHERE type = 'state_admin';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'financial' FROM organisations WHERE type = 'state_admin';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'information' FROM organisations WHERE type = 'state_admin';--> statement-breakpoint
UPDATE organisations SET ownership = 'state', nrm_subject = 1 WHERE type = 'police';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'return' FROM organisations WHERE type = 'police';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'information' FROM organisations WHERE type = 'police';--> statement-breakpoint
UPDATE organisations SET ownership = 'state', nrm_subject = 0 WHERE type = 'prosecutor';--> statement-breakpoint
UPDATE organisations SET ownership = 'state', nrm_subject = 1 WHERE type = 'children_service';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'social' FROM organisations WHERE type = 'children_service';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'child_shelter' FROM organisations WHERE type = 'children_service';--> statement-breakpoint
UPDATE organisations SET ownership = 'communal', nrm_subject = 1 WHERE type = 'social_services_centre';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'social' FROM organisations WHERE type = 'social_services_centre';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'psychological' FROM organisations WHERE type = 'social_services_centre';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'information' FROM organisations WHERE type = 'social_services_centre';--> statement-breakpoint
UPDATE organisations SET ownership = 'state', nrm_subject = 1 WHERE type = 'health';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'medical' FROM organisations WHERE type = 'health';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'psychological' FROM organisations WHERE type = 'health';--> statement-breakpoint
UPDATE organisations SET ownership = 'state', nrm_subject = 1 WHERE type = 'education';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'education' FROM organisations WHERE type = 'education';--> statement-breakpoint
UPDATE organisations SET ownership = 'state', nrm_subject = 1 WHERE type = 'employment';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'employment' FROM organisations WHERE type = 'employment';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'education' FROM organisations WHERE type = 'employment';--> statement-breakpoint
UPDATE organisations SET ownership = 'state', nrm_subject = 1 WHERE type = 'legal_aid';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'legal' FROM organisations WHERE type = 'legal_aid';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'compensation' FROM organisations WHERE type = 'legal_aid';--> statement-breakpoint
UPDATE organisations SET ownership = 'state', nrm_subject = 1 WHERE type = 'migration_border';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'return' FROM organisations WHERE type = 'migration_border';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'information' FROM organisations WHERE type = 'migration_border';--> statement-breakpoint
UPDATE organisations SET ownership = 'communal', nrm_subject = 1 WHERE type = 'local_government';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'social' FROM organisations WHERE type = 'local_government';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'accommodation' FROM organisations WHERE type = 'local_government';--> statement-breakpoint
UPDATE organisations SET ownership = 'ngo', nrm_subject = 1 WHERE type = 'ngo';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'psychological' FROM organisations WHERE type = 'ngo';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'legal' FROM organisations WHERE type = 'ngo';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'social' FROM organisations WHERE type = 'ngo';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'accommodation' FROM organisations WHERE type = 'ngo';--> statement-breakpoint
UPDATE organisations SET ownership = 'international', nrm_subject = 1 WHERE type = 'international';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'return' FROM organisations WHERE type = 'international';--> statement-breakpoint
INSERT INTO organisation_services (organisation_id, service) SELECT id, 'financial' FROM organisations WHERE type = 'international';--> statement-breakpoint
UPDATE organisations SET ownership = 'private', nrm_subject = 0 WHERE type = 'private_provider';--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-referral_answer', 'referral_answer', 3, 'days', 'working', 'referral_sent', 'Постанова КМУ № 783 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-referral_answer_urgent', 'referral_answer_urgent', 1, 'days', 'calendar', 'referral_sent', 'Постанова КМУ № 783: невідкладно, протягом доби (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-referral_service', 'referral_service', 30, 'days', 'calendar', 'referral_accepted', 'Постанова КМУ № 783 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');--> statement-breakpoint
INSERT INTO term_versions (id, key, value, unit, day_kind, counts_from, legal_basis, confirmed, valid_from, created_at) VALUES ('default-referral_service_urgent', 'referral_service_urgent', 3, 'days', 'working', 'referral_accepted', 'Постанова КМУ № 783 (строк уточнити)', 0, '2012-05-23', '2026-11-29T00:00:00.000Z');
