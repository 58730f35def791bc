import { z } from 'zod';

export const SettingsSchema = z
  .object({
    idleLockMinutes: z.number().int().min(1).max(240),
    /** How long before the idle lock a countdown lets the user stay. */
    lockWarningSeconds: z.number().int().min(10).max(300),
    /** The overview reminds to make a backup when the last one is this many days old (or none was made). */
    backupReminderDays: z.number().int().min(1).max(90),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;
