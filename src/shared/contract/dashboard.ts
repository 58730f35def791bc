import { z } from 'zod';
import { DashboardSchema } from '../domain/dashboard';
import type { ContractPart } from './types';

export const dashboard = {
  /** What opens after unlock: next meetings, assignments due within 7 days, overdue ones by organisation. */
  'dashboard:get': { input: z.object({}).strict(), output: DashboardSchema, access: 'meetings.read', kind: 'query' },
} satisfies ContractPart<'dashboard'>;
