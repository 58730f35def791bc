import { z } from 'zod';
import { AboutSchema } from '../domain/about';
import type { ContractPart } from './types';

export const about = {
  /** Version, store location and how the store is protected. */
  'about:get': { input: z.object({}).strict(), output: AboutSchema, access: 'session', kind: 'query' },
} satisfies ContractPart<'about'>;
