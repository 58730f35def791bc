import { z } from 'zod';
import { Id } from '../domain/fields';
import { PreventionEventSchema, PreventionFilterSchema, PreventionInputSchema, PreventionSummarySchema } from '../domain/prevention';
import type { ContractPart } from './types';

const ById = z.object({ id: Id }).strict();

/** Prevention events in the communities of the oblast. */
export const prevention = {
  'prevention:list': {
    input: PreventionFilterSchema,
    output: z.object({ total: z.number().int(), rows: z.array(PreventionSummarySchema) }),
    access: 'trainings.read',
    kind: 'query',
  },
  'prevention:get': { input: ById, output: PreventionEventSchema, access: 'trainings.read', kind: 'query' },
  'prevention:save': { input: PreventionInputSchema, output: PreventionEventSchema, access: 'trainings.write', kind: 'mutation' },
  'prevention:remove': { input: ById, output: z.object({ id: z.string() }), access: 'trainings.write', kind: 'mutation' },
} satisfies ContractPart<'prevention'>;
