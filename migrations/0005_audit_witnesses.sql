CREATE TABLE `audit_heads` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`hash` text NOT NULL,
	`user_id` text NOT NULL,
	`signed_at` text NOT NULL,
	`signature` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_heads_seq` ON `audit_heads` (`seq`);--> statement-breakpoint
CREATE TABLE `user_keys` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` text NOT NULL,
	`public_key` text NOT NULL,
	`issuer_key` text NOT NULL,
	`may_certify` integer NOT NULL,
	`certificate` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `user_keys_user` ON `user_keys` (`user_id`);--> statement-breakpoint
CREATE TRIGGER `audit_heads_no_update` BEFORE UPDATE ON `audit_heads`
BEGIN
  SELECT RAISE(ABORT, 'signed heads are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `audit_heads_no_delete` BEFORE DELETE ON `audit_heads`
BEGIN
  SELECT RAISE(ABORT, 'signed heads are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `user_keys_no_update` BEFORE UPDATE ON `user_keys`
BEGIN
  SELECT RAISE(ABORT, 'certificates are append-only');
END;
--> statement-breakpoint
CREATE TRIGGER `user_keys_no_delete` BEFORE DELETE ON `user_keys`
BEGIN
  SELECT RAISE(ABORT, 'certificates are append-only');
END;
