import { z } from 'zod';
import { GroupSettingsSchema, MemberDraftSchema, MemberSchema } from '../domain/group';
import { OrganisationDraftSchema, OrganisationSchema } from '../domain/organisations';
import type { ContractPart } from './types';

const Id = z.string().min(1).max(64);

export const group = {
  'organisations:list': {
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(OrganisationSchema),
    access: 'meetings.read',
    kind: 'query',
  },
  /** Creates when `id` is absent, updates otherwise. */
  'organisations:save': { input: OrganisationDraftSchema, output: OrganisationSchema, access: 'meetings.write', kind: 'mutation' },
  'group:get': { input: z.object({}).strict(), output: GroupSettingsSchema, access: 'meetings.read', kind: 'query' },
  'group:update': { input: GroupSettingsSchema, output: GroupSettingsSchema, access: 'meetings.write', kind: 'mutation' },
  /** Members valid on a date (default: today in Kyiv), or every seat ever held. */
  'members:list': {
    input: z.object({ on: z.iso.date().optional(), all: z.boolean().default(false) }).strict(),
    output: z.array(MemberSchema),
    access: 'meetings.read',
    kind: 'query',
  },
  'members:save': { input: MemberDraftSchema, output: MemberSchema, access: 'meetings.write', kind: 'mutation' },
  /** Ends a seat on a date (a new order of the head); the history stays. */
  'members:end': {
    input: z.object({ id: Id, validTo: z.iso.date() }).strict(),
    output: MemberSchema,
    access: 'meetings.write',
    kind: 'mutation',
  },
} satisfies ContractPart;
