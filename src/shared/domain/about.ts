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
