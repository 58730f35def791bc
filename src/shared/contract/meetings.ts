import { z } from 'zod';
import {
  AssignmentDraftSchema,
  AssignmentSchema,
  DashboardSchema,
  MeetingDraftSchema,
  MeetingPlanSchema,
  MeetingSchema,
  MeetingSummarySchema,
} from '../domain/meetings';
import type { ContractPart } from './types';

const Id = z.string().min(1).max(64);

export const meetings = {
  /** What opens after unlock: next meetings, assignments due within 7 days, overdue ones by organisation. */
  'dashboard:get': { input: z.object({}).strict(), output: DashboardSchema, access: 'meetings.read', kind: 'query' },
  /** Meetings of one year (or all), newest first. */
  'meetings:list': {
    input: z.object({ year: z.number().int().min(2000).max(2100).optional() }).strict(),
    output: z.array(MeetingSummarySchema),
    access: 'meetings.read',
    kind: 'query',
  },
  'meetings:get': { input: z.object({ id: Id }).strict(), output: MeetingSchema, access: 'meetings.read', kind: 'query' },
  /** Numbers the meeting and, for a regular one, pre-fills its first item with every open assignment. */
  'meetings:plan': { input: MeetingPlanSchema, output: MeetingSchema, access: 'meetings.write', kind: 'mutation' },
  /** Saves header, agenda, attendance and guests; refused once the minutes are approved. */
  'meetings:update': { input: MeetingDraftSchema, output: MeetingSchema, access: 'meetings.write', kind: 'mutation' },
  /** Locks the minutes; their content hash goes into the audit chain. */
  'meetings:approve': { input: z.object({ id: Id }).strict(), output: MeetingSchema, access: 'meetings.write', kind: 'mutation' },
  /** The only change approved minutes accept: a numbered amendment with its reason. */
  'meetings:amend': {
    input: z.object({ id: Id, reason: z.string().trim().min(3).max(2000), text: z.string().trim().min(3).max(20_000) }).strict(),
    output: MeetingSchema,
    access: 'meetings.write',
    kind: 'mutation',
  },
  'assignments:list': {
    input: z
      .object({
        states: z.array(z.enum(['in_progress', 'overdue', 'done', 'removed'])).optional(),
        organisationId: Id.optional(),
        meetingId: Id.optional(),
      })
      .strict(),
    output: z.array(AssignmentSchema),
    access: 'meetings.read',
    kind: 'query',
  },
  'assignments:create': { input: AssignmentDraftSchema, output: AssignmentSchema, access: 'meetings.write', kind: 'mutation' },
  'assignments:report': {
    input: z
      .object({ assignmentId: Id, receivedOn: z.iso.date(), text: z.string().trim().min(3).max(20_000), reference: z.string().trim().max(200).default('') })
      .strict(),
    output: AssignmentSchema,
    access: 'meetings.write',
    kind: 'mutation',
  },
  /** Done or removed from control, always by a decision of a later meeting. */
  'assignments:close': {
    input: z.object({ assignmentId: Id, decisionId: Id, outcome: z.enum(['done', 'removed']) }).strict(),
    output: AssignmentSchema,
    access: 'meetings.write',
    kind: 'mutation',
  },
} satisfies ContractPart;
