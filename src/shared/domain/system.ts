import { z } from 'zod';

export const AboutSchema = z.object({
  version: z.string(),
  storeDir: z.string(),
  schemaVersion: z.number().int(),
  cipher: z.string(),
  kdf: z.string(),
  journalMode: z.string(),
  synchronous: z.string(),
});
export type About = z.infer<typeof AboutSchema>;

export const SettingsSchema = z.object({
  idleLockMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof SettingsSchema>;
