import { z } from 'zod';
import { OrganisationDraftSchema, OrganisationOptionSchema, OrganisationSchema } from '../domain/organisations';
import type { ContractPart } from './types';

export const organisations = {
  /** The directory with every detail, for its own page. */
  'organisations:list': {
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(OrganisationSchema),
    access: 'meetings.read',
    kind: 'query',
  },
  /** Names and types only, for the pickers of other screens. */
  'organisations:options': {
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(OrganisationOptionSchema),
    access: 'meetings.read',
    kind: 'query',
  },
  /** Creates when `id` is absent, updates otherwise. */
  'organisations:save': { input: OrganisationDraftSchema, output: OrganisationSchema, access: 'meetings.write', kind: 'mutation' },
} satisfies ContractPart<'organisations'>;
