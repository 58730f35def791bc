import { z } from 'zod';
import {
  AssignmentChangeDraftSchema,
  AssignmentCloseSchema,
  AssignmentDraftSchema,
  AssignmentFilterSchema,
  AssignmentSchema,
  AssignmentSummarySchema,
  ProgressReportDraftSchema,
} from '../domain/assignments';
import { Id } from '../domain/fields';
import type { ContractPart } from './types';

export const assignments = {
  /** List rows, filtered in the store by state, organisation and meeting; soonest due first. */
  'assignments:list': { input: AssignmentFilterSchema, output: z.array(AssignmentSummarySchema), access: 'meetings.read', kind: 'query' },
  /** One assignment with its reports and how it was closed. */
  'assignments:get': { input: z.object({ id: Id }).strict(), output: AssignmentSchema, access: 'meetings.read', kind: 'query' },
  'assignments:create': { input: AssignmentDraftSchema, output: AssignmentSchema, access: 'meetings.write', kind: 'mutation' },
  'assignments:report': { input: ProgressReportDraftSchema, output: AssignmentSchema, access: 'meetings.write', kind: 'mutation' },
  /**
   * Changes text, due date or executors: freely while the giving minutes are a draft, afterwards only by a decision of
   * a later meeting that has taken place. Each change is kept with what it replaced.
   */
  'assignments:change': { input: AssignmentChangeDraftSchema, output: AssignmentSchema, access: 'meetings.write', kind: 'mutation' },
  /** Done or removed from control, always by a decision of a later meeting that has taken place. */
  'assignments:close': { input: AssignmentCloseSchema, output: AssignmentSchema, access: 'meetings.write', kind: 'mutation' },
} satisfies ContractPart<'assignments'>;
