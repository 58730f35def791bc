import { z } from 'zod';
import { RoleSchema } from '../permissions';

export const UserSummarySchema = z.object({
  id: z.string(),
  login: z.string(),
  displayName: z.string(),
  roles: z.array(RoleSchema),
  mustChangePassphrase: z.boolean(),
  createdAt: z.string(),
  lastUnlockAt: z.string().nullable(),
});
export type UserSummary = z.infer<typeof UserSummarySchema>;
