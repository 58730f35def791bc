import { z } from 'zod';
import { Id, Text } from '../domain/fields';
import { OrganisationDraftSchema, OrganisationOptionSchema, OrganisationSchema, SimilarOrganisationSchema } from '../domain/organisations';
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
  /** Entries that look like the one being typed (see looksLikeDuplicate): the form warns before a duplicate is saved. */
  'organisations:similar': {
    input: z.object({ name: Text(300), shortName: Text(80).default(''), exceptId: Id.optional() }).strict(),
    output: z.array(SimilarOrganisationSchema),
    access: 'meetings.read',
    kind: 'query',
  },
  /**
   * Merges a duplicate into the entry that stays: members, assignments and co-executions move over, the duplicate is
   * made inactive and marked as merged. Audited with what moved.
   */
  'organisations:merge': {
    input: z
      .object({ keepId: Id, duplicateId: Id })
      .strict()
      .refine((v) => v.keepId !== v.duplicateId, { path: ['duplicateId'], message: 'sameOrganisation' }),
    output: OrganisationSchema,
    access: 'meetings.write',
    kind: 'mutation',
  },
} satisfies ContractPart<'organisations'>;
