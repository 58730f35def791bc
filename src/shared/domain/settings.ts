import { z } from 'zod';

export const SettingsSchema = z
  .object({
    idleLockMinutes: z.number().int().min(1).max(240),
  })
  .strict();
export type Settings = z.infer<typeof SettingsSchema>;
