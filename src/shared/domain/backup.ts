import { z } from 'zod';
import { SerializedErrorSchema } from '../errors';
import { Id } from './fields';

/** The steps of a backup, in order; the window draws them as one bar. */
export const BACKUP_PHASES = ['checkpoint', 'copy', 'verify', 'done', 'failed'] as const;
export const BackupPhaseSchema = z.enum(BACKUP_PHASES);
export type BackupPhase = z.infer<typeof BackupPhaseSchema>;

/** A backup under way or finished; `percent` is honest to the bytes copied and read back. */
export const BackupJobSchema = z.object({
  jobId: z.string(),
  phase: BackupPhaseSchema,
  percent: z.number().int().min(0).max(100),
  fileName: z.string(),
  /** Where it went, once it verified. */
  path: z.string().nullable(),
  bytes: z.number().int().nullable(),
  error: SerializedErrorSchema.nullable(),
});
export type BackupJob = z.infer<typeof BackupJobSchema>;

/** The last backup made of this store and whether it is time for the next one (the store's reminder setting). */
export const BackupReminderSchema = z.object({
  lastBackupAt: z.string().nullable(),
  path: z.string().nullable(),
  reminderDays: z.number().int(),
  /** Whole Kyiv calendar days since the last backup; null when none was made. */
  daysSince: z.number().int().nullable(),
  due: z.boolean(),
});
export type BackupReminder = z.infer<typeof BackupReminderSchema>;

/** A choice the main process made through its own dialog, named by a token: the renderer never sends a path. */
export const ChoiceToken = Id;
export const ChosenSchema = z.union([z.object({ cancelled: z.literal(true) }), z.object({ cancelled: z.literal(false), token: z.string(), path: z.string() })]);
export type Chosen = z.infer<typeof ChosenSchema>;
