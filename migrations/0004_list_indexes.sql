DROP INDEX `assignments_lead`;--> statement-breakpoint
CREATE INDEX `assignments_lead_due` ON `assignments` (`lead_organisation_id`,`status`,`due_date`);--> statement-breakpoint
CREATE INDEX `assignments_decision` ON `assignments` (`decision_id`);--> statement-breakpoint
CREATE INDEX `assignments_closed_by` ON `assignments` (`closed_by_decision_id`);--> statement-breakpoint
CREATE INDEX `group_members_organisation` ON `group_members` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `agenda_item_assignments_assignment` ON `agenda_item_assignments` (`assignment_id`);--> statement-breakpoint
CREATE INDEX `agenda_items_rapporteur` ON `agenda_items` (`rapporteur_member_id`);--> statement-breakpoint
CREATE INDEX `amendments_created_by` ON `amendments` (`created_by`);--> statement-breakpoint
CREATE INDEX `co_executors_organisation` ON `assignment_co_executors` (`organisation_id`);--> statement-breakpoint
CREATE INDEX `attendance_member` ON `attendance` (`member_id`);--> statement-breakpoint
CREATE INDEX `decisions_item` ON `decisions` (`item_id`,`position`);--> statement-breakpoint
CREATE INDEX `guests_meeting` ON `guests` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `meetings_chair` ON `meetings` (`chair_member_id`);--> statement-breakpoint
CREATE INDEX `meetings_secretary` ON `meetings` (`secretary_member_id`);--> statement-breakpoint
CREATE INDEX `meetings_approved_by` ON `meetings` (`approved_by`);--> statement-breakpoint
CREATE INDEX `progress_reports_assignment` ON `progress_reports` (`assignment_id`,`received_on`);--> statement-breakpoint
CREATE INDEX `speeches_item` ON `speeches` (`item_id`,`position`);