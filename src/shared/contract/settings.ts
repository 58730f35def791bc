import { z } from 'zod';
import { SettingsSchema } from '../domain/settings';
import type { ContractPart } from './types';

export const settings = {
  'settings:get': { input: z.object({}).strict(), output: SettingsSchema, access: 'session', kind: 'query' },
  'settings:update': { input: SettingsSchema, output: SettingsSchema, access: 'settings.write', kind: 'mutation' },
} satisfies ContractPart<'settings'>;
