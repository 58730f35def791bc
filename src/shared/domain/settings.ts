import { z } from 'zod';

export const SettingsSchema = z
  .object({
    idleLockMinutes: z.number().int().min(1).max(240),
    /** How long before the idle lock a countdown lets the user stay. */
    lockWarningSeconds: z.number().int().min(10).max(300),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;
