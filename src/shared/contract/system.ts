import { z } from 'zod';
import { AboutSchema, SettingsSchema } from '../domain/system';
import type { ContractPart } from './types';

export const system = {
  'system:about': { input: z.object({}).strict(), output: AboutSchema, access: 'session', kind: 'query' },
  'settings:get': { input: z.object({}).strict(), output: SettingsSchema, access: 'session', kind: 'query' },
  'settings:update': { input: SettingsSchema.strict(), output: SettingsSchema, access: 'settings.write', kind: 'mutation' },
} satisfies ContractPart;
