import { z } from 'zod';
import { Id, IsoDate } from '../domain/fields';
import { GroupSettingsSchema, MemberDraftSchema, MemberSchema } from '../domain/group';
import type { ContractPart } from './types';

export const group = {
  'group:get': { input: z.object({}).strict(), output: GroupSettingsSchema, access: 'meetings.read', kind: 'query' },
  'group:update': { input: GroupSettingsSchema, output: GroupSettingsSchema, access: 'meetings.write', kind: 'mutation' },
  /** Members valid on a date (default: today in Kyiv), or every seat ever held. */
  'group:members': {
    input: z.object({ on: IsoDate.optional(), all: z.boolean().default(false) }).strict(),
    output: z.array(MemberSchema),
    access: 'meetings.read',
    kind: 'query',
  },
  'group:saveMember': { input: MemberDraftSchema, output: MemberSchema, access: 'meetings.write', kind: 'mutation' },
  /** Ends a seat on a date (a new order of the head); the history stays. */
  'group:endMember': {
    input: z.object({ id: Id, validTo: IsoDate }).strict(),
    output: MemberSchema,
    access: 'meetings.write',
    kind: 'mutation',
  },
} satisfies ContractPart<'group'>;
